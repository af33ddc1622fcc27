/**
 * The wire format around every message, and the errors it can carry.
 * Requests: { baton: 1, type, payload }. Responses: { ok: true, data } | { ok: false, error }.
 */
import { z } from '@/lib/zod';

/** The marker is how the router tells Baton's messages from anyone else's on the same event. */
export const BATON_MARKER = 1;

export const RequestEnvelope = z.object({
  baton: z.literal(BATON_MARKER),
  type: z.string().min(1).max(100),
  payload: z.unknown(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelope>;

/** Errors the router sends back. Messages are plain words for people, never stack traces. */
export const WireErrorCode = z.enum(['invalid-message', 'forbidden-sender', 'unknown-type', 'handler-failed']);
export type WireErrorCode = z.infer<typeof WireErrorCode>;

export const WireError = z.object({
  code: WireErrorCode,
  message: z.string().max(2000),
});
export type WireError = z.infer<typeof WireError>;

export const ResponseEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: WireError }),
]);
export type ResponseEnvelope = z.infer<typeof ResponseEnvelope>;

/**
 * Errors a sender can see: the router's, plus two only the sending side can detect.
 * - 'invalid-response': the answer did not match the envelope or the response schema.
 * - 'unreachable': the message could not be delivered, or nothing answered it.
 */
export type MessagingErrorCode = WireErrorCode | 'invalid-response' | 'unreachable';

export class MessagingError extends Error {
  override readonly name = 'MessagingError';
  constructor(
    readonly code: MessagingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Thrown by a handler when its message is fit to show the sender (e.g. "Salesforce refused the
 * update: the field Handoff_Use_Case__c is read-only."). Any other thrown error reaches the sender
 * only as a generic sentence, because its text may hold details meant for the console.
 */
export class HandlerError extends Error {
  override readonly name = 'HandlerError';
}

export function hasBatonMarker(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { baton?: unknown }).baton === BATON_MARKER;
}

/** "raw.useCase: Invalid input: expected string, received number" — the first few issues only. */
export function describeIssues(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - max;
  return more > 0 ? `${parts.join('; ')}; and ${more} more` : parts.join('; ');
}
