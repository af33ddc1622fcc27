import { describe, expect, it } from 'vitest';
import { InvalidRecordError, RecordNotFoundError, listReviews, markReviewSynced, saveReview, type ReviewInput } from '@/lib/db';
import { ACME, ACME_KEY, GLOBEX, GLOBEX_KEY, T0, minutesAfter, putRaw, useFreshDb } from './helpers';

const INPUT: ReviewInput = {
  deal: ACME,
  rubric: { 'use case is specific': 4, 'metric is measurable': 2 },
  verdict: 'needs-work',
  comment: 'Metric has no baseline.',
  reviewer: 'manager@acme.test',
};

describe('reviews', () => {
  const ctx = useFreshDb();

  it('saves a new review with an id, the time, and not yet synced', async () => {
    const review = await saveReview(ctx.db, INPUT, T0);
    expect(review).toEqual({ ...INPUT, id: expect.stringMatching(/^[0-9a-f-]{36}$/), dealKey: ACME_KEY, at: T0.toISOString(), syncedToCrm: false });
    expect((await listReviews(ctx.db)).items).toEqual([review]);
    const other = await saveReview(ctx.db, INPUT, T0);
    expect(other.id).not.toBe(review.id);
  });

  it('replaces a review saved again with its id', async () => {
    const review = await saveReview(ctx.db, INPUT, T0);
    const edited = await saveReview(ctx.db, { ...INPUT, id: review.id, at: review.at, verdict: 'pass', rubric: { 'metric is measurable': 5 } }, minutesAfter(T0, 3));
    expect(edited).toMatchObject({ id: review.id, verdict: 'pass', at: T0.toISOString() });
    const { items } = await listReviews(ctx.db);
    expect(items).toEqual([edited]);
  });

  it('marks a review as synced once the CRM has it', async () => {
    const review = await saveReview(ctx.db, INPUT, T0);
    expect(await markReviewSynced(ctx.db, review.id)).toEqual({ ...review, syncedToCrm: true });
    expect((await listReviews(ctx.db)).items[0]?.syncedToCrm).toBe(true);
    await expect(markReviewSynced(ctx.db, crypto.randomUUID())).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it('lists newest first, for all deals or one', async () => {
    const a = await saveReview(ctx.db, INPUT, T0);
    const b = await saveReview(ctx.db, { ...INPUT, deal: GLOBEX }, minutesAfter(T0, 1));
    const c = await saveReview(ctx.db, INPUT, minutesAfter(T0, 2));
    expect((await listReviews(ctx.db)).items.map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect((await listReviews(ctx.db, { dealKey: ACME_KEY })).items.map((r) => r.id)).toEqual([c.id, a.id]);
    expect((await listReviews(ctx.db, { dealKey: GLOBEX_KEY })).items.map((r) => r.id)).toEqual([b.id]);
  });

  it.each<[string, ReviewInput, RegExp]>([
    ['a score of 0', { ...INPUT, rubric: { clarity: 0 } }, /→ at rubric\.clarity/],
    ['a score of 6', { ...INPUT, rubric: { clarity: 6 } }, /→ at rubric\.clarity/],
    ['a fractional score', { ...INPUT, rubric: { clarity: 2.5 } }, /expected int/],
    ['an empty rubric', { ...INPUT, rubric: {} }, /at least one criterion/],
    ['an unknown verdict', { ...INPUT, verdict: 'great' as never }, /→ at verdict/],
    ['an id that is not a uuid', { ...INPUT, id: 'review-1' }, /→ at id/],
  ])('refuses %s and writes nothing', async (_label, input, detail) => {
    const error = await saveReview(ctx.db, input, T0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as Error).message).toMatch(detail);
    expect(await ctx.db.count('reviews')).toBe(0);
  });

  it('reports an unreadable review and keeps it', async () => {
    const good = await saveReview(ctx.db, INPUT, T0);
    const broken = { ...good, id: crypto.randomUUID(), rubric: { clarity: 'high' } };
    await putRaw(ctx.db, 'reviews', broken);
    const { items, invalid } = await listReviews(ctx.db, { dealKey: ACME_KEY });
    expect(items).toEqual([good]);
    expect(invalid).toMatchObject([{ store: 'reviews', key: broken.id, value: broken }]);
    await expect(markReviewSynced(ctx.db, broken.id)).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await ctx.db.get('reviews', broken.id)).toEqual(broken);
  });
});
