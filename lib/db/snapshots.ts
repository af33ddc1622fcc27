import { z } from '@/lib/zod';
import { dealKey, type DealRef } from '@/lib/domain/deal';
import { RawArtifact } from '@/lib/domain/elements';
import {
  IsoTimestamp,
  KEY_MISMATCH,
  checkLimit,
  collect,
  dealFields,
  forWrite,
  keyMatchesDeal,
  readOne,
  type ListResult,
} from './common';
import type { BatonDatabase } from './schema';

/**
 * The last CRM read of a deal. A cache only: the CRM stays the system of record, so this is
 * what the side panel / console show offline or while a fresh read is on its way.
 * CRM text is untrusted and unbounded, so no lengths are limited here.
 */
export const Snapshot = z
  .object({
    ...dealFields,
    fetchedAt: IsoTimestamp,
    name: z.string(),
    stage: z.string(),
    amount: z.number().finite().nullable(),
    closeDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'closeDate must be YYYY-MM-DD').nullable(),
    owner: z.string().nullable(),
    account: z.string().nullable(),
    artifact: RawArtifact,
    url: z.url().optional(),
  })
  .refine(keyMatchesDeal, KEY_MISMATCH);
export type Snapshot = z.infer<typeof Snapshot>;

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
