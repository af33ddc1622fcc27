/**
 * Sends what waits in the outbox: writes that failed for a passing reason (rate limit, outage,
 * no network) and activities (override Tasks / notes, acknowledgements, reviews) that could not
 * be recorded at once. What comes of a failed attempt (afterFailure):
 * - a passing failure is retried with backoff (Retry-After honoured);
 * - no access to the CRM (signed out, session expired, HubSpot not connected, API closed) waits
 *   for it: woken when a session or token appears (accessRestored), re-checked every few minutes;
 * - anything else (validation, deal deleted, conflict, no permission) is failed for good and
 *   waits for the user's Retry, its reason kept in words.
 */
import type { Crm, DealRef } from '@/lib/domain/deal';
import { CrmError, isTransient, meansNoApiAccess, toCrmProblem, type CrmProblem } from '@/lib/domain/problem';
import type { DealBackend } from '@/lib/crms/shared/api/backend';
import {
  accessRecheckAt,
  deleteDraft,
  listPending,
  markAttempt,
  markDone,
  markInFlight,
  markReviewSynced,
  pruneLocalStores,
  retryAt,
  wakeWaiting,
  type AttemptOutcome,
  type BatonDatabase,
  type OutboxItem,
} from '@/lib/db';

export type BackendFor = (deal: DealRef) => DealBackend;

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

/** What becomes of a write after its `attempts`-th attempt failed with `problem` (see the file's comment). */
export function afterFailure(problem: CrmProblem, attempts: number, now: Date): AttemptOutcome {
  const said = { error: problem.message, kind: problem.kind };
  if (isTransient(problem.kind)) return { ...said, status: 'pending', nextAttemptAt: retryAt(now, attempts, problem.retryAfterSeconds) };
  if (meansNoApiAccess(problem.kind)) return { ...said, status: 'waiting', nextAttemptAt: accessRecheckAt(now) };
  return { ...said, status: 'failed' };
}

export interface OutboxRunResult {
  sent: number;
  retrying: number;
  waiting: number;
  failed: number;
}

/** One pass over the due items. Safe to call often: an item in flight is never sent twice. */
export async function runOutbox(db: BatonDatabase, backendFor: BackendFor, now = new Date()): Promise<OutboxRunResult> {
  const result: OutboxRunResult = { sent: 0, retrying: 0, waiting: 0, failed: 0 };
  const { items } = await listPending(db, now);
  for (const item of items) {
    try {
      await markInFlight(db, item.id);
    } catch {
      continue; // another pass took it
    }
    try {
      await send(backendFor(item.deal), item);
      await markDone(db, item.id);
      // The fields are in the CRM now: the draft they came from has done its job.
      if (item.kind === 'update-fields') await deleteDraft(db, item.dealKey);
      if (item.kind === 'create-review') await markReviewSynced(db, item.payload.reviewId).catch((error: unknown) => console.warn('[baton] The local copy of a review is gone.', error));
      result.sent++;
    } catch (error) {
      const outcome = afterFailure(toCrmProblem(error), item.attempts + 1, new Date());
      await markAttempt(db, item.id, outcome);
      result[outcome.status === 'pending' ? 'retrying' : outcome.status]++;
    }
  }
  return result;
}

/** How often the outbox alarm also prunes the local stores (lib/db/prune.ts). */
export const PRUNE_EVERY_MS = 6 * 60 * 60_000;

export interface OutboxRunner {
  /** An outbox pass; every PRUNE_EVERY_MS (and on the first pass of a worker) the local stores are pruned first. */
  pass(): Promise<OutboxRunResult>;
  /** A session or token for `crm` appeared: what waited for it becomes due, and a pass sends it (none when nothing waited). */
  accessRestored(crm: Crm): Promise<OutboxRunResult>;
}

export function createOutboxRunner(deps: { db(): Promise<BatonDatabase>; backendFor: BackendFor; now?: () => Date }): OutboxRunner {
  const now = () => deps.now?.() ?? new Date();
  let prunedAt: number | null = null;
  const pass = async () => {
    const db = await deps.db();
    if (prunedAt === null || now().getTime() - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = now().getTime();
      // Pruning is housekeeping: its failure must not keep a CRM write from being sent.
      await pruneLocalStores(db, now()).catch((error: unknown) => console.warn('[baton] Could not prune the local stores.', error));
    }
    return runOutbox(db, deps.backendFor, now());
  };
  return {
    pass,
    accessRestored: async (crm) => {
      const woken = await wakeWaiting(await deps.db(), crm, now());
      return woken > 0 ? pass() : { sent: 0, retrying: 0, waiting: 0, failed: 0 };
    },
  };
}
