import { z } from '@/lib/zod';
import { dealKey, type DealRef } from '@/lib/domain/deal';
import { RawArtifact } from '@/lib/domain/elements';
import { DealHeader } from '@/lib/domain/header';
import { IsoTimestamp, KEY_MISMATCH, checkLimit, collect, dealFields, forWrite, keyMatchesDeal, readOne, type ListResult } from './common';
import type { BatonDatabase } from './schema';

/**
 * The last CRM read of a deal: its header and its handoff. A cache only: the CRM stays the system
 * of record, so this is what the side panel / console show offline or while a fresh read is on
 * its way. CRM text is untrusted and unbounded, so no lengths are limited here.
 */
export const Snapshot = z
  .object({
    ...dealFields,
    fetchedAt: IsoTimestamp,
    ...DealHeader.omit({ deal: true, url: true, currency: true }).shape,
    artifact: RawArtifact,
    // Optional, not migrated: records cached before Baton kept these still read (and show
    // without them) instead of being reported invalid; the next read of the deal fills them in.
    url: z.url().optional(),
    currency: DealHeader.shape.currency.optional(),
  })
  .refine(keyMatchesDeal, KEY_MISMATCH);
export type Snapshot = z.infer<typeof Snapshot>;

/** The header of a cached deal, as the views show it. */
export function cachedHeader(record: Snapshot): DealHeader {
  return {
    deal: record.deal,
    url: record.url ?? '',
    name: record.name,
    account: record.account,
    owner: record.owner,
    amount: record.amount,
    currency: record.currency ?? null,
    closeDate: record.closeDate,
    stage: record.stage,
  };
}

export type SnapshotInput = Omit<Snapshot, 'dealKey' | 'fetchedAt' | 'deal'> & { deal: DealRef };

/** Stores (replaces) the deal's snapshot, stamped with `now` as its fetch time. */
export async function putSnapshot(db: BatonDatabase, input: SnapshotInput, now = new Date()): Promise<Snapshot> {
  const snapshot = forWrite(Snapshot, 'snapshots', {
    ...input,
    dealKey: dealKey(input.deal),
    fetchedAt: now.toISOString(),
  });
  await db.put('snapshots', snapshot);
  return snapshot;
}

/** The deal's snapshot; undefined if none; throws InvalidRecordError if it is unreadable. */
export async function getSnapshot(db: BatonDatabase, key: string): Promise<Snapshot | undefined> {
  return readOne(Snapshot, 'snapshots', key, await db.get('snapshots', key));
}

/** The most recently fetched snapshots, newest first. */
export async function listRecentSnapshots(db: BatonDatabase, limit: number): Promise<ListResult<Snapshot>> {
  const index = db.transaction('snapshots').store.index('by-fetchedAt');
  return collect(index.openCursor(null, 'prev'), Snapshot, 'snapshots', checkLimit(limit));
}
