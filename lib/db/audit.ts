import { z } from '@/lib/zod';
import { dealKey, type DealRef } from '@/lib/domain/deal';
import { Finding } from '@/lib/rules/types';
import { IsoTimestamp, checkLimit, collect, dealFields, forWrite, keyMatchesDeal, type ListResult } from './common';
import { HIGHEST_STRING, type BatonDatabase } from './schema';

export const AuditEvent = z.enum([
  'gate-blocked',
  'gate-passed',
  'override',
  'saved-and-closed',
  'cancelled',
  'warned',
]);
export type AuditEvent = z.infer<typeof AuditEvent>;

/** What the log keeps of a finding: enough to count and chart, not the (long) messages. */
export const FindingSummary = Finding.pick({ rule: true, element: true, severity: true });
export type FindingSummary = z.infer<typeof FindingSummary>;

const entry = {
  ...dealFields,
  at: IsoTimestamp,
  event: AuditEvent,
  findings: z.array(FindingSummary).max(500),
  reason: z.string().max(2000).optional(),
  actor: z.string().max(200).optional(),
};

function checkEntry(
  e: { dealKey: string; deal: DealRef; event: AuditEvent; reason?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (!keyMatchesDeal(e)) ctx.addIssue({ code: 'custom', message: 'dealKey does not match deal', path: ['dealKey'] });
  // "Close anyway" is only acceptable with a reason a manager can read later.
  if (e.event === 'override' && !/\S/.test(e.reason ?? '')) {
    ctx.addIssue({ code: 'custom', message: 'an override needs a reason', path: ['reason'] });
  }
}

const NewAuditEntry = z.object(entry).superRefine(checkEntry);
export const AuditEntry = z.object({ id: z.number().int().positive(), ...entry }).superRefine(checkEntry);
export type AuditEntry = z.infer<typeof AuditEntry>;

export interface AuditInput {
  deal: DealRef;
  event: AuditEvent;
  /** Full Findings are accepted; only rule, element and severity are kept. */
  findings: readonly FindingSummary[];
  reason?: string;
  actor?: string;
}

/**
 * Appends an event to the log and returns its id. The log is append-only: this module has no
 * update or delete for it, so an override cannot be quietly edited away afterwards. Only age
 * and size remove entries, oldest first (prune.ts).
 */
export async function appendAudit(db: BatonDatabase, input: AuditInput, now = new Date()): Promise<number> {
  const record = forWrite(NewAuditEntry, 'audit', {
    ...input,
    dealKey: dealKey(input.deal),
    at: now.toISOString(),
  });
  // The store's autoIncrement key fills in `id`; the typed API wants it already there.
  return db.add('audit', record as AuditEntry);
}

export interface AuditQuery {
  dealKey?: string;
  /** Only entries at or after this time. */
  since?: Date;
  /** At most this many valid entries (invalid ones are reported besides). */
  limit: number;
}

/** Entries, newest first; ties (same millisecond) newest-appended first. */
export async function listAudit(db: BatonDatabase, query: AuditQuery): Promise<ListResult<AuditEntry>> {
  const limit = checkLimit(query.limit);
  const since = query.since?.toISOString() ?? '';
  const store = db.transaction('audit').store;
  const cursor =
    query.dealKey === undefined
      ? store.index('by-at').openCursor(IDBKeyRange.lowerBound(since), 'prev')
      : store
          .index('by-deal-at')
          .openCursor(IDBKeyRange.bound([query.dealKey, since], [query.dealKey, HIGHEST_STRING]), 'prev');
  return collect(cursor, AuditEntry, 'audit', limit);
}
