import type { IDBPDatabase, IDBPObjectStore, IDBPTransaction } from 'idb';
import { parseDealKey } from './common';

/**
 * Schema history. Rules every step follows:
 * - it runs inside the upgrade (versionchange) transaction, so it applies entirely or not at all;
 * - it transforms records in place and never deletes one: a record it cannot convert is left
 *   with a `migrationIssue` note, and is then reported as invalid on read (kept, not lost);
 * - it only awaits requests of `tx` (any other await would let the transaction commit early).
 * Steps are typed loosely on purpose: they see the layout of *their* version, not BatonDb.
 */
export interface MigrationStep {
  version: number;
  migrate(db: IDBPDatabase, tx: UpgradeTx): void | Promise<void>;
}

export type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

type Rec = Record<string, unknown>;

function isRec(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rewrites each record for which `change` returns a new object; returns how many changed. */
async function transformAll<Name extends string>(
  store: IDBPObjectStore<unknown, string[], Name, 'versionchange'>,
  change: (value: unknown) => unknown,
): Promise<number> {
  let changed = 0;
  let cursor = await store.openCursor();
  while (cursor) {
    const next = change(cursor.value);
    if (next !== cursor.value) {
      await cursor.update(next);
      changed++;
    }
    cursor = await cursor.continue();
  }
  return changed;
}

/**
 * v1 records carried only `dealKey`; v2 wants the DealRef beside it. A key that does not parse
 * (hand-edited, or from a pre-release build) is not guessed at: the record keeps its key and its
 * text and gets a note. We do not invent a `deal: null` shape for it, because every reader would
 * then have to handle a deal-less draft for a case only old data can produce.
 */
function addDeal(record: Rec): Rec {
  if ('deal' in record) return record;
  const deal = parseDealKey(record.dealKey);
  if (deal) return { ...record, deal };
  return {
    ...record,
    migrationIssue:
      `v1 → v2: the key ${JSON.stringify(record.dealKey)} is not a deal key, so the deal is unknown; ` +
      'the record was kept as it was.',
  };
}

const v1: MigrationStep = {
  version: 1,
  migrate(db) {
    db.createObjectStore('drafts', { keyPath: 'dealKey' });
    const outbox = db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
    outbox.createIndex('by-dealKey', 'dealKey');
  },
};

const v2: MigrationStep = {
  version: 2,
  async migrate(db, tx) {
    // Schema first, while nothing has been awaited yet.
    const outbox = tx.objectStore('outbox');
    outbox.createIndex('by-status-due', ['status', 'nextAttemptAt']);
    const audit = db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true });
    audit.createIndex('by-deal-at', ['dealKey', 'at']);
    audit.createIndex('by-at', 'at');
    const reviews = db.createObjectStore('reviews', { keyPath: 'id' });
    reviews.createIndex('by-dealKey', 'dealKey');
    const snapshots = db.createObjectStore('snapshots', { keyPath: 'dealKey' });
    snapshots.createIndex('by-fetchedAt', 'fetchedAt');

    await transformAll(tx.objectStore('drafts'), (value) => (isRec(value) ? addDeal(value) : value));
    const now = new Date().toISOString();
    await transformAll(outbox, (value) => (isRec(value) ? upgradeOutboxItem(value, now) : value));
  },
};

/**
 * v1 outbox items had no `status` (everything in the store was waiting) and used a null
 * nextAttemptAt for "as soon as possible". v2 indexes [status, nextAttemptAt] and a record with a
 * null in an indexed key is left out of the index, so "as soon as possible" becomes createdAt
 * (keeping the queue order), or the upgrade time if createdAt is unusable.
 */
function upgradeOutboxItem(value: Rec, now: string): Rec {
  let item = addDeal(value);
  if (!('status' in item)) item = { ...item, status: 'pending' };
  if (item.status === 'pending' && (item.nextAttemptAt === null || item.nextAttemptAt === undefined)) {
    item = { ...item, nextAttemptAt: typeof item.createdAt === 'string' ? item.createdAt : now };
  }
  return item;
}

const v3: MigrationStep = {
  version: 3,
  migrate(db) {
    // The HubSpot connection's credentials (lib/db/secrets.ts). A new store: nothing to convert.
    db.createObjectStore('secrets', { keyPath: 'name' });
  },
};

/** In order; step N runs when the database is older than N. */
export const MIGRATIONS: readonly MigrationStep[] = [v1, v2, v3];

/**
 * Runs the steps for (oldVersion, newVersion] inside the upgrade transaction. If a step throws,
 * the transaction is aborted, so the database stays at oldVersion with its data untouched, and
 * the returned promise rejects with the step's error (opening the database fails too).
 */
export async function migrate(
  db: IDBPDatabase,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTx,
  steps: readonly MigrationStep[] = MIGRATIONS,
): Promise<void> {
  try {
    for (const step of steps) {
      if (step.version <= oldVersion || step.version > newVersion) continue;
      // Only await steps that return a promise: schema-only steps then stay synchronous.
      const pending = step.migrate(db, tx);
      if (pending) await pending;
    }
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: nothing more to undo.
    }
    throw error;
  }
}
