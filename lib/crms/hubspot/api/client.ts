/**
 * HubSpot CRM v3 access with a Bearer token (private app access token, service key, or OAuth
 * access token). Every response goes through the error classification, so callers get a CrmError
 * with a sentence, never a status code.
 */
import type { z } from '@/lib/zod';
import { hubspot } from '../entry';
import { CrmError, type CrmProblem } from '@/lib/domain/problem';
import { parseRetryAfter, readJson, send, tryJson, type FetchLike } from '@/lib/crms/shared/api/http';
import { statusProblem, type StatusWording } from '@/lib/crms/shared/api/statusProblem';
import { HubSpotErrorBody } from './schemas';

/** HubSpot's API host. EU portals use it too (a regional API host is not documented; see README). */
export const HUBSPOT_API_HOST = 'api.hubapi.com';
const WORDING: StatusWording = {
  crm: hubspot.label,
  notFound: 'HubSpot has no such deal (deleted, or in another portal).',
  rateLimited: 'HubSpot is limiting requests right now. Baton will try again.',
};

export function classifyHubSpotError(status: number, body: unknown, retryAfter: string | null): CrmProblem {
  const parsed = HubSpotErrorBody.safeParse(body);
  const said = parsed.success ? (parsed.data.message ?? '').slice(0, 500) : '';
  const category = parsed.success ? (parsed.data.category ?? '') : '';
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  const base = { status };
  if (status === 401) {
    return { ...base, kind: 'session-expired', message: 'HubSpot refused Baton’s token (expired or revoked). Reconnect HubSpot in Baton’s options.' };
  }
  if (status === 403 && category === 'MISSING_SCOPES') {
    return {
      ...base,
      kind: 'forbidden',
      message: 'Baton’s HubSpot token lacks a permission it needs (scopes crm.objects.deals.read, crm.objects.deals.write, crm.schemas.deals.read, crm.objects.owners.read). Give the private app those scopes and reconnect.',
    };
  }
  if (status === 409) return { ...base, kind: 'conflict', message: 'The deal changed in HubSpot while you were editing it.' };
  if (status === 400 && /PROPERTY_DOESNT_EXIST/.test(said)) {
    return { ...base, kind: 'missing-fields', message: `HubSpot does not know a property Baton asked for: ${said}` };
  }
  return statusProblem({ status, said, retryAfterSeconds, base }, WORDING);
}

export class HubSpotApi {
  private readonly fetchImpl: FetchLike;

  constructor(
    private readonly token: string,
    fetchImpl?: FetchLike,
  ) {
    this.fetchImpl = fetchImpl ?? ((input, init) => fetch(input, init));
  }

  private async request(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await send(
      this.fetchImpl,
      `https://${HUBSPOT_API_HOST}${path}`,
      {
        method,
        headers: {
          Authorization: `Bearer ${this.token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      WORDING.crm,
    );
    if (!response.ok) throw new CrmError(classifyHubSpotError(response.status, await tryJson(response), response.headers.get('Retry-After')));
    return response;
  }

  async get<S extends z.ZodType>(path: string, schema: S, what: string): Promise<z.output<S>> {
    return readJson(await this.request('GET', path), schema, what, WORDING.crm);
  }

  async post<S extends z.ZodType>(path: string, body: unknown, schema: S, what: string): Promise<z.output<S>> {
    return readJson(await this.request('POST', path, body), schema, what, WORDING.crm);
  }

  async patch<S extends z.ZodType>(path: string, body: unknown, schema: S, what: string): Promise<z.output<S>> {
    return readJson(await this.request('PATCH', path, body), schema, what, WORDING.crm);
  }
}
