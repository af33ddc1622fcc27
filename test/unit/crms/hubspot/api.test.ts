import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HubSpotBackend, PORTAL_CACHE_MS } from '@/lib/crms/hubspot/api/backend';
import { classifyHubSpotError } from '@/lib/crms/hubspot/api/client';
import { connectWithOAuth, connectWithToken, refreshOAuth } from '@/lib/crms/hubspot/api/connection';
import { hubspotDate, noteHtml, pipelinesOf } from '@/lib/crms/hubspot/api/records';
import { CrmError, type CrmErrorKind } from '@/lib/domain/problem';
import { HubSpotSecret, closeBatonDb, getSecret, openBatonDb, putSecret } from '@/lib/db';
import type { DealRef } from '@/lib/domain/deal';
import { DEFAULT_HUBSPOT_MAPPING } from '@/lib/settings/schema';
import { FakeHubSpotPortal, HANDOFF_PROPERTIES, type FakeDeal } from '@/test/fixtures/hubspot/portal';
import { fetchFromPortal } from '@/test/fixtures/hubspot/fetch';

let dbName = '';
let n = 0;
const NOW = new Date('2027-01-11T12:00:00.000Z');

beforeEach(() => {
  dbName = `baton-hubspot-${++n}`;
});
afterEach(async () => {
  await closeBatonDb(dbName);
});

async function setup(portal = new FakeHubSpotPortal({ customPipeline: true })) {
  const db = () => openBatonDb(dbName);
  await putSecret(await db(), { name: 'hubspot', method: 'private-app', accessToken: portal.token, refreshToken: null, expiresAt: null, portalId: portal.portalId, uiDomain: portal.appHost, savedAt: NOW.toISOString() });
  const backend = new HubSpotBackend({ db, mapping: async () => DEFAULT_HUBSPOT_MAPPING, oauthClientId: async () => 'baton-test-client', fetch: fetchFromPortal(portal), now: () => NOW });
  return { portal, backend, db };
}

const refOf = (portal: FakeHubSpotPortal, deal: FakeDeal): DealRef => ({ crm: 'hubspot', instance: portal.portalId, recordId: deal.id });

async function kindOf(p: Promise<unknown>): Promise<CrmErrorKind> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CrmError);
    return (e as CrmError).kind;
  }
  throw new Error('expected a CrmError');
}

