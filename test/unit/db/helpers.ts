import { afterEach, beforeEach } from 'vitest';
import { openDB, type IDBPDatabase } from 'idb';
import type { DealRef } from '@/lib/domain/deal';
import { emptyArtifact, type RawArtifact } from '@/lib/domain/elements';
import { closeBatonDb, openBatonDb, type BatonDatabase } from '@/lib/db';

export const ACME: DealRef = { crm: 'salesforce', instance: 'acme--uat', recordId: '006A000001abcDE' };
export const ACME_KEY = 'salesforce:acme--uat:006A000001abcDE';
export const GLOBEX: DealRef = { crm: 'hubspot', instance: '4471123', recordId: '9001' };
export const GLOBEX_KEY = 'hubspot:4471123:9001';

export const T0 = new Date('2025-03-01T09:00:00.000Z');
export function minutesAfter(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * 60_000);
}

export function artifact(overrides: Partial<RawArtifact> = {}): RawArtifact {
  return { ...emptyArtifact(), ...overrides };
}

/** A database name no other test uses, so tests never see each other's data. */
export function freshDbName(): string {
  return `baton-test-${crypto.randomUUID()}`;
}

/** Opens a fresh current-version database before each test and closes it after. */
export function useFreshDb(): { readonly db: BatonDatabase; readonly name: string } {
  const state: { db?: BatonDatabase; name?: string } = {};
  beforeEach(async () => {
    state.name = freshDbName();
    state.db = await openBatonDb(state.name);
  });
  afterEach(async () => {
    if (state.name) await closeBatonDb(state.name);
  });
  return {
    get db() {
      if (!state.db) throw new Error('no database: useFreshDb() must be called at describe level');
      return state.db;
    },
    get name() {
      if (!state.name) throw new Error('no database name');
      return state.name;
    },
  };
}

/**
 * Writes a record straight into a store, bypassing validation: how damaged or old data gets in.
 * Returns the key it was stored under.
 */
export async function putRaw(db: BatonDatabase, store: string, value: unknown): Promise<IDBValidKey> {
  const raw = db as unknown as IDBPDatabase;
  return raw.put(store, value);
}

/**
 * The version 1 layout, written independently of lib/db/migrations.ts on purpose: if someone
 * edits the shipped v1 step, these tests still model the databases that exist in the wild.
 */
export async function createV1Db(
  name: string,
  data: { drafts?: unknown[]; outbox?: unknown[] },
): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(v1) {
      v1.createObjectStore('drafts', { keyPath: 'dealKey' });
      const outbox = v1.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
      outbox.createIndex('by-dealKey', 'dealKey');
    },
  });
  for (const draft of data.drafts ?? []) await db.put('drafts', draft);
  for (const item of data.outbox ?? []) await db.put('outbox', item);
  db.close();
}

/** Reads every raw record of a store with a fresh connection of whatever version is on disk. */
export async function rawAll(name: string, store: string): Promise<unknown[]> {
  const db = await openDB(name);
  try {
    return await db.getAll(store);
  } finally {
    db.close();
  }
}
