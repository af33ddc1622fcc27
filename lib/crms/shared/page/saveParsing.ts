/**
 * Small helpers both CRMs' save recognisers (lib/crms/<crm>/page/saves.ts) read request bodies
 * with. Pure, and no zod: they run in the page-world script (saveHold.ts), which is kept tiny.
 */
import type { SaveReading, SaveRewrite } from './saveWire';

/** A request as the page sends it; `body` undefined when Baton cannot read it (a stream). */
export interface PageRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  body: string | undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed JSON, or undefined when the text is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The URL's path, or '' when it is not a URL. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

export function isWrite(method: string): boolean {
  const m = method.toUpperCase();
  return m === 'POST' || m === 'PUT' || m === 'PATCH';
}

/** A field's value as text: strings as they are, numbers and booleans written out, null as null; undefined for anything else. */
export function textOf(value: unknown): string | null | undefined {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The fields with a text value (or null), by name; other values (objects, lists) are left out. */
export function textFields(fields: Record<string, unknown>, unwrap: (value: unknown) => unknown = (v) => v): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [name, raw] of Object.entries(fields)) {
    const text = textOf(unwrap(raw));
    if (text !== undefined) out[name] = text;
  }
  return out;
}

/** An id as text (HubSpot sends numbers or strings), or null. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

/** A CRM's recogniser of its page's saves: what the page-world script asks about every request. */
export interface SaveRecogniser {
  /**
   * From the method and URL alone, synchronously: could this request save a deal? False means it
   * goes at once, body unread (reads, and every request to anything but the CRM's record writes).
   */
  mightSave(method: string, url: string): boolean;
  /** What the request does to a stage. Pure; never throws. */
  read(request: PageRequest): SaveReading;
  /**
   * The request's body with these records' fields set to the given values (only fields the save
   * writes), or null when Baton cannot write it so. Pure; never throws.
   */
  rewrite(request: PageRequest & { body: string }, rewrites: readonly SaveRewrite[]): string | null;
}

/**
 * A recogniser from a CRM's pure parts: only writes (POST, PUT, PATCH) to `writesTo` paths might
 * save, and a read or rewrite that throws on a body of an unexpected shape is said, never thrown
 * (a save Baton failed reading is held as unreadable; a rewrite it cannot do is none).
 */
export function saveRecogniser(parts: {
  writesTo(path: string): boolean;
  read(request: PageRequest): SaveReading;
  rewrite(request: PageRequest & { body: string }, rewrites: readonly SaveRewrite[]): string | null;
}): SaveRecogniser {
  return {
    mightSave: (method, url) => isWrite(method) && parts.writesTo(pathOf(url)),
    read(request) {
      try {
        return parts.read(request);
      } catch {
        return { kind: 'unreadable', why: 'Baton failed reading it.', recordId: null };
      }
    },
    rewrite(request, rewrites) {
      try {
        return parts.rewrite(request, rewrites);
      } catch {
        return null;
      }
    },
  };
}

/**
 * Sets, in a record's fields, each field the record already has to the rewrite's value (names
 * compared without case). `wrap`: the fields hold {value, displayValue} objects.
 */
export function setFields(fields: Record<string, unknown>, values: Record<string, string>, wrap = false): void {
  for (const [name, value] of Object.entries(values)) {
    const key = Object.keys(fields).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) continue;
    const current = fields[key];
    fields[key] = wrap && isObject(current) ? { ...current, value, displayValue: value } : value;
  }
}

/** The API names of the fields the gate reads off a save, besides the mapped handoff fields. */
export interface SaveFieldNames {
  stage: string;
  amount: string;
  closeDate: string;
  /** The HubSpot pipeline or Salesforce record type. */
  pipeline: string;
}
