/**
 * The HTTP layer under both CRM clients: one place that turns a dead network, a hung server or
 * a body of the wrong shape into a CrmError with a sentence, so no caller sees a raw TypeError.
 * Used only in the background: content scripts and pages never talk to a CRM API.
 */
import type { z } from '@/lib/zod';
import { CrmError } from '@/lib/domain/problem';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A CRM that has not answered in this long is treated as unavailable. */
export const REQUEST_TIMEOUT_MS = 20_000;

export async function send(fetchImpl: FetchLike, url: string, init: RequestInit, crmName: string): Promise<Response> {
  try {
    return await fetchImpl(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), credentials: 'omit' });
  } catch (error) {
    const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new CrmError({
      kind: 'network',
      message: timedOut
        ? `${crmName} did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds.`
        : `Baton could not reach ${crmName}. Check your connection.`,
    });
  }
}

/** The body as JSON, checked against `schema`; a body of another shape is a bad-response CrmError. */
export async function readJson<S extends z.ZodType>(response: Response, schema: S, what: string, crmName: string): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new CrmError({ kind: 'bad-response', status: response.status, message: `${crmName} sent ${what} that is not JSON.` });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new CrmError({
      kind: 'bad-response',
      status: response.status,
      message: `${crmName} sent ${what} in a shape Baton does not know (${parsed.error.issues[0]?.path.join('.') || 'top level'}).`,
    });
  }
  return parsed.data;
}

/** The body as JSON when it is JSON, else undefined (error bodies are not always JSON). */
export async function tryJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/**
 * Seconds from a Retry-After header: a number of seconds or an HTTP date. Undefined when absent
 * or unreadable.
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const t = header.trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  // Only the IMF-fixdate form HTTP uses ("Fri, 01 Jan 2027 12:01:00 GMT"): Date.parse takes "-5" for a year.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(t)) return undefined;
  const at = Date.parse(t);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - now) / 1000));
}
