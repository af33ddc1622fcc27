import { z } from '@/lib/zod';
import { DealKey, DealRef, dealKey } from '@/lib/domain/deal';
import { ArtifactFields } from '@/lib/domain/elements';

/** The object stores of the current schema (see schema.ts). */
export type StoreName = 'drafts' | 'outbox' | 'audit' | 'reviews' | 'snapshots' | 'secrets';

/**
 * Exactly what Date#toISOString() writes (UTC, milliseconds). One fixed format makes string order
 * equal time order, which the `at` / `fetchedAt` / `nextAttemptAt` indexes rely on.
 */
export const IsoTimestamp = z.iso.datetime({ precision: 3 });

/** Drafts and queued writes keep the fields a user typed as the domain defines them. */
export { ArtifactFields };

/** Every record names its deal twice: the key (indexed) and the ref (usable). They must agree. */
export const dealFields = { dealKey: DealKey, deal: DealRef };

export function keyMatchesDeal(record: { dealKey: string; deal: DealRef }): boolean {
  return record.dealKey === dealKey(record.deal);
}
export const KEY_MISMATCH = { message: 'dealKey does not match deal', path: ['dealKey'] };

/** The inverse of dealKey(); null when the string is not a key Baton could have written. */
export function parseDealKey(key: unknown): DealRef | null {
  if (typeof key !== 'string' || !DealKey.safeParse(key).success) return null;
  // crm and recordId cannot contain ':', so the first and last ':' delimit the instance.
  const first = key.indexOf(':');
  const last = key.lastIndexOf(':');
  const ref = DealRef.safeParse({
    crm: key.slice(0, first),
    instance: key.slice(first + 1, last),
    recordId: key.slice(last + 1),
  });
  return ref.success ? ref.data : null;
}

/** A stored record that failed validation. It stays in its store; this is the report of it. */
export interface InvalidRecord {
  store: StoreName;
  key: IDBValidKey;
  /** Readable list of what is wrong, from zod (plus any note a migration left on the record). */
  error: string;
  /** The raw stored value, so a UI can still show or export what the user typed. */
  value: unknown;
}

export interface ListResult<T> {
  items: T[];
  invalid: InvalidRecord[];
}

/** Thrown for a write that fails validation (nothing is written) or a read of an invalid record. */
export class InvalidRecordError extends Error {
  override readonly name = 'InvalidRecordError';
  constructor(
    readonly store: StoreName,
    readonly op: 'write' | 'read',
    readonly key: IDBValidKey | undefined,
    readonly value: unknown,
    readonly zodError: z.ZodError,
  ) {
    const what =
      op === 'write'
        ? `Baton refused to write an invalid record to "${store}" (nothing was written)`
        : `Baton could not read the "${store}" record ${JSON.stringify(key)} (it is kept in the database)`;
    super(`${what}:\n${describe(zodError, value)}`, { cause: zodError });
  }
}

/** Thrown when an update names a record that does not exist. */
export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';
  constructor(
    readonly store: StoreName,
    readonly key: IDBValidKey,
  ) {
    super(`Baton has no ${store} record ${JSON.stringify(key)}.`);
  }
}

function describe(error: z.ZodError, value: unknown): string {
  const text = z.prettifyError(error);
  const note = migrationIssueOf(value);
  return note ? `${text}\nnote from the database upgrade: ${note}` : text;
}

/** Migrations leave `migrationIssue` on records they could not convert (see migrations.ts). */
function migrationIssueOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('migrationIssue' in value)) return undefined;
  return typeof value.migrationIssue === 'string' ? value.migrationIssue : undefined;
}

/** Validates a record before it is written; throws InvalidRecordError so nothing is written. */
export function forWrite<S extends z.ZodType>(schema: S, store: StoreName, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidRecordError(store, 'write', undefined, value, result.error);
  return result.data;
}

/** Validates one record read by key: undefined when absent, throws when present but invalid. */
export function readOne<S extends z.ZodType>(
  schema: S,
  store: StoreName,
  key: IDBValidKey,
  value: unknown,
): z.output<S> | undefined {
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidRecordError(store, 'read', key, value, result.error);
  return result.data;
}

/** The part of an idb cursor that collect() needs, so it works for stores and indexes alike. */
export interface ValueCursor {
  readonly primaryKey: IDBValidKey;
  readonly value: unknown;
  continue(): Promise<ValueCursor | null>;
}

/**
 * Walks a cursor, sorting records into valid items and invalid reports. Invalid records do not
 * count towards `limit`: a broken record must not hide a valid one.
 */
export async function collect<S extends z.ZodType>(
  start: Promise<ValueCursor | null>,
  schema: S,
  store: StoreName,
  limit = Number.POSITIVE_INFINITY,
): Promise<ListResult<z.output<S>>> {
  const out: ListResult<z.output<S>> = { items: [], invalid: [] };
  let cursor = await start;
  while (cursor && out.items.length < limit) {
    const result = schema.safeParse(cursor.value);
    if (result.success) out.items.push(result.data);
    else out.invalid.push(invalidRecord(store, cursor.primaryKey, cursor.value, result.error));
    cursor = await cursor.continue();
  }
  return out;
}

export function invalidRecord(
  store: StoreName,
  key: IDBValidKey,
  value: unknown,
  error: z.ZodError,
): InvalidRecord {
  return { store, key, value, error: describe(error, value) };
}

/** Code-unit order, which for ISO timestamps is time order (localeCompare is not guaranteed to be). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A positive integer limit, checked early so a typo does not turn into "return everything". */
export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  return limit;
}
