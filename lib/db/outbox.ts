import { z } from '@/lib/zod';
import { dealKey, type DealRef } from '@/lib/domain/deal';
import { ELEMENT_KEYS } from '@/lib/domain/elements';
import { CrmErrorKind } from '@/lib/domain/problem';
import { ArtifactFields, IsoTimestamp, RecordNotFoundError, collect, dealFields, forWrite, keyMatchesDeal, readOne, type ListResult } from './common';
import { HIGHEST_STRING, type BatonDatabase } from './schema';

/**
 * 'pending' waits for nextAttemptAt (a passing failure: outage, rate limit, no network);
 * 'waiting' waits for access to the CRM (a sign-in, a connection, API access): it is tried again
 * when a session or token appears (wakeWaiting) and at nextAttemptAt, a slow re-check;
 * 'in-flight' is being sent; 'failed' was refused by the CRM for good (validation, deal deleted)
 * and waits for the user (retryNow). There is no stored 'done': markDone deletes, so the store
 * only ever holds work still to do, and stays small. The audit log and the CRM are the history.
 */
export const OutboxStatus = z.enum(['pending', 'waiting', 'in-flight', 'failed']);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** Field values to write, and the CRM values they were edited from (the conflict check's base). */
export const UpdateFieldsPayload = z
  .object({ fields: ArtifactFields, expected: ArtifactFields })
  .strict()
  .superRefine((payload, ctx) => {
    const keys = ELEMENT_KEYS.filter((k) => payload.fields[k] !== undefined);
    if (keys.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'there is no field to write', path: ['fields'] });
    }
    for (const k of keys) {
      if (payload.expected[k] !== undefined) continue;
      const message = 'the CRM value before editing is required, to detect a conflicting change';
      ctx.addIssue({ code: 'custom', message, path: ['expected', k] });
    }
  });

/** A Task (Salesforce) or note (HubSpot). Limits are Salesforce's Task Subject / Description. */
export const RecordPayload = z
  .object({
    subject: z.string().max(255).regex(/\S/, 'the subject must not be blank'),
    body: z.string().max(32_000),
  })
  .strict();

/** reviewId lets the sender mark the local review as synced once the CRM has it. */
export const ReviewPayload = RecordPayload.extend({ reviewId: z.uuid() }).strict();

export const OutboxJob = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('update-fields'), payload: UpdateFieldsPayload }),
  z.object({ kind: z.literal('create-override-record'), payload: RecordPayload }),
  z.object({ kind: z.literal('create-acknowledgement'), payload: RecordPayload }),
  z.object({ kind: z.literal('create-review'), payload: ReviewPayload }),
]);
export type OutboxJob = z.infer<typeof OutboxJob>;
export const OutboxKind = z.enum(['update-fields', 'create-override-record', 'create-acknowledgement', 'create-review']);
export type OutboxKind = z.infer<typeof OutboxKind>;

const MAX_ERROR_LENGTH = 2000;

const state = {
  ...dealFields,
  createdAt: IsoTimestamp,
  attempts: z.number().int().min(0),
  lastError: z.string().max(MAX_ERROR_LENGTH).nullable(),
  /** What kind of failure lastError was, so the views can say "waiting for sign-in" (absent before any failure). */
  lastErrorKind: CrmErrorKind.optional(),
  nextAttemptAt: IsoTimestamp.nullable(),
  status: OutboxStatus,
};

function checkItem(
  item: { dealKey: string; deal: DealRef; status: OutboxStatus; nextAttemptAt: string | null },
  ctx: z.RefinementCtx,
): void {
  if (!keyMatchesDeal(item)) {
    ctx.addIssue({ code: 'custom', message: 'dealKey does not match deal', path: ['dealKey'] });
  }
  // A pending or waiting item without a time is missing from the 'by-status-due' index: it would never be sent.
  if ((item.status === 'pending' || item.status === 'waiting') && item.nextAttemptAt === null) {
    ctx.addIssue({ code: 'custom', message: `a ${item.status} item needs nextAttemptAt`, path: ['nextAttemptAt'] });
  }
}

const NewOutboxItem = z.intersection(z.object(state), OutboxJob).superRefine(checkItem);

export const OutboxItem = z
  .intersection(z.object({ id: z.number().int().positive(), ...state }), OutboxJob)
  .superRefine(checkItem);
