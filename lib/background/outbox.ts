/**
 * Sends what waits in the outbox: writes that failed for a passing reason (rate limit, outage,
 * no network) and activities (override Tasks / notes) that could not be recorded at once.
 * Transient failures come back with backoff (Retry-After honoured); anything else is marked
 * failed and waits for the rep's "retry".
 */
import type { DealRef } from '@/lib/domain/deal';
import { CrmError, isTransient, toCrmProblem } from '@/lib/domain/problem';
import type { DealBackend } from '@/lib/crms/shared/api/backend';
import type { BrowserSession } from './cookieStore';
import {
  deleteDraft,
  listPending,
  markAttempt,
  markDone,
  markInFlight,
  markReviewSynced,
  retryAt,
  type BatonDatabase,
  type OutboxItem,
} from '@/lib/db';

/** The backend for a deal's CRM, calling it as the user of the cookie store the work was queued from. */
export type BackendFor = (deal: DealRef, session: BrowserSession) => DealBackend;

async function send(backend: DealBackend, item: OutboxItem): Promise<void> {
  switch (item.kind) {
    case 'update-fields': {
      const outcome = await backend.writeFields(item.deal, item.payload.fields, item.payload.expected);
      if (!outcome.ok) {
        const names = outcome.conflicts.map((c) => c.element).join(', ');
        throw new CrmError({ kind: 'conflict', message: `Not saved: ${names} changed in the CRM meanwhile. Open the deal to review.` });
      }
      return;
    }
    case 'create-override-record':
    case 'create-acknowledgement':
    case 'create-review':
      await backend.createActivity(item.deal, item.payload.subject, item.payload.body);
      return;
  }
}

export interface OutboxRunResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** One pass over the due items. Safe to call often: an item in flight is never sent twice. */
export async function runOutbox(db: BatonDatabase, backendFor: BackendFor, now = new Date()): Promise<OutboxRunResult> {
  const result: OutboxRunResult = { sent: 0, retrying: 0, failed: 0 };
  const { items } = await listPending(db, now);
  for (const item of items) {
    try {
      await markInFlight(db, item.id);
    } catch {
      continue; // another pass took it
    }
    try {
      await send(backendFor(item.deal, { cookieStoreId: item.cookieStoreId ?? null }), item);
      await markDone(db, item.id);
      // The fields are in the CRM now: the draft they came from has done its job.
      if (item.kind === 'update-fields') await deleteDraft(db, item.dealKey);
      if (item.kind === 'create-review') await markReviewSynced(db, item.payload.reviewId).catch((error: unknown) => console.warn('[baton] The local copy of a review is gone.', error));
      result.sent++;
    } catch (error) {
      const problem = toCrmProblem(error);
      if (isTransient(problem.kind)) {
        await markAttempt(db, item.id, problem.message, retryAt(new Date(), item.attempts + 1, problem.retryAfterSeconds));
        result.retrying++;
      } else {
        await markAttempt(db, item.id, problem.message, null);
        result.failed++;
      }
    }
  }
  return result;
}
