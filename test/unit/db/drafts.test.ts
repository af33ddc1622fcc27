import { describe, expect, it } from 'vitest';
import { z } from '@/lib/zod';
import { InvalidRecordError, deleteDraft, getDraft, listDrafts, saveDraft, type DraftInput } from '@/lib/db';
import { ACME, ACME_KEY, GLOBEX, GLOBEX_KEY, T0, minutesAfter, putRaw, useFreshDb } from './helpers';

describe('drafts', () => {
  const ctx = useFreshDb();

  it('round-trips a draft, keyed by the deal', async () => {
    const saved = await saveDraft(
      ctx.db,
      { deal: ACME, fields: { useCase: 'Ops reporting', riskFlags: '' }, baseValues: { useCase: '', riskFlags: '' } },
      T0,
    );
    expect(saved).toEqual({
      dealKey: ACME_KEY,
      deal: ACME,
      fields: { useCase: 'Ops reporting', riskFlags: '' },
      baseValues: { useCase: '', riskFlags: '' },
      updatedAt: '2025-03-01T09:00:00.000Z',
    });
    expect(await getDraft(ctx.db, ACME_KEY)).toEqual(saved);
    expect(await getDraft(ctx.db, GLOBEX_KEY)).toBeUndefined();
  });

  it('replaces the fields on save but keeps the base values from when editing started', async () => {
    await saveDraft(ctx.db, { deal: ACME, fields: { useCase: 'Ops' }, baseValues: { useCase: 'old CRM text' } }, T0);
    const autosaved = await saveDraft(ctx.db, { deal: ACME, fields: { successMetric: '20% fewer tickets by June' } }, minutesAfter(T0, 1));
    expect(autosaved.fields).toEqual({ successMetric: '20% fewer tickets by June' });
    expect(autosaved.baseValues).toEqual({ useCase: 'old CRM text' });
    expect(autosaved.updatedAt).toBe('2025-03-01T09:01:00.000Z');

    const rebased = await saveDraft(ctx.db, { deal: ACME, fields: {}, baseValues: { useCase: 'newer CRM text' } }, minutesAfter(T0, 2));
    expect(rebased.baseValues).toEqual({ useCase: 'newer CRM text' });
    expect(await getDraft(ctx.db, ACME_KEY)).toEqual(rebased);
  });

  it('deletes a draft, and deleting a missing one is harmless', async () => {
    await saveDraft(ctx.db, { deal: ACME, fields: { useCase: 'x' } }, T0);
    await deleteDraft(ctx.db, ACME_KEY);
    expect(await getDraft(ctx.db, ACME_KEY)).toBeUndefined();
    await expect(deleteDraft(ctx.db, ACME_KEY)).resolves.toBeUndefined();
  });

  it('lists drafts most recently edited first', async () => {
    await saveDraft(ctx.db, { deal: ACME, fields: {} }, minutesAfter(T0, 5));
    await saveDraft(ctx.db, { deal: GLOBEX, fields: {} }, minutesAfter(T0, 10));
    const third = { ...ACME, recordId: '006A000002' };
    await saveDraft(ctx.db, { deal: third, fields: {} }, T0);
    const { items, invalid } = await listDrafts(ctx.db);
    expect(items.map((d) => d.deal)).toEqual([GLOBEX, ACME, third]);
    expect(invalid).toEqual([]);
  });

  it.each<[string, DraftInput, RegExp]>([
    ['a misspelt field', { deal: ACME, fields: { usecase: 'lost text' } as never }, /Unrecognized key: "usecase"\n.*→ at fields/],
    ['a non-text value', { deal: ACME, fields: { useCase: 42 } as never }, /expected string.*\n.*→ at fields\.useCase/],
    ['a bad record id', { deal: { ...ACME, recordId: '006-bad' }, fields: {} }, /→ at deal\.recordId/],
    ['an unknown CRM', { deal: { ...ACME, crm: 'pipedrive' } as never, fields: {} }, /→ at deal\.crm/],
  ])('refuses %s with a clear error and writes nothing', async (_label, input, detail) => {
    const error = await saveDraft(ctx.db, input, T0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    const invalid = error as InvalidRecordError;
    expect(invalid.store).toBe('drafts');
    expect(invalid.op).toBe('write');
    expect(invalid.cause).toBeInstanceOf(z.ZodError);
    expect(invalid.message).toMatch(/refused to write an invalid record to "drafts" \(nothing was written\)/);
    expect(invalid.message).toMatch(detail);
    expect(await ctx.db.count('drafts')).toBe(0);
  });

  it('reports an unreadable draft without deleting it, and will not overwrite it', async () => {
    const damaged = { dealKey: ACME_KEY, fields: { useCase: 'typed by the user' }, updatedAt: 'yesterday' };
    await putRaw(ctx.db, 'drafts', damaged);
    await saveDraft(ctx.db, { deal: GLOBEX, fields: {} }, T0);

    const list = await listDrafts(ctx.db);
    expect(list.items.map((d) => d.dealKey)).toEqual([GLOBEX_KEY]);
    expect(list.invalid).toEqual([{ store: 'drafts', key: ACME_KEY, value: damaged, error: expect.stringMatching(/deal[\s\S]*updatedAt/) }]);

    await expect(getDraft(ctx.db, ACME_KEY)).rejects.toThrow(/could not read the "drafts" record "salesforce:acme--uat:006A000001abcDE" \(it is kept/);
    await expect(saveDraft(ctx.db, { deal: ACME, fields: { useCase: 'new' } }, T0)).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await ctx.db.get('drafts', ACME_KEY)).toEqual(damaged);
  });

  it('treats a record whose dealKey and deal disagree as invalid', async () => {
    await putRaw(ctx.db, 'drafts', { dealKey: ACME_KEY, deal: GLOBEX, fields: {}, updatedAt: T0.toISOString() });
    await expect(getDraft(ctx.db, ACME_KEY)).rejects.toThrow(/dealKey does not match deal/);
  });
});
