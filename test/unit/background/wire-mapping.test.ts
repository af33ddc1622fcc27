import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import type { DealBackend } from '@/lib/crms/shared/api/backend';
import type { DealRef } from '@/lib/domain/deal';
import { closeBatonDb, enqueue, openBatonDb, putSnapshot, saveDraft } from '@/lib/db';
import type { SenderContext } from '@/lib/messaging/router';
import { defaultSettings } from '@/lib/settings/schema';
import { emptyArtifact } from '@/lib/domain/elements';

/**
 * Stands in for a store that gained a field (a new column, an internal note): every record the
 * background reads carries one more field than the message declares. A message must not grow
 * with it; the background maps stored records to message shapes field by field.
 */
const STORAGE_ONLY = { storageOnly: 'kept in the store' };
vi.mock('@/lib/db', async (importOriginal) => {
  const db = await importOriginal<typeof import('@/lib/db')>();
  const widen = <T extends object>(record: T) => ({ ...record, ...STORAGE_ONLY });
  const widenList = <T extends object>(list: { items: T[]; invalid: unknown[] }) => ({ ...list, items: list.items.map(widen) });
  return {
    ...db,
    getSnapshot: async (...args: Parameters<typeof db.getSnapshot>) => {
      const found = await db.getSnapshot(...args);
      return found && widen(found);
    },
    listRecentSnapshots: async (...args: Parameters<typeof db.listRecentSnapshots>) => widenList(await db.listRecentSnapshots(...args)),
    saveReview: async (...args: Parameters<typeof db.saveReview>) => widen(await db.saveReview(...args)),
    listReviews: async (...args: Parameters<typeof db.listReviews>) => widenList(await db.listReviews(...args)),
    listForDeal: async (...args: Parameters<typeof db.listForDeal>) => widenList(await db.listForDeal(...args)),
    getDraft: async (...args: Parameters<typeof db.getDraft>) => {
      const found = await db.getDraft(...args);
      return found && widen(found);
    },
  };
});

let dbName = '';
let counter = 0;
beforeEach(async () => {
  await closeBatonDb(dbName);
  dbName = `baton-wire-${++counter}`;
});

const NOW = new Date('2027-01-11T12:00:00.000Z');
const deal: DealRef = { crm: 'salesforce', instance: 'acme', recordId: '006Hs00001abcDEIAY' };
const fromExtension: SenderContext = { senderKind: 'extension-page', url: 'chrome-extension://id/sidepanel.html' };

function setup() {
  const db = () => openBatonDb(dbName);
  const backend = { createActivity: async () => '00T000000000001AAA' } as unknown as DealBackend;
  const handlers = createBackgroundHandlers({
    backend: () => backend,
    db,
    settings: async () => defaultSettings(),
    connectHubSpot: async () => {
      throw new Error('not in these tests');
    },
    hubspotConnectionChanged: () => {},
    kickOutbox: async () => {},
    version: '0.1.0',
    now: () => NOW,
  });
  return { handlers, db };
}

/** Every object in the answer, however deep: none may carry the storage-only field. */
function leaks(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(leaks);
  if (typeof value !== 'object' || value === null) return [];
  return [...Object.keys(value).filter((k) => k in STORAGE_ONLY), ...Object.values(value).flatMap(leaks)];
}

describe('stored records reach messages only as the message declares them', () => {
  it('the cached deal and the recent deals', async () => {
    const { handlers, db } = setup();
    await putSnapshot(await db(), { deal, name: 'Acme', stage: 'Negotiation', amount: 1, closeDate: null, owner: null, account: null, artifact: emptyArtifact(), url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view' }, NOW);
    const cached = await handlers['deal/cached']({ deal }, fromExtension);
    expect(cached.snapshot).toMatchObject({ header: { name: 'Acme' }, dealKey: 'salesforce:acme:006Hs00001abcDEIAY' });
    expect(leaks(cached)).toEqual([]);
    const recent = await handlers['deals/recent']({ limit: 5 }, fromExtension);
    expect(recent.deals).toHaveLength(1);
    expect(leaks(recent)).toEqual([]);
  });

  it('a saved review and the list of reviews', async () => {
    const { handlers } = setup();
    const saved = await handlers['deal/review']({ deal, rubric: { useCase: 4, successMetric: 4, riskFlags: 4, promises: 4 }, verdict: 'pass', comment: 'ok', sample: null }, fromExtension);
    expect(saved).toMatchObject({ recorded: 'crm', review: { verdict: 'pass', syncedToCrm: true } });
    expect(leaks(saved)).toEqual([]);
    const listed = await handlers['reviews/list']({}, fromExtension);
    expect(listed.reviews).toHaveLength(1);
    expect(leaks(listed)).toEqual([]);
  });

  it('the outbox and the draft', async () => {
    const { handlers, db } = setup();
    await enqueue(await db(), { deal, kind: 'create-override-record', payload: { subject: 'Baton: x', body: 'y' } }, NOW);
    await saveDraft(await db(), { deal, fields: { useCase: 'typed' } }, NOW);
    const outbox = await handlers['outbox/status']({ deal }, fromExtension);
    expect(outbox.items).toMatchObject([{ kind: 'create-override-record', status: 'pending' }]);
    expect(leaks(outbox)).toEqual([]);
    const draft = await handlers['draft/get']({ deal }, fromExtension);
    expect(draft.fields).toEqual({ useCase: 'typed' });
    expect(leaks(draft)).toEqual([]);
  });
});
