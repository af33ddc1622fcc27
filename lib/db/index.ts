import { openDB, type IDBPDatabase } from 'idb';
import type { z } from '@/lib/zod';
import { AuditEntry } from './audit';
import { collect, type InvalidRecord, type StoreName } from './common';
import { Draft } from './drafts';
import { migrate, type UpgradeTx } from './migrations';
import { OutboxItem } from './outbox';
import { Review } from './reviews';
import { DB_NAME, DB_VERSION, type BatonDatabase, type BatonDb } from './schema';
import { Snapshot } from './snapshots';
import { Secret } from './secrets';

export * from './audit';
export * from './backoff';
export { InvalidRecordError, RecordNotFoundError, parseDealKey, type InvalidRecord, type ListResult } from './common';
export * from './drafts';
export * from './outbox';
export * from './prune';
export * from './reviews';
export { DB_NAME, DB_VERSION, type BatonDatabase, type BatonDb } from './schema';
export * from './snapshots';
export * from './secrets';

/** Thrown when opening needed an upgrade and a migration step failed (the old data is intact). */
export class DbUpgradeError extends Error {
  override readonly name = 'DbUpgradeError';
}

// One connection per database name and context; concurrent callers share the same promise.
const connections = new Map<string, Promise<BatonDatabase>>();

/** The Baton database, upgraded to DB_VERSION. Cached: call it wherever a connection is needed. */
export function openBatonDb(name = DB_NAME): Promise<BatonDatabase> {
  const cached = connections.get(name);
  if (cached) return cached;
  const opening = connect(name);
  connections.set(name, opening);
  // A failed open is not cached, so the next call tries again.
  opening.catch(() => forget(name, opening));
  return opening;
}

/** Closes the cached connection (tests, or before deleting the database). */
export async function closeBatonDb(name = DB_NAME): Promise<void> {
  const cached = connections.get(name);
  if (!cached) return;
  connections.delete(name);
  (await cached.catch(() => undefined))?.close();
}

function forget(name: string, connection: Promise<BatonDatabase>): void {
  if (connections.get(name) === connection) connections.delete(name);
}

async function connect(name: string): Promise<BatonDatabase> {
  let migration: Promise<void> | undefined;
  let db: BatonDatabase | undefined;
  try {
    db = await openDB<BatonDb>(name, DB_VERSION, {
      upgrade(database, oldVersion, newVersion, tx) {
        // Migration steps see older layouts, so they work on the untyped database.
        const raw = database as unknown as IDBPDatabase;
        migration = migrate(raw, oldVersion, newVersion ?? DB_VERSION, tx as unknown as UpgradeTx);
        // Both settle as rejected when a step fails; that is reported below, through the failed open.
        migration.catch(() => undefined);
        tx.done.catch(() => undefined);
      },
      blocked() {
        // Another context (an old tab, a page of the previous version) still holds the database.
        // It gets 'versionchange' and closes (see blocking), after which this open continues.
      },
      blocking() {
        // A newer Baton (after an update) wants to upgrade: let it, instead of stalling it.
        // Our next openBatonDb() reconnects, or fails with a VersionError if this code is stale.
        const own = connections.get(name);
        if (own) forget(name, own);
        db?.close();
      },
      terminated() {
        // The browser closed the connection (storage cleared, disk error): reconnect next time.
        const own = connections.get(name);
        if (own) forget(name, own);
      },
    });
    return db;
  } catch (error) {
    const cause = migration ? await migration.then(() => undefined, (e: unknown) => e) : undefined;
    if (cause === undefined) throw error;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new DbUpgradeError(`Baton could not upgrade its database "${name}"; the old data is untouched. ${detail}`, {
      cause,
    });
  }
}

const SCHEMAS: Record<StoreName, z.ZodType> = {
  drafts: Draft,
  outbox: OutboxItem,
  audit: AuditEntry,
  reviews: Review,
  snapshots: Snapshot,
  secrets: Secret,
};

/**
 * Every record, in every store, that fails validation, e.g. one a migration could not convert.
 * A full scan on purpose: a record lacking an indexed field is invisible to index queries, and
 * this is the one place that still finds it (for a "repair" or "export" screen).
 */
export async function findInvalidRecords(db: BatonDatabase): Promise<InvalidRecord[]> {
  const stores = Object.keys(SCHEMAS) as StoreName[];
  const tx = db.transaction(stores);
  const found: InvalidRecord[] = [];
  for (const store of stores) {
    const { invalid } = await collect(tx.objectStore(store).openCursor(), SCHEMAS[store], store);
    // A damaged credential is reported, never shown: its value may still hold a token.
    found.push(...(store === 'secrets' ? invalid.map((i) => ({ ...i, value: '(credential hidden)', error: 'unreadable credential' })) : invalid));
  }
  return found;
}
