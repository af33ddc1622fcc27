import { describe, expect, it } from 'vitest';
import {
  InvalidRecordError,
  RecordNotFoundError,
  countByStatus,
  enqueue,
  listForDeal,
  listPending,
  markAttempt,
  markDone,
  markInFlight,
  recoverInFlight,
  retryNow,
  wakeWaiting,
  type BatonDatabase,
  type OutboxInput,
} from '@/lib/db';
import { ACME, ACME_KEY, GLOBEX, GLOBEX_KEY, T0, minutesAfter, putRaw, useFreshDb } from './helpers';

const UPDATE: OutboxInput = {
  deal: ACME,
  kind: 'update-fields',
  payload: { fields: { useCase: 'Forecast roll-up' }, expected: { useCase: '' } },
};
const NOTE = (deal = GLOBEX): OutboxInput => ({
  deal,
  kind: 'create-override-record',
  payload: { subject: 'Closed with a Baton override', body: 'Reason: signed under deadline.' },
});
const THIRD = { crm: 'salesforce' as const, instance: 'acme--uat', recordId: '006A000003' };

async function ids(db: BatonDatabase, now: Date): Promise<number[]> {
  const { items, invalid } = await listPending(db, now);
  expect(invalid).toEqual([]);
  return items.map((i) => i.id);
}

