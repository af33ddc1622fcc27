/**
 * What an HTTP status means when any CRM's API answers with it, in the words a rep reads. Each
 * CRM's client first says what is its own (Salesforce's error codes, HubSpot's missing scopes),
 * then hands the rest here with its wording.
 */
import type { CrmProblem } from '@/lib/domain/problem';

export interface StatusWording {
  /** "Salesforce", "HubSpot". */
  crm: string;
  /** What a 404 means there ("… has no such record (deleted, or not shared with you)."). */
  notFound: string;
  /** What a rate limit means there, and that Baton tries again. */
  rateLimited: string;
}

export interface StatusFacts {
  status: number;
  /** The CRM's own message, already cut to a readable length; '' when it said nothing. */
  said: string;
  retryAfterSeconds: number | undefined;
  /** What every problem of this response carries (the status, the fields the CRM named). */
  base: Pick<CrmProblem, 'status' | 'fields'>;
}

const retry = (seconds: number | undefined) => (seconds !== undefined ? { retryAfterSeconds: seconds } : {});

export function rateLimitedProblem(facts: StatusFacts, wording: StatusWording): CrmProblem {
  return { ...facts.base, kind: 'rate-limited', ...retry(facts.retryAfterSeconds), message: wording.rateLimited };
}

/** 403, 404, 429, 400, 5xx and anything else, the same way for every CRM. */
export function statusProblem(facts: StatusFacts, wording: StatusWording): CrmProblem {
  const { status, said, base } = facts;
  const crm = wording.crm;
  if (status === 403) return { ...base, kind: 'forbidden', message: `${crm} refused: ${said || 'you do not have access.'}` };
  if (status === 404) return { ...base, kind: 'not-found', message: wording.notFound };
  if (status === 429) return rateLimitedProblem(facts, wording);
  if (status === 400) return { ...base, kind: 'validation', message: said ? `${crm} refused the change: ${said}` : `${crm} refused the change.` };
  if (status >= 500) {
    return { ...base, kind: 'unavailable', ...retry(facts.retryAfterSeconds), message: `${crm} is unavailable right now (HTTP ${status}). Baton will try again.` };
  }
  return { ...base, kind: 'bad-response', message: `${crm} answered HTTP ${status}${said ? `: ${said}` : ''}.` };
}