describe('HubSpotBackend', () => {
  it('reads the deal: string values parsed, the owner named, the handoff properties mapped', async () => {
    const { portal, backend } = await setup();
    const deal = portal.addDeal({ name: 'Acme expansion', amount: '84000.50', closedate: '1743379200000', handoff: { useCase: 'Route support email' } });
    const s = await backend.readSnapshot(refOf(portal, deal));
    expect(s).toMatchObject({
      name: 'Acme expansion',
      stage: { value: 'contractsent', label: 'Contract Sent' },
      amount: 84000.5,
      closeDate: '2025-03-31',
      owner: 'Sam Rep',
      pipeline: { id: 'default', label: 'Sales Pipeline' },
      url: `https://app.hubspot.com/contacts/12345/record/0-3/${deal.id}`,
      source: 'api',
    });
    expect(s.artifact.useCase).toBe('Route support email');
  });

  it('takes won stages from the pipelines API: closed with probability 1, numeric ids included', async () => {
    const { portal, backend } = await setup();
    const deal = portal.addDeal({ name: 'Renewal', pipeline: '75849321', stage: '110384572' });
    const s = await backend.readSnapshot(refOf(portal, deal));
    expect(s.stages?.filter((st) => st.won).map((st) => st.value)).toEqual(['closedwon', '110384573']);
    expect(s.stages?.find((st) => st.value === '110384574')).toMatchObject({ closed: true, won: false });
    expect(s.pipeline).toEqual({ id: '75849321', label: 'Renewals' });
  });

  it('names a mapped property the portal lacks', async () => {
    const { portal, backend } = await setup(new FakeHubSpotPortal({ missingProperties: [HANDOFF_PROPERTIES.knownGaps] }));
    const s = await backend.readSnapshot(refOf(portal, portal.addDeal({ name: 'x' })));
    expect(s.fieldIssues).toEqual([{ element: 'knownGaps', field: 'handoff_known_gaps', problem: 'missing' }]);
    expect(s.notice).toBe(
      'HubSpot setup needed: the deal property handoff_known_gaps does not exist in this portal. Ask your HubSpot admin to create it, or change the mapping in Baton’s options.',
    );
    const two = await setup(new FakeHubSpotPortal({ missingProperties: [HANDOFF_PROPERTIES.timeline, HANDOFF_PROPERTIES.knownGaps] }));
    expect((await two.backend.readSnapshot(refOf(two.portal, two.portal.addDeal({ name: 'y' })))).notice).toBe(
      'HubSpot setup needed: the deal properties handoff_timeline, handoff_known_gaps do not exist in this portal. Ask your HubSpot admin to create them, or change the mapping in Baton’s options.',
    );
  });

  it('reads the property list and pipelines again once PORTAL_CACHE_MS has passed, and does not remember a failed read', async () => {
    const { portal, db } = await setup();
    let clock = NOW.getTime();
    const timed = new HubSpotBackend({ db, mapping: async () => DEFAULT_HUBSPOT_MAPPING, oauthClientId: async () => null, fetch: fetchFromPortal(portal), now: () => new Date(clock) });
    const ref = refOf(portal, portal.addDeal({ name: 'x' }));
    const reads = (path: string) => portal.requests.filter((r) => new URL(r.url).pathname === path).length;
    portal.failNext({ path: /properties\/deals/, status: 502 });
    expect(await kindOf(timed.readSnapshot(ref))).toBe('unavailable');
    await timed.readSnapshot(ref);
    // The pipelines read that succeeded beside the failed one is kept.
    expect([reads('/crm/v3/properties/deals'), reads('/crm/v3/pipelines/deals')]).toEqual([2, 1]);
    clock += PORTAL_CACHE_MS - 1;
    await timed.readSnapshot(ref);
    expect([reads('/crm/v3/properties/deals'), reads('/crm/v3/pipelines/deals')]).toEqual([2, 1]);
    clock += 1;
    await timed.readSnapshot(ref);
    expect([reads('/crm/v3/properties/deals'), reads('/crm/v3/pipelines/deals')]).toEqual([3, 2]);
  });

  it('without a connection, or for another portal, says so', async () => {
    const portal = new FakeHubSpotPortal();
    const deal = portal.addDeal({ name: 'x' });
    const none = new HubSpotBackend({ db: () => openBatonDb(dbName), mapping: async () => DEFAULT_HUBSPOT_MAPPING, oauthClientId: async () => null, fetch: fetchFromPortal(portal) });
    expect(await kindOf(none.readSnapshot(refOf(portal, deal)))).toBe('not-connected');
    const { backend } = await setup(portal);
    await expect(backend.readSnapshot({ crm: 'hubspot', instance: '999', recordId: deal.id })).rejects.toThrow('connected to HubSpot portal 12345; this deal is in portal 999');
  });

  it('classifies HubSpot’s errors: revoked token, missing scope, 404, 409, 429 with Retry-After, 5xx', async () => {
    const { portal, backend } = await setup();
    const deal = portal.addDeal({ name: 'x' });
    const ref = refOf(portal, deal);
    portal.failNext({ path: /objects\/deals/, status: 401, body: { status: 'error', message: 'expired', category: 'EXPIRED_AUTHENTICATION' } });
    expect(await kindOf(backend.readSnapshot(ref))).toBe('session-expired');
    portal.failNext({ path: /objects\/deals/, status: 403, body: { status: 'error', message: 'scopes', category: 'MISSING_SCOPES' } });
    expect(await kindOf(backend.readSnapshot(ref))).toBe('forbidden');
    expect(await kindOf(backend.readSnapshot({ ...ref, recordId: '1' }))).toBe('not-found');
    portal.failNext({ method: 'PATCH', status: 409, body: { status: 'error', message: 'conflict', category: 'CONFLICT' } });
    expect(await kindOf(backend.writeFields(ref, { useCase: 'a' }, { useCase: '' }))).toBe('conflict');
    portal.failNext({ path: /objects\/deals/, status: 429, headers: { 'Retry-After': '10' }, body: { status: 'error', message: 'You have reached your secondly limit.', category: 'RATE_LIMITS' } });
    await expect(backend.readSnapshot(ref)).rejects.toMatchObject({ problem: { kind: 'rate-limited', retryAfterSeconds: 10 } });
    portal.failNext({ path: /objects\/deals/, status: 502 });
    expect(await kindOf(backend.readSnapshot(ref))).toBe('unavailable');
  });

  it('writes only when nobody changed the properties meanwhile', async () => {
    const { portal, backend } = await setup();
    const deal = portal.addDeal({ name: 'x', handoff: { useCase: 'old' } });
    const ref = refOf(portal, deal);
    expect(await backend.writeFields(ref, { useCase: 'new' }, { useCase: 'old' })).toEqual({ ok: true });
    expect(deal.properties.handoff_use_case).toBe('new');
    portal.editElsewhere(deal.id, { handoff_use_case: 'theirs' });
    expect(await backend.writeFields(ref, { useCase: 'mine' }, { useCase: 'new' })).toEqual({ ok: false, conflicts: [{ element: 'useCase', theirs: 'theirs' }] });
    expect(deal.properties.handoff_use_case).toBe('theirs');
  });

  it('records overrides as notes associated with the deal, with the text escaped', async () => {
    const { portal, backend } = await setup();
    const deal = portal.addDeal({ name: 'x' });
    await backend.createActivity(refOf(portal, deal), 'Baton: override', 'Reason: <img src=x onerror=alert(1)> & co');
    expect(portal.notes).toHaveLength(1);
    expect(portal.notes[0]?.dealIds).toEqual([deal.id]);
    expect(portal.notes[0]?.body).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; co');
    expect(portal.notes[0]?.body).not.toContain('<img');
  });

  it('reads back its own notes as plain text, newest first, and ignores everyone else\'s', async () => {
    const { portal, backend } = await setup();
    const deal = portal.addDeal({ name: 'x' });
    const ref = refOf(portal, deal);
    await backend.createActivity(ref, 'Baton: handoff gate overridden (closed won anyway)', 'Reason given: <b>Q4</b> & "quota"');
    portal.addNote(deal.id, 'Call went well', '', '2099-01-01T00:00:00.000Z');
    await backend.createActivity(ref, 'Baton: handoff acknowledged by CS (3/5)', 'Rating: 3/5\nComment: it\'s fine &amp; clear');
    const notes = await backend.readActivities(ref);
    expect(notes.map((n) => n.kind).sort()).toEqual(['acknowledgement', 'override']);
    const ack = notes.find((n) => n.kind === 'acknowledgement');
    expect(ack).toMatchObject({ rating: 3, body: "Rating: 3/5\nComment: it's fine &amp; clear" });
    expect(notes.find((n) => n.kind === 'override')?.body).toBe('Reason given: <b>Q4</b> & "quota"');
  });

  it('writes the CSM rating to the mapped property', async () => {
    const { portal, backend } = await setup();
    const deal = portal.addDeal({ name: 'x' });
    await backend.writeNumber(refOf(portal, deal), 'handoff_csm_rating', 4);
    expect(deal.properties.handoff_csm_rating).toBe('4');
  });

  it('refreshes an expired OAuth token before using it, and keeps the new one', async () => {
    const portal = new FakeHubSpotPortal();
    const deal = portal.addDeal({ name: 'x' });
    const { db, backend } = await setup(portal);
    const stale: HubSpotSecret = { name: 'hubspot', method: 'oauth', accessToken: 'oauth-access-expired', refreshToken: 'oauth-refresh-1', expiresAt: '2027-01-11T11:59:00.000Z', portalId: portal.portalId, uiDomain: portal.appHost, savedAt: NOW.toISOString() };
    await putSecret(await db(), stale);
    await backend.readSnapshot(refOf(portal, deal));
    const kept = await getSecret(await db(), 'hubspot');
    expect(kept?.accessToken).toMatch(/^oauth-access-\d+$/);
    expect(kept?.expiresAt).toBe('2027-01-11T12:30:00.000Z');
  });
});

