/**
 * Salesforce REST access for one org: the My Domain API host, the user's session id as a Bearer
 * token, one pinned API version. Every response goes through the error classification below, so
 * callers get a CrmError with a sentence a rep understands, never a status code.
 */
import type { z } from '@/lib/zod';
import { salesforce } from '../entry';
import { CrmError, type CrmProblem } from '@/lib/domain/problem';
import { parseRetryAfter, readJson, send, tryJson, type FetchLike } from '@/lib/crms/shared/api/http';
import { rateLimitedProblem, statusProblem, type StatusWording } from '@/lib/crms/shared/api/statusProblem';
import { SalesforceErrorBody } from './schemas';

/** Spring '26 (v66.0): the version Baton is tested against; pinned so a release cannot change shapes under us. */
export const SALESFORCE_API_VERSION = '66.0';
const WORDING: StatusWording = {
  crm: salesforce.label,
  notFound: 'Salesforce has no such record (deleted, or not shared with you).',
  rateLimited: 'Salesforce is refusing requests for now (API request limit reached). Baton will try again later.',
};

export interface SalesforceConnection {
  /** e.g. acme--uat.sandbox.my.salesforce.com */
  apiHost: string;
  sessionId: string;
  fetch?: FetchLike;
}

const ACCESS_CODES = new Set(['API_DISABLED_FOR_ORG', 'API_CURRENTLY_DISABLED', 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY']);

/** Plain words for an error response. Exported for tests. */
export function classifySalesforceError(status: number, body: unknown, retryAfter: string | null): CrmProblem {
  const parsed = SalesforceErrorBody.safeParse(body);
  const errors = parsed.success ? parsed.data : [];
  const first = errors[0];
  const code = first?.errorCode ?? '';
  const said = first?.message.slice(0, 500) ?? '';
  const fields = errors.flatMap((e) => e.fields ?? []).slice(0, 50);
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  const base = { status, ...(fields.length > 0 ? { fields } : {}) };

  if (status === 401) {
    return { ...base, kind: 'session-expired', message: 'Your Salesforce session has expired. Reload Salesforce and sign in again.' };
  }
  const facts = { status, said, retryAfterSeconds, base };
  if (code === 'REQUEST_LIMIT_EXCEEDED') return rateLimitedProblem(facts, WORDING);
  if (status === 403 && (ACCESS_CODES.has(code) || code === '')) {
    return {
      ...base,
      kind: 'api-disabled',
      message: `Salesforce does not let Baton use its API with your session${said ? ` (“${said}”)` : ''}. Ask your admin about API access for your profile or for Baton.`,
    };
  }
  if (status === 403 || status === 404) return statusProblem(facts, WORDING); // before the lock code, as it always was
  if (status === 412 || code === 'ENTITY_IS_LOCKED') {
    return { ...base, kind: 'conflict', message: 'The record changed in Salesforce while you were editing it.' };
  }
  if (status === 400 && (code === 'INVALID_FIELD' || code === 'INVALID_FIELD_FOR_INSERT_UPDATE' || code === 'NO_SUCH_COLUMN')) {
    return { ...base, kind: 'missing-fields', message: `Salesforce does not know a field Baton asked for: ${said}` };
  }
  return statusProblem(facts, WORDING);
}

export class SalesforceApi {
  private readonly fetchImpl: FetchLike;

  constructor(private readonly connection: SalesforceConnection) {
    this.fetchImpl = connection.fetch ?? ((input, init) => fetch(input, init));
  }

  get apiHost(): string {
    return this.connection.apiHost;
  }

  /** A path under /services/data/vXX.X/, e.g. "sobjects/Opportunity/describe". */
  url(path: string): string {
    return `https://${this.connection.apiHost}/services/data/v${SALESFORCE_API_VERSION}/${path}`;
  }

  private async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await send(
      this.fetchImpl,
      this.url(path),
      {
        method,
        headers: {
          Authorization: `Bearer ${this.connection.sessionId}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          'Sforce-Call-Options': 'client=Baton',
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      WORDING.crm,
    );
    if (!response.ok) {
      throw new CrmError(classifySalesforceError(response.status, await tryJson(response), response.headers.get('Retry-After')));
    }
    return response;
  }

  async get<S extends z.ZodType>(path: string, schema: S, what: string): Promise<z.output<S>> {
    return readJson(await this.request('GET', path), schema, what, WORDING.crm);
  }

  /**
   * The next batch of a query: `nextRecordsUrl` is a path from the host's root
   * ("/services/data/v66.0/query/01gD0000002HU6KIAW-2000"), under this API version only.
   */
  async next<S extends z.ZodType>(nextRecordsUrl: string, schema: S, what: string): Promise<z.output<S>> {
    const prefix = `/services/data/v${SALESFORCE_API_VERSION}/`;
    if (!nextRecordsUrl.startsWith(prefix) || nextRecordsUrl.includes('..')) {
      throw new CrmError({ kind: 'bad-response', message: `Salesforce gave a next-batch address Baton does not follow: ${nextRecordsUrl.slice(0, 200)}` });
    }
    return this.get(nextRecordsUrl.slice(prefix.length), schema, what);
  }

  async post<S extends z.ZodType>(path: string, body: unknown, schema: S, what: string): Promise<z.output<S>> {
    return readJson(await this.request('POST', path, body), schema, what, WORDING.crm);
  }

  /** PATCH answers 204 with no body. */
  async patch(path: string, body: unknown, headers?: Record<string, string>): Promise<void> {
    await this.request('PATCH', path, body, headers);
  }
}
