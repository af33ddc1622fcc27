import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import {
  DB_VERSION,
  DbUpgradeError,
  InvalidRecordError,
  appendAudit,
  closeBatonDb,
  findInvalidRecords,
  getDraft,
  listDrafts,
  listForDeal,
  listPending,
  openBatonDb,
} from '@/lib/db';
import { MIGRATIONS, migrate, type MigrationStep, type UpgradeTx } from '@/lib/db/migrations';
import { ACME, ACME_KEY, GLOBEX, GLOBEX_KEY, T0, createV1Db, freshDbName, minutesAfter, rawAll } from './helpers';

const names: string[] = [];
function newName(): string {
  const name = freshDbName();
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) await closeBatonDb(name);
});

const V1_DRAFTS = [
  { dealKey: ACME_KEY, fields: { useCase: 'Replace the manual QBR deck', riskFlags: 'none' }, updatedAt: '2025-02-01T10:00:00.000Z' },
  { dealKey: GLOBEX_KEY, fields: { successMetric: 'Cut onboarding from 30 to 10 days by Q3' }, updatedAt: '2025-02-02T10:00:00.000Z' },
];

const V1_UPDATE = {
  dealKey: ACME_KEY,
  kind: 'update-fields',
  payload: { fields: { useCase: 'Replace the manual QBR deck' }, expected: { useCase: '' } },
  createdAt: '2025-02-01T10:05:00.000Z',
  attempts: 0,
  lastError: null,
  nextAttemptAt: null, // v1's "as soon as possible"
};
const V1_NOTE = {
  dealKey: GLOBEX_KEY,
  kind: 'create-override-record',
  payload: { subject: 'Baton override', body: 'Closed without a risk review: customer deadline.' },
  createdAt: '2025-02-02T11:00:00.000Z',
  attempts: 2,
  lastError: 'HTTP 503',
  nextAttemptAt: '2025-02-02T11:10:00.000Z',
};
const V1_OUTBOX = [V1_UPDATE, V1_NOTE];

