import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dealKey, type DealRef } from '@/lib/domain/deal';
import { appendAudit, enqueue, findInvalidRecords, parseDealKey, saveDraft, saveReview } from '@/lib/db';
import { ACME, ACME_KEY, GLOBEX, GLOBEX_KEY, T0, putRaw, useFreshDb } from './helpers';

describe('parseDealKey', () => {
  it('inverts dealKey()', () => {
    expect(parseDealKey(ACME_KEY)).toEqual(ACME);
    expect(parseDealKey(GLOBEX_KEY)).toEqual(GLOBEX);
    fc.assert(
      fc.property(
        fc.constantFrom('salesforce' as const, 'hubspot' as const),
        fc.string({ minLength: 1, maxLength: 50 }).filter((s) => !s.includes(':')),
        fc.stringMatching(/^[A-Za-z0-9]{1,40}$/),
        (crm, instance, recordId) => {
          const ref: DealRef = { crm, instance, recordId };
          expect(parseDealKey(dealKey(ref))).toEqual(ref);
        },
      ),
    );
  });

  it.each(['', 'salesforce:acme', 'pipedrive:acme:1', 'salesforce::1', 'hubspot:1:deal-9', 'hubspot:a:b:c', 42, null])(
    'returns null for %j',
    (key) => {
      expect(parseDealKey(key)).toBeNull();
    },
  );
});

describe('findInvalidRecords', () => {
  const ctx = useFreshDb();

  it('finds broken records in every store, including ones no index can see, and removes none', async () => {
    await saveDraft(ctx.db, { deal: ACME, fields: {} }, T0);
    await enqueue(ctx.db, { deal: ACME, kind: 'create-acknowledgement', payload: { subject: 'CSM ack', body: '4/5' } }, T0);
    await appendAudit(ctx.db, { deal: ACME, event: 'warned', findings: [] }, T0);
    await saveReview(ctx.db, { deal: ACME, rubric: { clarity: 3 }, verdict: 'pass', comment: '' }, T0);
    expect(await findInvalidRecords(ctx.db)).toEqual([]);

    await putRaw(ctx.db, 'drafts', { dealKey: GLOBEX_KEY, fields: {} });
    await putRaw(ctx.db, 'outbox', { id: 40, dealKey: GLOBEX_KEY }); // no status: invisible to 'by-status-due'
    await putRaw(ctx.db, 'audit', { id: 41, note: 'no at, no dealKey' }); // invisible to both audit indexes
    await putRaw(ctx.db, 'reviews', { id: 'r1' });
    await putRaw(ctx.db, 'snapshots', { dealKey: GLOBEX_KEY });

    const found = await findInvalidRecords(ctx.db);
    expect(found.map((r) => [r.store, r.key])).toEqual([
      ['drafts', GLOBEX_KEY],
      ['outbox', 40],
      ['audit', 41],
      ['reviews', 'r1'],
      ['snapshots', GLOBEX_KEY],
    ]);
    expect(found.every((r) => r.error.length > 0)).toBe(true);
    expect(await ctx.db.count('drafts')).toBe(2);
    expect(await ctx.db.count('audit')).toBe(2);
  });
});
