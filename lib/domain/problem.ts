/**
 * What can go wrong talking to a CRM, in one vocabulary for Salesforce and HubSpot. The message
 * is a sentence for the rep; `kind` is what the code decides on (retry, fall back to the page,
 * ask for setup). CrmProblem is the same thing as plain data, for messages and the outbox.
 */
import { z } from '@/lib/zod';
import { ElementKey } from '@/lib/domain/elements';

export const CrmErrorKind = z.enum([
  /** No session or token at all: the user is not signed in / not connected. */
  'not-connected',
  /** The session or token was refused (expired, revoked). */
  'session-expired',
  /** The org or the user may not use the API (API Access Control, profile without API Enabled). */
  'api-disabled',
  /** Signed in, but not allowed to do this (field-level security, missing scope, sharing). */
  'forbidden',
  'not-found',
  /** Mapped handoff fields that the CRM does not have (or the user cannot see). */
  'missing-fields',
  /** The CRM refused the values (validation rule, wrong type, too long). */
  'validation',
  /** Someone else changed what we were about to overwrite. */
  'conflict',
  'rate-limited',
  'unavailable',
  'network',
  /** The CRM answered with something that does not have the documented shape. */
  'bad-response',
]);
export type CrmErrorKind = z.infer<typeof CrmErrorKind>;

export const CrmProblem = z.object({
  kind: CrmErrorKind,
  message: z.string().min(1).max(2000),
  status: z.number().int().optional(),
  retryAfterSeconds: z.number().min(0).optional(),
  /** Elements the problem is about (missing or refused fields), when the CRM said. */
  elements: z.array(ElementKey).optional(),
  /** CRM field names the problem is about, as the CRM named them. */
  fields: z.array(z.string().max(200)).max(50).optional(),
});
export type CrmProblem = z.infer<typeof CrmProblem>;

export class CrmError extends Error {
  override readonly name = 'CrmError';
  constructor(readonly problem: CrmProblem) {
    super(problem.message);
  }
  get kind(): CrmErrorKind {
    return this.problem.kind;
  }
}

/** Failures that go away by themselves: worth an automatic retry with backoff. */
export function isTransient(kind: CrmErrorKind): boolean {
  return kind === 'rate-limited' || kind === 'unavailable' || kind === 'network';
}

/** Failures that mean "the API is closed to us right now": read the page instead. */
export function meansNoApiAccess(kind: CrmErrorKind): boolean {
  return kind === 'not-connected' || kind === 'session-expired' || kind === 'api-disabled';
}

/** Any thrown value as a CrmProblem (a bug in Baton becomes a plain, honest sentence). */
export function toCrmProblem(error: unknown): CrmProblem {
  if (error instanceof CrmError) return error.problem;
  const detail = error instanceof Error && error.message ? ` (${error.message.slice(0, 300)})` : '';
  return { kind: 'bad-response', message: `Baton hit an unexpected error${detail}.` };
}