export type OutboxItem = z.infer<typeof OutboxItem>;

export type OutboxInput = OutboxJob & { deal: DealRef };

/**
 * What became of an attempt that failed: retried at a time ('pending'), waiting for access to the
 * CRM and re-checked at a time ('waiting'), or given up until the user retries ('failed').
 */
export type AttemptOutcome =
  | { status: 'pending' | 'waiting'; nextAttemptAt: Date; error: string; kind?: CrmErrorKind }
  | { status: 'failed'; nextAttemptAt?: null; error: string; kind?: CrmErrorKind };

/**
 * Queues a CRM write, due at once. When the caller already tried it (the handler's own attempt
 * failed), `firstAttempt` records that failure, so the item starts out as what it is (waiting
 * for a sign-in, say) instead of being sent again at once. Returns the stored item with its id.
 */
export async function enqueue(db: BatonDatabase, input: OutboxInput, now = new Date(), firstAttempt?: AttemptOutcome): Promise<OutboxItem> {
  const at = now.toISOString();
  const record = forWrite(NewOutboxItem, 'outbox', {
    ...input,
    dealKey: dealKey(input.deal),
    createdAt: at,
    ...(firstAttempt ? attempted(0, firstAttempt) : { attempts: 0, lastError: null, nextAttemptAt: at, status: 'pending' }),
  });
  // The store's autoIncrement key fills in `id`; the typed API wants it already there.
  const id = await db.add('outbox', record as OutboxItem);
  return { ...record, id };
}

function statusRange(status: OutboxStatus): IDBKeyRange {
  return IDBKeyRange.bound([status, ''], [status, HIGHEST_STRING]);
}

function attempted(attempts: number, outcome: AttemptOutcome) {
  return {
    attempts: attempts + 1,
    lastError: outcome.error.slice(0, MAX_ERROR_LENGTH),
    ...(outcome.kind ? { lastErrorKind: outcome.kind } : {}),
    nextAttemptAt: outcome.status === 'failed' ? null : outcome.nextAttemptAt.toISOString(),
    status: outcome.status,
  };
}

/**
 * The items to send now, oldest first. At most one per deal: the oldest one not yet sent
 * (pending, waiting or in-flight), and only if it is pending or waiting, and due. So writes to
 * one deal reach the CRM in the order they were made, and a retry waiting for its backoff (or for
 * a sign-in) is not overtaken by a later write. Failed items do not hold a deal back: they wait
 * for the user, not for the queue.
 */
export async function listPending(db: BatonDatabase, now: Date): Promise<ListResult<OutboxItem>> {
  const index = db.transaction('outbox').store.index('by-status-due');
  const lists: Array<ListResult<OutboxItem>> = [];
  for (const status of ['in-flight', 'pending', 'waiting'] as const) lists.push(await collect(index.openCursor(statusRange(status)), OutboxItem, 'outbox'));
  const unsent = lists.flatMap((l) => l.items).sort((a, b) => a.id - b.id);
  const nowIso = now.toISOString();
  const seen = new Set<string>();
  const due: OutboxItem[] = [];
  for (const item of unsent) {
    if (seen.has(item.dealKey)) continue;
    seen.add(item.dealKey);
    if (item.status !== 'in-flight' && item.nextAttemptAt !== null && item.nextAttemptAt <= nowIso) due.push(item);
  }
  return { items: due, invalid: lists.flatMap((l) => l.invalid) };
}

