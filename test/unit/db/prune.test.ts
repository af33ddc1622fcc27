import { describe, expect, it, vi } from 'vitest';
import type { DealRef } from '@/lib/domain/deal';
import { PRUNE_LIMITS, appendAudit, enqueue, getDraft, listAudit, listDrafts, listRecentSnapshots, pruneLocalStores, putSnapshot, saveDraft, type SnapshotInput } from '@/lib/db';
import { createOutboxRunner, PRUNE_EVERY_MS } from '@/lib/background/outbox';
import { ACME, ACME_KEY, GLOBEX, T0, artifact, putRaw, useFreshDb } from './helpers';

const DAY = 86_400_000;
const daysAfter = (base: Date, days: number) => new Date(base.getTime() + days * DAY);
const dealNo = (n: number): DealRef => ({ crm: 'salesforce', instance: 'acme', recordId: `006A0000${String(n).padStart(7, '0')}` });
const snapshot = (deal: DealRef): SnapshotInput => ({ deal, name: 'Deal', stage: 'Negotiation', amount: null, closeDate: null, owner: null, account: null, artifact: artifact() });

describe('pruning the local stores', () => {
  const ctx = useFreshDb();

  it('the documented limits: audit 180 days / 20,000 entries, snapshots and drafts 90 days / 2,000 and 1,000', () => {
    expect(PRUNE_LIMITS).toEqual({
      audit: { maxAgeDays: 180, maxRows: 20_000 },
      snapshots: { maxAgeDays: 90, maxRows: 2_000 },
      drafts: { maxAgeDays: 90, maxRows: 1_000 },
    });
  });

  it('drops audit entries, snapshots and drafts older than their limit and keeps the recent ones', async () => {
    const now = daysAfter(T0, 365);
    await appendAudit(ctx.db, { deal: ACME, event: 'gate-blocked', findings: [] }, daysAfter(now, -200));
    await appendAudit(ctx.db, { deal: ACME, event: 'override', findings: [], reason: 'Quarter end' }, daysAfter(now, -10));
    await putSnapshot(ctx.db, snapshot(ACME), daysAfter(now, -120));
    await putSnapshot(ctx.db, snapshot(GLOBEX), daysAfter(now, -1));
    await saveDraft(ctx.db, { deal: ACME, fields: { useCase: 'typed long ago' } }, daysAfter(now, -91));
    await saveDraft(ctx.db, { deal: GLOBEX, fields: { useCase: 'typed today' } }, now);

    expect(await pruneLocalStores(ctx.db, now)).toEqual({ audit: 1, snapshots: 1, drafts: 1 });
    expect((await listAudit(ctx.db, { limit: 10 })).items.map((e) => e.event)).toEqual(['override']);
    expect((await listRecentSnapshots(ctx.db, 10)).items.map((s) => s.deal)).toEqual([GLOBEX]);
    expect(await getDraft(ctx.db, ACME_KEY)).toBeUndefined();
    expect((await listDrafts(ctx.db)).items.map((d) => d.fields.useCase)).toEqual(['typed today']);
    expect(await pruneLocalStores(ctx.db, now)).toEqual({ audit: 0, snapshots: 0, drafts: 0 });
  });

  it('over the size limit, the oldest go first', async () => {
    for (let i = 0; i < 5; i++) {
      await appendAudit(ctx.db, { deal: dealNo(i), event: 'gate-passed', findings: [] }, daysAfter(T0, i));
      await putSnapshot(ctx.db, snapshot(dealNo(i)), daysAfter(T0, i));
      await saveDraft(ctx.db, { deal: dealNo(i), fields: { useCase: `draft ${i}` } }, daysAfter(T0, i));
    }
    const limits = { audit: { maxAgeDays: 365, maxRows: 2 }, snapshots: { maxAgeDays: 365, maxRows: 3 }, drafts: { maxAgeDays: 365, maxRows: 1 } };
    expect(await pruneLocalStores(ctx.db, daysAfter(T0, 5), limits)).toEqual({ audit: 3, snapshots: 2, drafts: 4 });
    expect((await listAudit(ctx.db, { limit: 10 })).items.map((e) => e.deal)).toEqual([dealNo(4), dealNo(3)]);
    expect((await listRecentSnapshots(ctx.db, 10)).items.map((s) => s.deal)).toEqual([dealNo(4), dealNo(3), dealNo(2)]);
    expect((await listDrafts(ctx.db)).items.map((d) => d.fields.useCase)).toEqual(['draft 4']);
  });

  it('never deletes an unreadable record, nor anything in the outbox', async () => {
    const now = daysAfter(T0, 365);
    const broken = { id: 9, at: T0.toISOString(), event: 'override' }; // no deal: reported, kept
    await putRaw(ctx.db, 'audit', broken);
    await enqueue(ctx.db, { deal: ACME, kind: 'create-override-record', payload: { subject: 'Override', body: '' } }, T0);
    await pruneLocalStores(ctx.db, now);
    expect(await ctx.db.get('audit', 9)).toEqual(broken);
    expect(await ctx.db.count('outbox')).toBe(1);
  });

  it('the outbox alarm prunes on its first pass and then every few hours, not on every pass', async () => {
    let now = daysAfter(T0, 365);
    await saveDraft(ctx.db, { deal: ACME, fields: { useCase: 'old' } }, T0);
    const runner = createOutboxRunner({ db: async () => ctx.db, backendFor: () => { throw new Error('nothing to send'); }, now: () => now });
    await runner.pass();
    expect(await getDraft(ctx.db, ACME_KEY)).toBeUndefined();
    await saveDraft(ctx.db, { deal: ACME, fields: { useCase: 'old again' } }, T0);
    now = new Date(now.getTime() + 60_000);
    await runner.pass();
    expect(await getDraft(ctx.db, ACME_KEY)).toBeDefined();
    now = new Date(now.getTime() + PRUNE_EVERY_MS);
    await runner.pass();
    expect(await getDraft(ctx.db, ACME_KEY)).toBeUndefined();
  });

  it('a pruning failure does not stop the outbox pass', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const broken = new Proxy(ctx.db, {
      get(target, prop) {
        if (prop === 'transaction') {
          return (stores: never, mode?: IDBTransactionMode) => {
            if (mode === 'readwrite' && stores !== 'outbox') throw new DOMException('disk error', 'UnknownError');
            return target.transaction(stores, mode);
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const runner = createOutboxRunner({ db: async () => broken, backendFor: () => { throw new Error('nothing to send'); } });
    await expect(runner.pass()).resolves.toMatchObject({ sent: 0 });
    expect(warn).toHaveBeenCalledWith('[baton] Could not prune the local stores.', expect.any(DOMException));
    warn.mockRestore();
  });
});
