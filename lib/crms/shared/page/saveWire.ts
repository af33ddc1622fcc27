/**
 * What Baton's two scripts in a CRM page say to each other about the page's own saves: the small
 * script in the page's world (saveHold.ts, which sees the page's fetch and XMLHttpRequest) and the
 * gate in the content script's isolated world (backstop.ts). They share the DOM only, so they talk
 * in DOM events on `window` whose detail is a JSON string (a string crosses worlds in Chrome and
 * Firefox alike; an object does not).
 *
 *   page world                                 isolated world (the gate)
 *   'baton:saves-ready'  ─────────────────►    (connects again)
 *                        ◄─────────────────    'baton:saves-connect', detail: a random channel name
 *   '<channel>:ask'      ─────────────────►    a held save: may it go?
 *                        ◄─────────────────    '<channel>:answer' {id, go}
 *                        ◄─────────────────    '<channel>:bye' (the gate is going away)
 *
 * The channel name is made per gate from crypto.randomUUID, and the page-world script, which is in
 * the page before the page's own scripts, takes the connect event first and stops it there, so the
 * page does not learn the name. That keeps the page's own code from answering by accident; it is no
 * defence against a page that means to get past Baton (it can keep its own copy of fetch), which is
 * what the CRM's server-side rules are for (README, "Server-side enforcement").
 *
 * Plain TypeScript, no zod: this file is part of the page-world script, which is kept tiny.
 */

export const SAVES_READY_EVENT = 'baton:saves-ready';
export const SAVES_CONNECT_EVENT = 'baton:saves-connect';

/** A channel name: 'baton-' and a UUID, nothing the page's own event names would collide with. */
const CHANNEL = /^baton-[0-9a-f-]{36}$/;

export function isChannel(value: unknown): value is string {
  return typeof value === 'string' && CHANNEL.test(value);
}

export const askEvent = (channel: string) => `${channel}:ask`;
export const answerEvent = (channel: string) => `${channel}:answer`;
export const byeEvent = (channel: string) => `${channel}:bye`;

/** One record a page save moves to a stage, or creates in a stage. */
export interface PageSave {
  /** The record as the request names it; null for a creation. */
  recordId: string | null;
  /** The stage's API value the save sets (Salesforce StageName, HubSpot dealstage). */
  stage: string;
  /** Every field the same request writes on that record with a text (or empty) value, by API name. */
  fields: Record<string, string | null>;
}

/** What a request is, as far as the stage goes. */
export type SaveReading =
  /** It sets no stage: it goes at once, untouched. */
  | { kind: 'none' }
  /** It sets the stage of these records. */
  | { kind: 'saves'; saves: PageSave[] }
  /** It may set a stage, but Baton cannot read it: held, and the dialog says why (`why`, a sentence). */
  | { kind: 'unreadable'; why: string; recordId: string | null };

export type HeldReading = Exclude<SaveReading, { kind: 'none' }>;

export interface SaveAsk {
  id: number;
  reading: HeldReading;
}

/**
 * Fields of one record of a save to write with these values instead of the page's: the handoff the
 * rep saved in Baton's dialog, which the page's edit form may still hold older text of.
 */
export interface SaveRewrite {
  /** The record as the save names it (PageSave.recordId). */
  recordId: string;
  fields: Record<string, string>;
}

export interface SaveAnswer {
  id: number;
  go: boolean;
  /** With go: what to write instead of the page's values (none: the save goes as it is). */
  rewrite?: SaveRewrite[];
}

const MAX_SAVES = 500;
const MAX_TEXT = 200_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function shortText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function readSave(value: unknown): PageSave | null {
  if (!isRecord(value) || !shortText(value.stage, 500)) return null;
  const recordId = value.recordId;
  if (recordId !== null && !shortText(recordId, 100)) return null;
  if (!isRecord(value.fields)) return null;
  const fields: Record<string, string | null> = {};
  for (const [name, text] of Object.entries(value.fields)) {
    if (text !== null && !shortText(text, MAX_TEXT)) return null;
    fields[name] = text;
  }
  return { recordId, stage: value.stage, fields };
}

function readReading(value: unknown): HeldReading | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'unreadable') {
    const recordId = value.recordId;
    if (!shortText(value.why, 2000) || (recordId !== null && !shortText(recordId, 100))) return null;
    return { kind: 'unreadable', why: value.why, recordId };
  }
  if (value.kind !== 'saves' || !Array.isArray(value.saves) || value.saves.length === 0 || value.saves.length > MAX_SAVES) return null;
  const saves: PageSave[] = [];
  for (const item of value.saves) {
    const save = readSave(item);
    if (save === null) return null;
    saves.push(save);
  }
  return { kind: 'saves', saves };
}

function parse(detail: unknown): unknown {
  if (typeof detail !== 'string') return null;
  try {
    return JSON.parse(detail) as unknown;
  } catch {
    return null;
  }
}

/**
 * An ask as the gate receives it, checked: null when it has no id (nothing to answer), a null
 * reading when the rest is not what the page-world script sends (the gate refuses that save).
 */
export function readAsk(detail: unknown): { id: number; reading: HeldReading | null } | null {
  const value = parse(detail);
  if (!isRecord(value) || !isId(value.id)) return null;
  return { id: value.id, reading: readReading(value.reading) };
}

function readRewrite(value: unknown): SaveRewrite | null {
  if (!isRecord(value) || !shortText(value.recordId, 100) || !isRecord(value.fields)) return null;
  const fields: Record<string, string> = {};
  for (const [name, text] of Object.entries(value.fields)) {
    if (!shortText(text, MAX_TEXT)) return null;
    fields[name] = text;
  }
  return { recordId: value.recordId, fields };
}

/**
 * An answer as the page-world script receives it, checked; null for anything else. A go whose
 * rewrite is not what the gate sends is a no: the save must not go unchanged.
 */
export function readAnswer(detail: unknown): SaveAnswer | null {
  const value = parse(detail);
  if (!isRecord(value) || !isId(value.id) || typeof value.go !== 'boolean') return null;
  if (value.rewrite === undefined) return { id: value.id, go: value.go };
  const rewrite = Array.isArray(value.rewrite) && value.rewrite.length <= MAX_SAVES ? value.rewrite.map(readRewrite) : [null];
  return rewrite.every((r): r is SaveRewrite => r !== null) ? { id: value.id, go: value.go, rewrite } : { id: value.id, go: false };
}