describe('upgrading a version 1 database', () => {
  it('keeps every draft and adds the deal derived from its key', async () => {
    const name = newName();
    await createV1Db(name, { drafts: V1_DRAFTS });
    const db = await openBatonDb(name);

    expect(db.version).toBe(DB_VERSION);
    const acme = await getDraft(db, ACME_KEY);
    expect(acme).toEqual({ ...V1_DRAFTS[0], deal: ACME });
    expect(acme?.baseValues).toBeUndefined();
    const globex = await getDraft(db, GLOBEX_KEY);
    expect(globex?.deal).toEqual(GLOBEX);
    expect(globex?.fields).toEqual(V1_DRAFTS[1]?.fields);
    const all = await listDrafts(db);
    expect(all.items).toHaveLength(2);
    expect(all.invalid).toEqual([]);
  });

  it('keeps every outbox item, marks it pending and makes it visible to the due index', async () => {
    const name = newName();
    await createV1Db(name, { outbox: V1_OUTBOX });
    const db = await openBatonDb(name);

    const acme = await listForDeal(db, ACME_KEY);
    expect(acme.invalid).toEqual([]);
    expect(acme.items).toEqual([
      // The null "as soon as possible" becomes createdAt, so the item is in the index.
      { ...V1_UPDATE, id: 1, deal: ACME, status: 'pending', nextAttemptAt: '2025-02-01T10:05:00.000Z' },
    ]);
    const globex = await listForDeal(db, GLOBEX_KEY);
    expect(globex.items).toEqual([{ ...V1_NOTE, id: 2, deal: GLOBEX, status: 'pending' }]);

    const due = await listPending(db, new Date('2025-02-02T11:10:00.000Z'));
    expect(due.items.map((i) => i.id)).toEqual([1, 2]);
    const early = await listPending(db, new Date('2025-02-02T11:09:59.999Z'));
    expect(early.items.map((i) => i.id)).toEqual([1]);
  });

  it('creates the stores and indexes version 1 did not have', async () => {
    const name = newName();
    await createV1Db(name, {});
    const db = await openBatonDb(name);

    expect([...db.objectStoreNames].sort()).toEqual(['audit', 'drafts', 'outbox', 'reviews', 'secrets', 'snapshots']);
    const tx = db.transaction(['outbox', 'audit', 'reviews', 'snapshots']);
    expect([...tx.objectStore('outbox').indexNames].sort()).toEqual(['by-dealKey', 'by-status-due']);
    expect([...tx.objectStore('audit').indexNames].sort()).toEqual(['by-at', 'by-deal-at']);
    expect([...tx.objectStore('reviews').indexNames]).toEqual(['by-dealKey']);
    expect([...tx.objectStore('snapshots').indexNames]).toEqual(['by-fetchedAt']);
    await tx.done;
    await expect(appendAudit(db, { deal: ACME, event: 'gate-passed', findings: [] }, T0)).resolves.toBe(1);
  });

  it('keeps a draft whose key is not a deal key, flags it and reports it instead of dropping it', async () => {
    const name = newName();
    const orphan = { dealKey: 'salesforce:acme', fields: { useCase: 'Typed before a bug in 0.0.3' }, updatedAt: '2025-01-05T08:00:00.000Z' };
    await createV1Db(name, { drafts: [...V1_DRAFTS, orphan] });
    const db = await openBatonDb(name);

    const stored = await rawAll(name, 'drafts');
    expect(stored).toHaveLength(3);
    expect(stored).toContainEqual({ ...orphan, migrationIssue: expect.stringContaining('not a deal key') });

    const list = await listDrafts(db);
    expect(list.items.map((d) => d.dealKey).sort()).toEqual([GLOBEX_KEY, ACME_KEY].sort());
    expect(list.invalid).toHaveLength(1);
    expect(list.invalid[0]).toMatchObject({ store: 'drafts', key: 'salesforce:acme', value: { fields: orphan.fields } });
    expect(list.invalid[0]?.error).toMatch(/deal/);
    expect(list.invalid[0]?.error).toMatch(/note from the database upgrade: .*not a deal key/);

    await expect(getDraft(db, 'salesforce:acme')).rejects.toBeInstanceOf(InvalidRecordError);
    expect((await findInvalidRecords(db)).map((r) => r.key)).toEqual(['salesforce:acme']);
    expect(await rawAll(name, 'drafts')).toHaveLength(3); // reading did not remove it either
  });

  it('keeps an outbox item whose key is not a deal key, flagged', async () => {
    const name = newName();
    const bad = { ...V1_UPDATE, dealKey: 'pipedrive:x:1' };
    await createV1Db(name, { outbox: [bad] });
    const db = await openBatonDb(name);

    expect(await rawAll(name, 'outbox')).toEqual([
      { ...bad, id: 1, status: 'pending', nextAttemptAt: bad.createdAt, migrationIssue: expect.stringContaining('pipedrive:x:1') },
    ]);
    const pending = await listPending(db, minutesAfter(T0, 0));
    expect(pending.items).toEqual([]);
    expect(pending.invalid.map((r) => r.key)).toEqual([1]);
  });

  it('does nothing more when the upgraded database is opened again', async () => {
    const name = newName();
    await createV1Db(name, { drafts: V1_DRAFTS, outbox: V1_OUTBOX });
    await openBatonDb(name);
    const draftsAfterFirst = await rawAll(name, 'drafts');
    const outboxAfterFirst = await rawAll(name, 'outbox');
    await closeBatonDb(name);

    const again = await openBatonDb(name);
    expect(again.version).toBe(DB_VERSION);
    expect(await rawAll(name, 'drafts')).toEqual(draftsAfterFirst);
    expect(await rawAll(name, 'outbox')).toEqual(outboxAfterFirst);
    expect(await findInvalidRecords(again)).toEqual([]);
  });
});