async function update(db: BatonDatabase, id: number, change: (item: OutboxItem) => OutboxItem): Promise<OutboxItem> {
  const tx = db.transaction('outbox', 'readwrite');
  const item = readOne(OutboxItem, 'outbox', id, await tx.store.get(id));
  if (!item) throw new RecordNotFoundError('outbox', id);
  const next = forWrite(OutboxItem, 'outbox', change(item));
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** Claims a pending (or waiting) item for sending. Throws if it is neither, so it is never sent twice. */
export async function markInFlight(db: BatonDatabase, id: number): Promise<OutboxItem> {
  return update(db, id, (item) => {
    if (item.status !== 'pending' && item.status !== 'waiting') throw new Error(`outbox item ${id} is ${item.status}, not pending`);
    return { ...item, status: 'in-flight' };
  });
}

/**
 * Records a failed attempt. With a nextAttemptAt (see nextBackoff) the item is retried then;
 * with null it is marked failed and left for the user. An AttemptOutcome says it all at once,
 * 'waiting' included.
 */
export async function markAttempt(db: BatonDatabase, id: number, error: string, nextAttemptAt: Date | null): Promise<OutboxItem>;
export async function markAttempt(db: BatonDatabase, id: number, outcome: AttemptOutcome): Promise<OutboxItem>;
export async function markAttempt(db: BatonDatabase, id: number, errorOrOutcome: string | AttemptOutcome, nextAttemptAt?: Date | null): Promise<OutboxItem> {
  const outcome: AttemptOutcome =
    typeof errorOrOutcome !== 'string'
      ? errorOrOutcome
      : nextAttemptAt
        ? { status: 'pending', nextAttemptAt, error: errorOrOutcome }
        : { status: 'failed', error: errorOrOutcome };
  return update(db, id, (item) => ({ ...item, ...attempted(item.attempts, outcome) }));
}

/**
 * Access to a CRM came back (a new session, a connection): its waiting items become due now.
 * Returns how many. The next outbox pass sends them, one deal's writes still in order.
 */
export async function wakeWaiting(db: BatonDatabase, crm: DealRef['crm'], now = new Date()): Promise<number> {
  const tx = db.transaction('outbox', 'readwrite');
  let cursor = await tx.store.index('by-status-due').openCursor(statusRange('waiting'));
  let count = 0;
  while (cursor) {
    const parsed = OutboxItem.safeParse(cursor.value);
    if (parsed.success && parsed.data.deal.crm === crm) {
      await cursor.update(forWrite(OutboxItem, 'outbox', { ...parsed.data, nextAttemptAt: now.toISOString() }));
      count++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return count;
}

/** The CRM has the write: the item is deleted (see OutboxStatus). Deleting a missing id is fine. */
export async function markDone(db: BatonDatabase, id: number): Promise<void> {
  await db.delete('outbox', id);
}

/** A failed (or waiting) item is made due now, e.g. when the user presses "retry". */
export async function retryNow(db: BatonDatabase, id: number, now = new Date()): Promise<OutboxItem> {
  return update(db, id, (item) => ({ ...item, status: 'pending', nextAttemptAt: now.toISOString() }));
}

/**
 * Puts items left in-flight back to pending: call when the background starts, because an
 * in-flight item then belongs to a worker that died mid-send. Returns how many were requeued.
 * The CRM may have received such a write; update-fields is protected by its conflict check.
 */
export async function recoverInFlight(db: BatonDatabase, now = new Date()): Promise<number> {
  const tx = db.transaction('outbox', 'readwrite');
  let cursor = await tx.store.index('by-status-due').openCursor(statusRange('in-flight'));
  let count = 0;
  while (cursor) {
    const parsed = OutboxItem.safeParse(cursor.value);
    // Invalid records are left exactly as they are (they are reported by the list functions).
    if (parsed.success) {
      const requeued = { ...parsed.data, status: 'pending' as const, nextAttemptAt: now.toISOString() };
      await cursor.update(forWrite(OutboxItem, 'outbox', requeued));
      count++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return count;
}

/** Everything queued, oldest first, any status (the side panel's and the console's list). */
export async function listOutbox(db: BatonDatabase): Promise<ListResult<OutboxItem>> {
  return collect(db.transaction('outbox').store.openCursor(), OutboxItem, 'outbox');
}

/** Everything queued for one deal, oldest first (for the gate dialog's "waiting to sync"). */
export async function listForDeal(db: BatonDatabase, key: string): Promise<ListResult<OutboxItem>> {
  const index = db.transaction('outbox').store.index('by-dealKey');
  return collect(index.openCursor(IDBKeyRange.only(key)), OutboxItem, 'outbox');
}

export type OutboxCounts = Record<OutboxStatus | 'invalid', number>;

/** Counts by status (a full scan: the store only holds unfinished work, so it is small). */
export async function countByStatus(db: BatonDatabase): Promise<OutboxCounts> {
  const all = await collect(db.transaction('outbox').store.openCursor(), OutboxItem, 'outbox');
  const counts: OutboxCounts = { pending: 0, waiting: 0, 'in-flight': 0, failed: 0, invalid: all.invalid.length };
  for (const item of all.items) counts[item.status]++;
  return counts;
}