describe('outbox', () => {
  const ctx = useFreshDb();

  it('enqueues an item that is due at once', async () => {
    const item = await enqueue(ctx.db, UPDATE, T0);
    expect(item).toEqual({
      ...UPDATE,
      id: 1,
      dealKey: ACME_KEY,
      createdAt: T0.toISOString(),
      attempts: 0,
      lastError: null,
      nextAttemptAt: T0.toISOString(),
      status: 'pending',
    });
    expect((await listForDeal(ctx.db, ACME_KEY)).items).toEqual([item]);
    expect(await ids(ctx.db, T0)).toEqual([1]);
  });

  it.each<[string, OutboxInput, RegExp]>([
    ['a write without its base value', { ...UPDATE, payload: { fields: { useCase: 'x', timeline: 'y' }, expected: { useCase: '' } } }, /→ at payload\.expected\.timeline/],
    ['a write of nothing', { ...UPDATE, payload: { fields: {}, expected: {} } }, /no field to write/],
    ['a misspelt field', { ...UPDATE, payload: { fields: { usecase: 'x' }, expected: {} } } as never, /Unrecognized key: "usecase"/],
    ['a blank subject', { deal: GLOBEX, kind: 'create-override-record', payload: { subject: '  ', body: '' } }, /subject must not be blank/],
    ['a review without its id', { deal: ACME, kind: 'create-review', payload: { subject: 'Review', body: '' } } as never, /reviewId/],
    ['an unknown kind', { deal: ACME, kind: 'delete-deal', payload: {} } as never, /kind/],
  ])('refuses %s and writes nothing', async (_label, input, detail) => {
    const error = await enqueue(ctx.db, input, T0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as Error).message).toMatch(/refused to write an invalid record to "outbox"/);
    expect((error as Error).message).toMatch(detail);
    expect(await ctx.db.count('outbox')).toBe(0);
  });

  it('lists only due pending items, oldest first', async () => {
    const a = await enqueue(ctx.db, UPDATE, T0); // due at T0
    const b = await enqueue(ctx.db, NOTE(), minutesAfter(T0, 1)); // due at T0+1
    const c = await enqueue(ctx.db, NOTE(THIRD), minutesAfter(T0, 2)); // fails, retry at T0+30
    await markAttempt(ctx.db, c.id, 'HTTP 503', minutesAfter(T0, 30));

    expect(await ids(ctx.db, new Date(T0.getTime() - 1))).toEqual([]);
    expect(await ids(ctx.db, T0)).toEqual([a.id]); // due exactly now counts
    expect(await ids(ctx.db, minutesAfter(T0, 29))).toEqual([a.id, b.id]);
    expect(await ids(ctx.db, minutesAfter(T0, 30))).toEqual([a.id, b.id, c.id]);

    await markInFlight(ctx.db, a.id);
    await markAttempt(ctx.db, b.id, 'HTTP 400: field is read-only', null); // failed for good
    expect(await ids(ctx.db, minutesAfter(T0, 60))).toEqual([c.id]);
  });

  it('keeps one deal\'s writes in order: a later write waits for an earlier retry', async () => {
    const first = await enqueue(ctx.db, UPDATE, T0);
    await markAttempt(ctx.db, first.id, 'HTTP 503', minutesAfter(T0, 10));
    const second = await enqueue(ctx.db, { ...UPDATE, payload: { fields: { useCase: 'v2' }, expected: { useCase: 'Forecast roll-up' } } }, minutesAfter(T0, 1));
    const other = await enqueue(ctx.db, NOTE(), minutesAfter(T0, 1));

    expect(await ids(ctx.db, minutesAfter(T0, 5))).toEqual([other.id]);
    expect(await ids(ctx.db, minutesAfter(T0, 10))).toEqual([first.id, other.id]);

    await markInFlight(ctx.db, first.id);
    expect(await ids(ctx.db, minutesAfter(T0, 10))).toEqual([other.id]); // in-flight holds the deal too
    await markDone(ctx.db, first.id);
    expect(await ids(ctx.db, minutesAfter(T0, 10))).toEqual([second.id, other.id]);
  });

  it('does not let a failed item hold its deal back', async () => {
    const first = await enqueue(ctx.db, UPDATE, T0);
    await markAttempt(ctx.db, first.id, 'conflict', null);
    const second = await enqueue(ctx.db, NOTE(ACME), minutesAfter(T0, 1));
    expect(await ids(ctx.db, minutesAfter(T0, 1))).toEqual([second.id]);
  });

  it('records attempts: count, error (truncated), next time and status', async () => {
    const item = await enqueue(ctx.db, UPDATE, T0);
    const once = await markAttempt(ctx.db, item.id, 'HTTP 503', minutesAfter(T0, 1));
    expect(once).toMatchObject({ attempts: 1, lastError: 'HTTP 503', status: 'pending', nextAttemptAt: '2025-03-01T09:01:00.000Z' });
    const twice = await markAttempt(ctx.db, item.id, 'x'.repeat(5000), null);
    expect(twice).toMatchObject({ attempts: 2, status: 'failed', nextAttemptAt: null });
    expect(twice.lastError).toHaveLength(2000);
    expect((await listForDeal(ctx.db, ACME_KEY)).items).toEqual([twice]);
  });

  it('claims an item once: a second claim fails', async () => {
    const item = await enqueue(ctx.db, UPDATE, T0);
    expect((await markInFlight(ctx.db, item.id)).status).toBe('in-flight');
    await expect(markInFlight(ctx.db, item.id)).rejects.toThrow(/is in-flight, not pending/);
  });

  it('deletes an item when done', async () => {
    const item = await enqueue(ctx.db, UPDATE, T0);
    await markDone(ctx.db, item.id);
    expect(await ctx.db.count('outbox')).toBe(0);
    await expect(markDone(ctx.db, item.id)).resolves.toBeUndefined();
  });

  it('fails clearly on an id it does not have', async () => {
    await expect(markAttempt(ctx.db, 99, 'x', null)).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(markInFlight(ctx.db, 99)).rejects.toThrow(/no outbox record 99/);
  });

  it('retries a failed item now when asked', async () => {
    const item = await enqueue(ctx.db, UPDATE, T0);
    await markAttempt(ctx.db, item.id, 'HTTP 400', null);
    const later = minutesAfter(T0, 90);
    const retried = await retryNow(ctx.db, item.id, later);
    expect(retried).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 400', nextAttemptAt: later.toISOString() });
    expect(await ids(ctx.db, later)).toEqual([item.id]);
  });

  it('puts items left in flight by a dead worker back in the queue', async () => {
    const a = await enqueue(ctx.db, UPDATE, T0);
    const b = await enqueue(ctx.db, NOTE(), T0);
    await markInFlight(ctx.db, a.id);
    await markInFlight(ctx.db, b.id);
    const restart = minutesAfter(T0, 5);
    expect(await recoverInFlight(ctx.db, restart)).toBe(2);
    expect(await ids(ctx.db, restart)).toEqual([a.id, b.id]);
    expect(await recoverInFlight(ctx.db, restart)).toBe(0);
  });

  it('lists one deal\'s items oldest first, any status', async () => {
    const a = await enqueue(ctx.db, UPDATE, T0);
    await enqueue(ctx.db, NOTE(), T0);
    const c = await enqueue(ctx.db, NOTE(ACME), minutesAfter(T0, 1));
    await markAttempt(ctx.db, a.id, 'gone', null);
    const { items } = await listForDeal(ctx.db, ACME_KEY);
    expect(items.map((i) => [i.id, i.status])).toEqual([[a.id, 'failed'], [c.id, 'pending']]);
    expect((await listForDeal(ctx.db, GLOBEX_KEY)).items).toHaveLength(1);
  });

  it('counts by status, including unreadable records', async () => {
    const a = await enqueue(ctx.db, UPDATE, T0);
    const b = await enqueue(ctx.db, NOTE(), T0);
    await enqueue(ctx.db, NOTE(THIRD), T0);
    await markInFlight(ctx.db, a.id);
    await markAttempt(ctx.db, b.id, 'x', null);
    await putRaw(ctx.db, 'outbox', { id: 50, status: 'pending', nextAttemptAt: T0.toISOString() });
    expect(await countByStatus(ctx.db)).toEqual({ pending: 1, waiting: 0, 'in-flight': 1, failed: 1, invalid: 1 });
  });

  it('keeps an item waiting for access to its CRM as waiting: due at its re-check, holding its deal, claimable', async () => {
    const note = await enqueue(ctx.db, NOTE(ACME), T0, { status: 'waiting', nextAttemptAt: minutesAfter(T0, 5), error: 'Your Salesforce session has expired.', kind: 'session-expired' });
    expect(note).toMatchObject({ status: 'waiting', attempts: 1, lastError: 'Your Salesforce session has expired.', lastErrorKind: 'session-expired', nextAttemptAt: minutesAfter(T0, 5).toISOString() });
    const later = await enqueue(ctx.db, UPDATE, minutesAfter(T0, 1));
    expect(await ids(ctx.db, minutesAfter(T0, 1))).toEqual([]); // the later write to that deal waits behind it
    expect(await ids(ctx.db, minutesAfter(T0, 5))).toEqual([note.id]);
    expect((await markInFlight(ctx.db, note.id)).status).toBe('in-flight');
    await markDone(ctx.db, note.id);
    expect(await ids(ctx.db, minutesAfter(T0, 5))).toEqual([later.id]);
  });

  it('wakes what waits for one CRM when access to it comes back, and nothing of another CRM', async () => {
    const waiting = { status: 'waiting' as const, nextAttemptAt: minutesAfter(T0, 5), error: 'not signed in', kind: 'not-connected' as const };
    const salesforce = await enqueue(ctx.db, NOTE(ACME), T0, waiting);
    const hubspot = await enqueue(ctx.db, NOTE(GLOBEX), T0, waiting);
    const failed = await enqueue(ctx.db, NOTE(THIRD), T0, { status: 'failed', error: 'Tasks are locked.', kind: 'validation' });
    expect(await wakeWaiting(ctx.db, 'salesforce', minutesAfter(T0, 1))).toBe(1);
    expect(await ids(ctx.db, minutesAfter(T0, 1))).toEqual([salesforce.id]);
    expect((await listForDeal(ctx.db, GLOBEX_KEY)).items).toMatchObject([{ id: hubspot.id, status: 'waiting', nextAttemptAt: minutesAfter(T0, 5).toISOString() }]);
    expect((await countByStatus(ctx.db)).failed).toBe(1); // refused for good: only a retry brings it back
    expect(failed.nextAttemptAt).toBeNull();
  });

  it('reports an unreadable queued item and keeps it', async () => {
    const good = await enqueue(ctx.db, UPDATE, T0);
    const broken = { ...good, id: 7, kind: 'update-fields', payload: { fields: 'not an object' } };
    await putRaw(ctx.db, 'outbox', broken);
    const { items, invalid } = await listPending(ctx.db, T0);
    expect(items.map((i) => i.id)).toEqual([good.id]);
    expect(invalid).toEqual([{ store: 'outbox', key: 7, value: broken, error: expect.stringContaining('payload') }]);
    expect(await ctx.db.get('outbox', 7)).toEqual(broken);
    await expect(markAttempt(ctx.db, 7, 'x', null)).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await recoverInFlight(ctx.db, T0)).toBe(0);
    expect(await ctx.db.get('outbox', 7)).toEqual(broken);
  });
});
