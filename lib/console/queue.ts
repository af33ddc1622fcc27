/**
 * The spot-check queue: which deals were drawn (and from which seed), where the reviewer is, and
 * what they have typed for each deal so far. Kept in extension storage, so a reload or a crash
 * of the console loses nothing; parsed on the way in, like every stored value.
 */
import { browser } from 'wxt/browser';
import { z } from '@/lib/zod';
import { DealKey } from '@/lib/domain/deal';
import { ReviewVerdict } from '@/lib/domain/activity';

const Score = z.number().int().min(1).max(5);

export const ReviewDraft = z.object({
  rubric: z.object({ useCase: Score.nullable(), successMetric: Score.nullable(), riskFlags: Score.nullable(), promises: Score.nullable() }),
  verdict: ReviewVerdict.nullable(),
  comment: z.string().max(5000),
});
export type ReviewDraft = z.infer<typeof ReviewDraft>;

export const EMPTY_REVIEW_DRAFT: ReviewDraft = { rubric: { useCase: null, successMetric: null, riskFlags: null, promises: null }, verdict: null, comment: '' };

export const ReviewQueue = z.object({
  seed: z.number().int().min(0).max(0xffffffff),
  keys: z.array(DealKey).max(500),
  position: z.number().int().min(0),
  /** Deals the reviewer has reviewed from this queue. */
  done: z.array(DealKey).max(500),
  drafts: z.record(DealKey, ReviewDraft),
  createdAt: z.string().max(40),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;

const STORAGE_KEY = 'baton.console.reviewQueue';

export async function loadQueue(): Promise<ReviewQueue | null> {
  const stored = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  if (stored === undefined) return null;
  const parsed = ReviewQueue.safeParse(stored);
  if (!parsed.success) {
    console.error('[baton] The stored review queue is not valid and was ignored.', parsed.error);
    return null;
  }
  return parsed.data;
}

export async function saveQueue(queue: ReviewQueue | null): Promise<void> {
  if (queue === null) await browser.storage.local.remove(STORAGE_KEY);
  else await browser.storage.local.set({ [STORAGE_KEY]: ReviewQueue.parse(queue) });
}
