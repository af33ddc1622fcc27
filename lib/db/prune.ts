import type { IDBPDatabase } from 'idb';
import type { z } from '@/lib/zod';
import { AuditEntry } from './audit';
import { compareStrings, type StoreName } from './common';
import { Draft } from './drafts';
import type { BatonDatabase } from './schema';
import { Snapshot } from './snapshots';

/**
 * How much Baton keeps on this computer. The CRM is the system of record (override Tasks / notes,
 * acknowledgements, reviews live there), so these stores are a cache and a local log:
 * - audit: the gate's events, kept 180 days and at most 20,000 entries (a busy rep makes a few
 *   hundred a quarter);
 * - snapshots: the last read of each deal, for the side panel offline and the recent list, kept
 *   90 days since the deal was last read and at most 2,000 deals;
 * - drafts: what a rep typed and never saved, kept 90 days since the last keystroke and at most
 *   1,000 deals.
 * The outbox keeps no done items (markDone deletes them), and what it holds is never pruned:
 * it is work not yet in the CRM. Reviews and the HubSpot connection are not pruned either.
 * Records that fail validation are never deleted here (lib/db/README.md): they are reported.
 */
export const PRUNE_LIMITS = {
  audit: { maxAgeDays: 180, maxRows: 20_000 },
  snapshots: { maxAgeDays: 90, maxRows: 2_000 },
  drafts: { maxAgeDays: 90, maxRows: 1_000 },
} as const;

export type PruneLimits = Record<keyof typeof PRUNE_LIMITS, { maxAgeDays: number; maxRows: number }>;
export type PruneResult = Record<keyof typeof PRUNE_LIMITS, number>;

const DAY_MS = 86_400_000;

function cutoffOf(now: Date, maxAgeDays: number): string {
  return new Date(now.getTime() - maxAgeDays * DAY_MS).toISOString();
}

/**
 * Deletes, oldest first along a time index, the records older than `cutoff` and as many more as
 * it takes to bring the store down to `maxRows`. Only records that validate are deleted (and
 * counted); an unreadable one stays, however old.
 */
async function pruneAlongIndex(
  db: BatonDatabase,
  store: StoreName,
  index: string,
  schema: z.ZodType<{ [k: string]: unknown }>,
  timeOf: (record: never) => string,
  cutoff: string,
  maxRows: number,
): Promise<number> {
  // The stores differ in their value types; this walk only needs a cursor over a time index.
  const tx = (db as unknown as IDBPDatabase).transaction(store, 'readwrite');
  const excess = Math.max(0, (await tx.store.count()) - maxRows);
  let deleted = 0;
  let cursor = await tx.store.index(index).openCursor();
  while (cursor) {
    const parsed = schema.safeParse(cursor.value);
    if (parsed.success) {
      if (timeOf(parsed.data as never) >= cutoff && deleted >= excess) break;
      await cursor.delete();
      deleted++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return deleted;
}

/** Drafts have no time index (one per deal, few): a full scan. */
async function pruneDrafts(db: BatonDatabase, cutoff: string, maxRows: number): Promise<number> {
  const tx = db.transaction('drafts', 'readwrite');
  const valid: Draft[] = [];
  let cursor = await tx.store.openCursor();
  while (cursor) {
    const parsed = Draft.safeParse(cursor.value);
    if (parsed.success) valid.push(parsed.data);
    cursor = await cursor.continue();
  }
  valid.sort((a, b) => compareStrings(a.updatedAt, b.updatedAt));
  const excess = Math.max(0, valid.length - maxRows);
  const doomed = valid.filter((d, i) => i < excess || d.updatedAt < cutoff);
  for (const draft of doomed) await tx.store.delete(draft.dealKey);
  await tx.done;
  return doomed.length;
}

/** Applies PRUNE_LIMITS (or `limits`); returns how many records each store lost. */
export async function pruneLocalStores(db: BatonDatabase, now = new Date(), limits: PruneLimits = PRUNE_LIMITS): Promise<PruneResult> {
  const audit = await pruneAlongIndex(db, 'audit', 'by-at', AuditEntry, (e: AuditEntry) => e.at, cutoffOf(now, limits.audit.maxAgeDays), limits.audit.maxRows);
  const snapshots = await pruneAlongIndex(
    db,
    'snapshots',
    'by-fetchedAt',
    Snapshot,
    (s: Snapshot) => s.fetchedAt,
    cutoffOf(now, limits.snapshots.maxAgeDays),
    limits.snapshots.maxRows,
  );
  const drafts = await pruneDrafts(db, cutoffOf(now, limits.drafts.maxAgeDays), limits.drafts.maxRows);
  return { audit, snapshots, drafts };
}
