import type { DBSchema, IDBPDatabase } from 'idb';
import type { AuditEntry } from './audit';
import type { Draft } from './drafts';
import type { OutboxItem, OutboxStatus } from './outbox';
import type { Review } from './reviews';
import type { Secret } from './secrets';
import type { Snapshot } from './snapshots';

export const DB_NAME = 'baton';

/**
 * The schema version. Bump it only together with a new step in migrations.ts (and its test);
 * the step for version N runs when a database older than N is opened.
 */
export const DB_VERSION = 3;

/**
 * The current (version 3) layout. Values are what Baton writes; what is read back is validated
 * anyway (see common.ts), because a store can hold records of older versions or damaged ones.
 */
export interface BatonDb extends DBSchema {
  /** One unsaved edit per deal, keyed by dealKey. */
  drafts: { key: string; value: Draft };
  /** Pending CRM writes. 'by-status-due' is [status, nextAttemptAt]. */
  outbox: {
    key: number;
    value: OutboxItem;
    indexes: { 'by-dealKey': string; 'by-status-due': [OutboxStatus, string] };
  };
  /** Append-only. 'by-deal-at' is [dealKey, at]: one index serves "this deal" and "since". */
  audit: {
    key: number;
    value: AuditEntry;
    indexes: { 'by-deal-at': [string, string]; 'by-at': string };
  };
  reviews: { key: string; value: Review; indexes: { 'by-dealKey': string } };
  /** Cached CRM reads, keyed by dealKey. */
  snapshots: { key: string; value: Snapshot; indexes: { 'by-fetchedAt': string } };
  /** CRM credentials, keyed by name ("hubspot"); read by the background only. */
  secrets: { key: string; value: Secret };
}

export type BatonDatabase = IDBPDatabase<BatonDb>;

/** Sorts after every ISO timestamp: the open upper end of a time range in an index. */
export const HIGHEST_STRING = '\uffff';
