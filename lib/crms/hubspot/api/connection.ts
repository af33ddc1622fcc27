/**
 * Connecting Baton to a HubSpot portal: a private app access token or service key the user
 * pastes (checked with test calls before it is kept), or OAuth through the browser's web auth
 * flow with PKCE and the configured client id. The result is a HubSpotSecret, stored in the
 * extension's IndexedDB by the background; nothing here stores or sends it anywhere else.
 */
import { z } from '@/lib/zod';
import { CrmError } from '@/lib/domain/problem';
import type { FetchLike } from '@/lib/crms/shared/api/http';
import { readJson, send, tryJson } from '@/lib/crms/shared/api/http';
import type { HubSpotSecret } from '@/lib/db/secrets';
import { HUBSPOT_APP_HOST } from '@/lib/crms/hubspot/urls';
import { HUBSPOT_API_HOST, HubSpotApi, classifyHubSpotError } from './client';
import { OAuthTokens, PropertyList } from './schemas';

/**
 * What Baton needs: read and write deals, read the deal property definitions, and read owners
 * (the console's owner names, and who wrote each of Baton's notes).
 */
export const HUBSPOT_SCOPES = ['crm.objects.deals.read', 'crm.objects.deals.write', 'crm.schemas.deals.read', 'crm.objects.owners.read'];

const AccountDetails = z.looseObject({ portalId: z.number(), uiDomain: z.string().optional() });
const DealPage = z.looseObject({ results: z.array(z.unknown()) });

async function describePortal(api: HubSpotApi): Promise<{ portalId: string; uiDomain: string }> {
  const details = await api.get('/account-info/v3/details', AccountDetails, 'the portal details');
  // Test calls for the scopes Baton needs, so a token that cannot do the job is refused now.
  await api.get('/crm/v3/objects/deals?limit=1', DealPage, 'a deal');
  await api.get('/crm/v3/properties/deals', PropertyList, 'the deal properties');
  const uiDomain = details.uiDomain && HUBSPOT_APP_HOST.test(details.uiDomain) ? details.uiDomain : 'app.hubspot.com';
  return { portalId: String(details.portalId), uiDomain };
}

/** Checks a private app access token or service key; the secret to keep, or a CrmError. */
export async function connectWithToken(token: string, now: Date, fetchImpl?: FetchLike): Promise<HubSpotSecret> {
  const trimmed = token.trim();
  if (!/^[\w.:-]{20,500}$/.test(trimmed)) {
    throw new CrmError({ kind: 'validation', message: 'That does not look like a HubSpot access token or service key (20–500 letters, digits, "-", "_", ":" or ".").' });
  }
  const { portalId, uiDomain } = await describePortal(new HubSpotApi(trimmed, fetchImpl));
  return { name: 'hubspot', method: 'private-app', accessToken: trimmed, refreshToken: null, expiresAt: null, portalId, uiDomain, savedAt: now.toISOString() };
}

function base64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function pkce(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(48)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return { verifier, challenge: base64Url(digest) };
}

async function tokenRequest(form: Record<string, string>, fetchImpl?: FetchLike) {
  const response = await send(
    fetchImpl ?? ((input, init) => fetch(input, init)),
    `https://${HUBSPOT_API_HOST}/oauth/v1/token`,
    { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: new URLSearchParams(form).toString() },
    'HubSpot',
  );
  if (!response.ok) {
    const problem = classifyHubSpotError(response.status, await tryJson(response), response.headers.get('Retry-After'));
    throw new CrmError({ ...problem, kind: problem.kind === 'validation' ? 'session-expired' : problem.kind, message: `HubSpot did not grant access (${problem.message})` });
  }
  return readJson(response, OAuthTokens, 'the access token', 'HubSpot');
}

export interface OAuthOptions {
  clientId: string;
  redirectUri: string;
  /** browser.identity.launchWebAuthFlow: opens HubSpot's consent page, resolves to the redirect URL. */
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
  now: () => Date;
  fetch?: FetchLike;
}

/** OAuth 2 authorization code flow with PKCE (no client secret in the extension). */
export async function connectWithOAuth(options: OAuthOptions): Promise<HubSpotSecret> {
  const { verifier, challenge } = await pkce();
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const authorize = new URL('https://app.hubspot.com/oauth/authorize');
  authorize.search = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: HUBSPOT_SCOPES.join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const redirected = await options.launchWebAuthFlow({ url: authorize.toString(), interactive: true });
  const params = redirected ? new URL(redirected).searchParams : null;
  if (!params || params.get('state') !== state) {
    throw new CrmError({ kind: 'not-connected', message: 'HubSpot sign-in was cancelled or did not come back to Baton.' });
  }
  const code = params.get('code');
  if (!code) throw new CrmError({ kind: 'not-connected', message: `HubSpot did not grant access (${params.get('error') ?? 'no code'}).` });
  const tokens = await tokenRequest(
    { grant_type: 'authorization_code', client_id: options.clientId, redirect_uri: options.redirectUri, code, code_verifier: verifier },
    options.fetch,
  );
  const now = options.now();
  const { portalId, uiDomain } = await describePortal(new HubSpotApi(tokens.access_token, options.fetch));
  return {
    name: 'hubspot',
    method: 'oauth',
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? null,
    expiresAt: tokens.expires_in ? new Date(now.getTime() + tokens.expires_in * 1000).toISOString() : null,
    portalId,
    uiDomain,
    savedAt: now.toISOString(),
  };
}

/** A fresh OAuth access token from the refresh token. */
export async function refreshOAuth(secret: HubSpotSecret, clientId: string, now: Date, fetchImpl?: FetchLike): Promise<HubSpotSecret> {
  if (secret.refreshToken === null) throw new CrmError({ kind: 'session-expired', message: 'HubSpot’s access expired. Reconnect HubSpot in Baton’s options.' });
  const tokens = await tokenRequest({ grant_type: 'refresh_token', client_id: clientId, refresh_token: secret.refreshToken }, fetchImpl);
  return {
    ...secret,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? secret.refreshToken,
    expiresAt: tokens.expires_in ? new Date(now.getTime() + tokens.expires_in * 1000).toISOString() : null,
    savedAt: now.toISOString(),
  };
}