describe('connecting', () => {
  it('checks a private app token with test calls and learns its portal', async () => {
    const portal = new FakeHubSpotPortal({ portalId: '147434121', appHost: 'app-eu1.hubspot.com' });
    const secret = await connectWithToken(`  ${portal.token}  `, NOW, fetchFromPortal(portal));
    expect(secret).toMatchObject({ method: 'private-app', accessToken: portal.token, portalId: '147434121', uiDomain: 'app-eu1.hubspot.com' });
  });

  it('keeps only an app host as the portal’s uiDomain, and storage refuses any other', async () => {
    const portal = new FakeHubSpotPortal({ appHost: 'app-evil.hubspot.com' });
    const secret = await connectWithToken(portal.token, NOW, fetchFromPortal(portal));
    expect(secret.uiDomain).toBe('app.hubspot.com');
    for (const uiDomain of ['app-evil.hubspot.com', 'APP.hubspot.com', 'app.hubspot.com.evil.example']) {
      expect(HubSpotSecret.safeParse({ ...secret, uiDomain }).success).toBe(false);
    }
    expect(HubSpotSecret.safeParse({ ...secret, uiDomain: 'app-na2.hubspot.com' }).success).toBe(true);
  });

  it('refuses a token HubSpot refuses, one without the scopes, and text that is no token', async () => {
    const portal = new FakeHubSpotPortal();
    expect(await kindOf(connectWithToken('pat-na1-00000000-0000-0000-0000-000000000000', NOW, fetchFromPortal(portal)))).toBe('session-expired');
    portal.tokens.set('pat-na1-readonly-token-000000000000', ['crm.objects.deals.read']);
    await expect(connectWithToken('pat-na1-readonly-token-000000000000', NOW, fetchFromPortal(portal))).rejects.toThrow(/lacks a permission/);
    expect(await kindOf(connectWithToken('my password', NOW, fetchFromPortal(portal)))).toBe('validation');
  });

  it('OAuth: PKCE, state checked, code exchanged without a client secret', async () => {
    const portal = new FakeHubSpotPortal();
    let authorizeUrl = '';
    const secret = await connectWithOAuth({
      clientId: 'baton-test-client',
      redirectUri: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/hubspot',
      launchWebAuthFlow: async ({ url }) => {
        authorizeUrl = url;
        const state = new URL(url).searchParams.get('state');
        return `https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/hubspot?code=fake-code&state=${state}`;
      },
      now: () => NOW,
      fetch: fetchFromPortal(portal),
    });
    const params = new URL(authorizeUrl).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('scope')).toBe('crm.objects.deals.read crm.objects.deals.write crm.schemas.deals.read crm.objects.owners.read');
    expect(secret).toMatchObject({ method: 'oauth', refreshToken: expect.stringMatching(/^oauth-refresh-/), expiresAt: '2027-01-11T12:30:00.000Z' });
    const token = portal.requests.find((r) => r.url.endsWith('/oauth/v1/token'));
    expect(token?.body).not.toContain('client_secret');
  });

  it('OAuth: a redirect with another state is refused', async () => {
    const portal = new FakeHubSpotPortal();
    await expect(
      connectWithOAuth({
        clientId: 'baton-test-client',
        redirectUri: 'https://x.chromiumapp.org/hubspot',
        launchWebAuthFlow: async () => 'https://x.chromiumapp.org/hubspot?code=fake-code&state=forged',
        now: () => NOW,
        fetch: fetchFromPortal(portal),
      }),
    ).rejects.toThrow('cancelled or did not come back');
  });

  it('refresh without a refresh token asks to reconnect', async () => {
    const secret: HubSpotSecret = { name: 'hubspot', method: 'oauth', accessToken: 'a', refreshToken: null, expiresAt: null, portalId: '1', uiDomain: 'app.hubspot.com', savedAt: NOW.toISOString() };
    expect(await kindOf(refreshOAuth(secret, 'baton-test-client', NOW, vi.fn()))).toBe('session-expired');
  });
});

