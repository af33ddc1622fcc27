import { describe, expect, it } from 'vitest';
import { InvalidRecordError, cachedHeader, getSnapshot, listRecentSnapshots, putSnapshot, type SnapshotInput } from '@/lib/db';
import { ACME, ACME_KEY, GLOBEX, GLOBEX_KEY, T0, artifact, minutesAfter, putRaw, useFreshDb } from './helpers';

const INPUT: SnapshotInput = {
  deal: ACME,
  name: 'Acme — 40 seats',
  stage: 'Negotiation',
  amount: 48_000,
  currency: 'EUR',
  closeDate: '2025-03-31',
  owner: 'Dana Rep',
  account: 'Acme Corp',
  artifact: artifact({ useCase: 'Forecast roll-up', riskFlags: '- SSO not live yet' }),
  url: 'https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/006A000001abcDE/view',
};

describe('snapshots', () => {
  const ctx = useFreshDb();

  it('round-trips a snapshot stamped with its fetch time', async () => {
    const stored = await putSnapshot(ctx.db, INPUT, T0);
    expect(stored).toEqual({ ...INPUT, dealKey: ACME_KEY, fetchedAt: T0.toISOString() });
    expect(await getSnapshot(ctx.db, ACME_KEY)).toEqual(stored);
    expect(await getSnapshot(ctx.db, GLOBEX_KEY)).toBeUndefined();
  });

  it('replaces the snapshot of a deal with the newer read', async () => {
    await putSnapshot(ctx.db, INPUT, T0);
    const newer = await putSnapshot(ctx.db, { ...INPUT, stage: 'Closed Won', amount: null, closeDate: null, owner: null, account: null, url: undefined }, minutesAfter(T0, 5));
    expect(await getSnapshot(ctx.db, ACME_KEY)).toEqual(newer);
    expect(await ctx.db.count('snapshots')).toBe(1);
  });

  it('lists the most recently fetched first, up to the limit', async () => {
    const third = { ...ACME, recordId: '006A000003' };
    await putSnapshot(ctx.db, INPUT, minutesAfter(T0, 2));
    await putSnapshot(ctx.db, { ...INPUT, deal: GLOBEX }, minutesAfter(T0, 5));
    await putSnapshot(ctx.db, { ...INPUT, deal: third }, T0);
    expect((await listRecentSnapshots(ctx.db, 10)).items.map((s) => s.deal)).toEqual([GLOBEX, ACME, third]);
    expect((await listRecentSnapshots(ctx.db, 2)).items.map((s) => s.deal)).toEqual([GLOBEX, ACME]);
    // Re-fetching moves a deal to the front.
    await putSnapshot(ctx.db, { ...INPUT, deal: third }, minutesAfter(T0, 9));
    expect((await listRecentSnapshots(ctx.db, 1)).items.map((s) => s.deal)).toEqual([third]);
  });

  it('keeps CRM text of any size and shape', async () => {
    const huge = 'x'.repeat(200_000) + '\u0000<script>';
    const stored = await putSnapshot(ctx.db, { ...INPUT, name: huge, artifact: artifact({ promises: huge }) }, T0);
    expect((await getSnapshot(ctx.db, ACME_KEY))?.artifact.promises).toBe(stored.artifact.promises);
  });

  it.each<[string, SnapshotInput, RegExp]>([
    ['a close date that is not YYYY-MM-DD', { ...INPUT, closeDate: '03/31/2025' }, /closeDate must be YYYY-MM-DD/],
    ['an amount that is not a number', { ...INPUT, amount: Number.NaN }, /→ at amount/],
    ['an artifact missing an element', { ...INPUT, artifact: { useCase: 'x' } as never }, /→ at artifact\.successMetric/],
    ['a url that is not one', { ...INPUT, url: 'not a url' }, /→ at url/],
    ['a currency that is not text', { ...INPUT, currency: 978 as never }, /→ at currency/],
  ])('refuses %s and writes nothing', async (_label, input, detail) => {
    const error = await putSnapshot(ctx.db, input, T0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as Error).message).toMatch(detail);
    expect(await ctx.db.count('snapshots')).toBe(0);
  });

  it('reads a snapshot cached before Baton kept the link and the currency, as a header without them', async () => {
    const { url: _url, currency: _currency, ...older } = INPUT;
    await putRaw(ctx.db, 'snapshots', { ...older, dealKey: ACME_KEY, fetchedAt: T0.toISOString() });
    const stored = await getSnapshot(ctx.db, ACME_KEY);
    if (!stored) throw new Error('the older snapshot did not read');
    expect(cachedHeader(stored)).toEqual({ deal: ACME, url: '', name: 'Acme — 40 seats', account: 'Acme Corp', owner: 'Dana Rep', amount: 48_000, currency: null, closeDate: '2025-03-31', stage: 'Negotiation' });
  });

  it('reports an unreadable snapshot and keeps it', async () => {
    const broken = { dealKey: ACME_KEY, deal: ACME, fetchedAt: T0.toISOString(), name: 'Acme' };
    await putRaw(ctx.db, 'snapshots', broken);
    await expect(getSnapshot(ctx.db, ACME_KEY)).rejects.toThrow(/could not read the "snapshots" record/);
    const { items, invalid } = await listRecentSnapshots(ctx.db, 5);
    expect(items).toEqual([]);
    expect(invalid).toMatchObject([{ store: 'snapshots', key: ACME_KEY, value: broken }]);
    expect(await ctx.db.get('snapshots', ACME_KEY)).toEqual(broken);
  });

  it('rejects a limit that is not a positive integer', async () => {
    await expect(listRecentSnapshots(ctx.db, 0)).rejects.toThrow(RangeError);
    await expect(listRecentSnapshots(ctx.db, -1)).rejects.toBeInstanceOf(RangeError);
  });
});