describe('a migration that fails', () => {
  it('aborts the whole upgrade: the database stays at its old version with its old data', async () => {
    const name = newName();
    await createV1Db(name, { drafts: V1_DRAFTS, outbox: V1_OUTBOX });
    const boom: MigrationStep = {
      version: 3,
      async migrate(_db, tx) {
        await tx.objectStore('drafts').count(); // fail after some async work, not before
        throw new Error('step 3 exploded');
      },
    };
    let migration: Promise<void> | undefined;
    const opening = openDB(name, 3, {
      upgrade(db, oldVersion, newVersion, tx) {
        migration = migrate(db, oldVersion, newVersion ?? 3, tx as unknown as UpgradeTx, [...MIGRATIONS, boom]);
        migration.catch(() => undefined);
        tx.done.catch(() => undefined);
      },
    });
    await expect(opening).rejects.toThrow();
    await expect(migration).rejects.toThrow('step 3 exploded');

    const db = await openDB(name);
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames].sort()).toEqual(['drafts', 'outbox']);
    // The v2 step ran inside the same transaction, so its rewrite is rolled back too.
    expect(await db.getAll('drafts')).toEqual([V1_DRAFTS[1], V1_DRAFTS[0]]); // in key order
    expect(await db.getAll('outbox')).toEqual(V1_OUTBOX.map((item, i) => ({ ...item, id: i + 1 })));
    db.close();
  });

  it('makes openBatonDb fail with a DbUpgradeError, and keeps the data', async () => {
    const name = newName();
    // A pre-release build that already had an `audit` store at version 1: the v2 step cannot create it.
    const pre = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('drafts', { keyPath: 'dealKey' });
        db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
        db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true });
      },
    });
    await pre.put('drafts', V1_DRAFTS[0]);
    pre.close();

    const failure = await openBatonDb(name).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DbUpgradeError);
    expect(String((failure as Error).message)).toMatch(/old data is untouched/);
    expect(await rawAll(name, 'drafts')).toEqual([V1_DRAFTS[0]]);
    // The failure is not cached: a later call tries again (and fails the same way here).
    await expect(openBatonDb(name)).rejects.toBeInstanceOf(DbUpgradeError);
  });
});

describe('the migration list', () => {
  it('is ordered, without gaps, and ends at DB_VERSION', () => {
    expect(MIGRATIONS.map((s) => s.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it('builds the same layout for a fresh install as for an upgraded v1 database', async () => {
    const fresh = await openBatonDb(newName());
    const upgradedName = newName();
    await createV1Db(upgradedName, {});
    const upgraded = await openBatonDb(upgradedName);
    const layout = async (db: typeof fresh) => {
      const stores = [...db.objectStoreNames];
      const tx = db.transaction(stores);
      return stores.map((s) => {
        const store = tx.objectStore(s);
        const indexes = [...store.indexNames].map((i) => [i, store.index(i).keyPath, store.index(i).unique]);
        return [s, store.keyPath, store.autoIncrement, indexes];
      });
    };
    expect(await layout(upgraded)).toEqual(await layout(fresh));
  });
});

describe('upgrading a version 2 database to version 3', () => {
  it('adds the secrets store and keeps every record of every other store', async () => {
    const name = newName();
    // A v2 database as the previous release left it, written with the shipped steps up to 2.
    const v2 = await openDB(name, 2, {
      upgrade(db, oldVersion, _newVersion, tx) {
        void migrate(db as never, oldVersion, 2, tx as unknown as UpgradeTx);
      },
    });
    const draft = { dealKey: ACME_KEY, deal: ACME, fields: { useCase: 'typed in v2' }, updatedAt: '2026-11-30T10:00:00.000Z' };
    await v2.put('drafts', draft);
    await v2.add('audit', { dealKey: ACME_KEY, deal: ACME, at: '2026-11-30T10:01:00.000Z', event: 'override', findings: [], reason: 'v2 override' });
    v2.close();

    const db = await openBatonDb(name);
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames]).toContain('secrets');
    expect(await getDraft(db, ACME_KEY)).toEqual(draft);
    expect((await rawAll(name, 'audit')).map((r) => (r as { reason?: string }).reason)).toEqual(['v2 override']);
    expect(await findInvalidRecords(db)).toEqual([]);
  });
});