describe('HubSpot shapes', () => {
  it('reads dates as HubSpot writes them', () => {
    expect(hubspotDate('2024-03-31T00:00:00.000Z')).toBe('2024-03-31');
    expect(hubspotDate('1572480000000')).toBe('2019-10-31');
    expect(hubspotDate('soon')).toBeNull();
    expect(hubspotDate(null)).toBeNull();
  });

  it('a stage is won only when closed with probability 1 (metadata values are strings)', () => {
    const stages = pipelinesOf({
      results: [{ id: 'p', label: 'P', stages: [
        { id: 'a', label: 'A', metadata: { isClosed: 'true', probability: '1.0' } },
        { id: 'b', label: 'B', metadata: { isClosed: 'true', probability: '0.0' } },
        { id: 'c', label: 'C', metadata: { isClosed: 'false', probability: '1.0' } },
        { id: 'd', label: 'D', archived: true, metadata: { isClosed: 'true', probability: '1' } },
      ] }],
    })[0]?.stages;
    expect(stages?.map((s) => [s.value, s.won])).toEqual([['a', true], ['b', false], ['c', false]]);
  });

  it('escapes everything in a note', () => {
    expect(noteHtml('<b>s</b>', 'a\n"q" & \'x\'')).toBe('<p><strong>&lt;b&gt;s&lt;/b&gt;</strong></p><p>a</p><p>&quot;q&quot; &amp; &#39;x&#39;</p>');
  });

  it('classifies a missing property on write', () => {
    expect(classifyHubSpotError(400, { status: 'error', message: 'Property values were not valid: [{"error":"PROPERTY_DOESNT_EXIST"}]', category: 'VALIDATION_ERROR' }, null).kind).toBe('missing-fields');
  });
});
