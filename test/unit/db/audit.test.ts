import { describe, expect, it } from 'vitest';
import * as db from '@/lib/db';
import { InvalidRecordError, appendAudit, listAudit, type AuditInput } from '@/lib/db';
import type { Finding } from '@/lib/rules/types';
import { ACME, ACME_KEY, GLOBEX, T0, minutesAfter, putRaw, useFreshDb } from './helpers';

const FINDING: Finding = {
  rule: 'metric-no-number',
  element: 'successMetric',
  severity: 'block',
  message: 'The success metric has no number.',
  fix: 'Say how much, e.g. "cut onboarding from 30 to 10 days".',
};

describe('audit log', () => {
  const ctx = useFreshDb();

  it('appends entries and keeps only a summary of each finding', async () => {
    const id = await appendAudit(ctx.db, { deal: ACME, event: 'gate-blocked', findings: [FINDING], actor: 'ae@acme.test' }, T0);
    expect(id).toBe(1);
    const { items, invalid } = await listAudit(ctx.db, { limit: 10 });
    expect(invalid).toEqual([]);
    expect(items).toEqual([
      {
        id: 1,
        at: T0.toISOString(),
        dealKey: ACME_KEY,
        deal: ACME,
        event: 'gate-blocked',
        findings: [{ rule: 'metric-no-number', element: 'successMetric', severity: 'block' }],
        actor: 'ae@acme.test',
      },
    ]);
  });

  it('lists newest first, with a limit, since (inclusive) and per deal', async () => {
    await appendAudit(ctx.db, { deal: ACME, event: 'gate-blocked', findings: [FINDING] }, T0); // 1
    await appendAudit(ctx.db, { deal: GLOBEX, event: 'gate-passed', findings: [] }, minutesAfter(T0, 1)); // 2
    await appendAudit(ctx.db, { deal: ACME, event: 'override', findings: [FINDING], reason: 'Signed under deadline' }, minutesAfter(T0, 2)); // 3
    await appendAudit(ctx.db, { deal: ACME, event: 'cancelled', findings: [] }, minutesAfter(T0, 3)); // 4

    const idsOf = async (q: db.AuditQuery) => (await listAudit(ctx.db, q)).items.map((e) => e.id);
    expect(await idsOf({ limit: 10 })).toEqual([4, 3, 2, 1]);
    expect(await idsOf({ limit: 2 })).toEqual([4, 3]);
    expect(await idsOf({ limit: 10, since: minutesAfter(T0, 1) })).toEqual([4, 3, 2]);
    expect(await idsOf({ limit: 10, dealKey: ACME_KEY })).toEqual([4, 3, 1]);
    expect(await idsOf({ limit: 10, dealKey: ACME_KEY, since: minutesAfter(T0, 2) })).toEqual([4, 3]);
    expect(await idsOf({ limit: 1, dealKey: ACME_KEY, since: T0 })).toEqual([4]);
    expect(await idsOf({ limit: 10, dealKey: 'hubspot:1:2' })).toEqual([]);
  });

  it('orders entries of the same millisecond by when they were appended', async () => {
    for (const event of ['warned', 'gate-blocked', 'saved-and-closed'] as const) {
      await appendAudit(ctx.db, { deal: ACME, event, findings: [] }, T0);
    }
    const { items } = await listAudit(ctx.db, { limit: 10, dealKey: ACME_KEY });
    expect(items.map((e) => e.event)).toEqual(['saved-and-closed', 'gate-blocked', 'warned']);
  });

  it.each<[string, AuditInput, RegExp]>([
    ['an override without a reason', { deal: ACME, event: 'override', findings: [] }, /override needs a reason/],
    ['an override with a blank reason', { deal: ACME, event: 'override', findings: [], reason: ' \n' }, /override needs a reason/],
    ['an unknown event', { deal: ACME, event: 'deleted' as never, findings: [] }, /→ at event/],
    ['an unknown rule', { deal: ACME, event: 'warned', findings: [{ ...FINDING, rule: 'nope' as never }] }, /→ at findings\[0\]\.rule/],
  ])('refuses %s and writes nothing', async (_label, input, detail) => {
    const error = await appendAudit(ctx.db, input, T0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as Error).message).toMatch(detail);
    expect(await ctx.db.count('audit')).toBe(0);
  });

  it('is append-only: the module offers no way to change or remove an entry', () => {
    const writers = Object.keys(db).filter((name) => /audit/i.test(name) && typeof (db as Record<string, unknown>)[name] === 'function');
    expect(writers.sort()).toEqual(['appendAudit', 'listAudit']);
  });

  it('reports unreadable entries besides the limit, and keeps them', async () => {
    await appendAudit(ctx.db, { deal: ACME, event: 'warned', findings: [] }, T0);
    const broken = { dealKey: ACME_KEY, at: minutesAfter(T0, 5).toISOString(), event: 'warned' };
    const key = await putRaw(ctx.db, 'audit', broken);
    await appendAudit(ctx.db, { deal: ACME, event: 'gate-passed', findings: [] }, minutesAfter(T0, 1));

    const { items, invalid } = await listAudit(ctx.db, { limit: 2, dealKey: ACME_KEY });
    expect(items.map((e) => e.event)).toEqual(['gate-passed', 'warned']);
    expect(invalid).toEqual([{ store: 'audit', key, value: { ...broken, id: key }, error: expect.stringContaining('deal') }]);
    expect(await ctx.db.count('audit')).toBe(3);
  });

  it('rejects a limit that is not a positive integer', async () => {
    await expect(listAudit(ctx.db, { limit: 0 })).rejects.toThrow(RangeError);
    await expect(listAudit(ctx.db, { limit: 1.5 })).rejects.toThrow(/positive integer/);
  });
});
