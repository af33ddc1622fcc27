import { z } from '@/lib/zod';
import { dealKey, type DealRef } from '@/lib/domain/deal';
import { IsoTimestamp, KEY_MISMATCH, RecordNotFoundError, collect, compareStrings, dealFields, forWrite, keyMatchesDeal, readOne, type ListResult } from './common';
import type { BatonDatabase } from './schema';
import { ReviewVerdict } from '@/lib/domain/activity';

export { ReviewVerdict };

/** Criterion name → score 1..5. The rubric's criteria are configurable, so keys are free text. */
export const Rubric = z
  .record(z.string().min(1).max(100), z.number().int().min(1).max(5))
  .refine((r) => Object.keys(r).length > 0, 'a review scores at least one criterion');

/** A manager's review. The CRM gets a copy (outbox 'create-review'); syncedToCrm says it has it. */
export const Review = z
  .object({
    id: z.uuid(),
    ...dealFields,
    rubric: Rubric,
    verdict: ReviewVerdict,
    comment: z.string().max(5000),
    reviewer: z.string().max(200).optional(),
    at: IsoTimestamp,
    syncedToCrm: z.boolean(),
  })
  .refine(keyMatchesDeal, KEY_MISMATCH);
export type Review = z.infer<typeof Review>;

export interface ReviewInput {
  /** Omit for a new review; give it to replace an existing one. */
  id?: string;
  deal: DealRef;
  rubric: Record<string, number>;
  verdict: ReviewVerdict;
  comment: string;
  reviewer?: string;
  /** Defaults to `now`. */
  at?: string;
  /** Defaults to false. */
  syncedToCrm?: boolean;
}

/** Creates or replaces a review; returns it as stored (with its id). */
export async function saveReview(db: BatonDatabase, input: ReviewInput, now = new Date()): Promise<Review> {
  const review = forWrite(Review, 'reviews', {
    ...input,
    id: input.id ?? crypto.randomUUID(),
    dealKey: dealKey(input.deal),
    at: input.at ?? now.toISOString(),
    syncedToCrm: input.syncedToCrm ?? false,
  });
  await db.put('reviews', review);
  return review;
}

/** Called by the outbox sender once the CRM has the review. */
export async function markReviewSynced(db: BatonDatabase, id: string): Promise<Review> {
  const tx = db.transaction('reviews', 'readwrite');
  const review = readOne(Review, 'reviews', id, await tx.store.get(id));
  if (!review) throw new RecordNotFoundError('reviews', id);
  const synced = forWrite(Review, 'reviews', { ...review, syncedToCrm: true });
  await tx.store.put(synced);
  await tx.done;
  return synced;
}

/** Reviews, newest first; all of them or one deal's. */
export async function listReviews(db: BatonDatabase, query: { dealKey?: string } = {}): Promise<ListResult<Review>> {
  const store = db.transaction('reviews').store;
  const cursor =
    query.dealKey === undefined
      ? store.openCursor()
      : store.index('by-dealKey').openCursor(IDBKeyRange.only(query.dealKey));
  const result = await collect(cursor, Review, 'reviews');
  result.items.sort((a, b) => compareStrings(b.at, a.at));
  return result;
}
