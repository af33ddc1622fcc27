/**
 * Promises made during the sale, one per line, with a certainty tier and "key: value" details:
 *
 *   [committed] SSO live before go-live | owner: Dana Lee | due: 2027-02-01 | sign-off: VP CS | promised by: Sam Rep | promised on: 2026-11-02
 *   [verbal] Custom Slack alerts
 *
 * A line keeps its promise even when one detail is wrong; the wrong detail is reported as an
 * UnparsedLine (its text is that detail), so nothing the rep typed disappears.
 */
import type { CertaintyTier, HandoffPromise, ParsedPromises, UnparsedLine } from '@/lib/domain/items';
import { describeBadDate, parseDate, quote } from '@/lib/domain/dates';
import { isBlank, normalizeForMatch } from '@/lib/domain/text';
import {
  contentLines,
  labelEnd,
  NO_WORDS_REASON,
  readLabel,
  stripLeadingSeparators,
  stripListMarkers,
  unparsed,
} from '@/lib/domain/lineFormat';

const TIERS: Record<string, CertaintyTier> = {
  committed: 'committed',
  planned: 'planned',
  exploring: 'exploring',
  verbal: 'verbal',
  unconfirmed: 'verbal',
  'unconfirmed verbal': 'verbal',
  'verbal unconfirmed': 'verbal',
};

type Field = 'owner' | 'due' | 'signOff' | 'promisedBy' | 'promisedOn' | 'tier';

/** Keys as written (normalised: lower case, punctuation as spaces) → the field they fill. */
const KEYS: Record<string, Field> = {
  owner: 'owner', 'owned by': 'owner',
  due: 'due', 'due date': 'due', date: 'due', 'due by': 'due', deadline: 'due',
  'sign off': 'signOff', signoff: 'signOff', 'signed off by': 'signOff', 'sign off by': 'signOff', approver: 'signOff',
  'promised by': 'promisedBy', by: 'promisedBy',
  'promised on': 'promisedOn', on: 'promisedOn',
  tier: 'tier', certainty: 'tier',
};

/** The canonical order and spelling of the details. */
const CANONICAL: ReadonlyArray<readonly [Exclude<Field, 'tier'>, string]> = [
  ['owner', 'owner'],
  ['due', 'due'],
  ['signOff', 'sign-off'],
  ['promisedBy', 'promised by'],
  ['promisedOn', 'promised on'],
];

const FIELD_NAMES: Record<Field, string> = {
  owner: 'owner', due: 'due date', signOff: 'sign-off', promisedBy: 'promised by', promisedOn: 'promised on', tier: 'tier',
};

const KNOWN_KEYS_TEXT = 'owner, due, sign-off, promised by, promised on';
// A key is short; a longer text before ":" is a sentence, not a key.
const MAX_KEY = 24;

function readKey(segment: string): { field: Field; value: string } | { key: string } | null {
  const end = labelEnd(segment, MAX_KEY);
  if (end === -1 || segment[end] !== ':') return null;
  const key = normalizeForMatch(segment.slice(0, end));
  const field = KEYS[key];
  return field === undefined ? { key: segment.slice(0, end).trim() } : { field, value: segment.slice(end + 1).trim() };
}

/**
 * Splits a line into "|" segments; ";" also separates, but only in front of a known key
 * ("SSO live; owner: Dana"), so "Migrate data; keep history" stays one piece of text.
 */
function segments(body: string): string[] {
  const out: string[] = [];
  for (const part of body.split('|')) {
    const pieces = part.split(';');
    let current = pieces[0] ?? '';
    for (const piece of pieces.slice(1)) {
      const key = readKey(piece.trimStart());
      if (key !== null && 'field' in key) {
        out.push(current);
        current = piece;
      } else {
        current += `;${piece}`;
      }
    }
    out.push(current);
  }
  return out.map((s) => s.trim());
}

const emptyPromise = (text: string, tier: CertaintyTier | null): HandoffPromise => ({
  text, tier, owner: null, due: null, signOff: null, promisedBy: null, promisedOn: null,
});

export function parsePromises(text: string): ParsedPromises {
  const result: ParsedPromises = { promises: [], unparsed: [] };

  for (const source of contentLines(text)) {
    if (isBlank(source.body)) {
      result.unparsed.push(unparsed(source, NO_WORDS_REASON));
      continue;
    }
    const [segment0 = '', ...details] = segments(source.body);
    // Strip markers again: "0)|…" hid "0)" from the line-level pass, and the text is written back
    // at the start of a line, where it would read as a marker.
    const first = stripListMarkers(segment0);
    const labelled = readLabel(first, (label) => TIERS[label] ?? null);
    const promise = emptyPromise(labelled === null ? first : labelled.rest, labelled?.value ?? null);
    const problems: UnparsedLine[] = [];
    const problem = (segment: string, reason: string) => problems.push(unparsed(source, reason, segment));

    for (const segment of details) {
      if (segment === '') continue; // "a || b" or a trailing "|": nothing was typed there
      const key = readKey(segment);
      if (key === null) {
        problem(segment, `Baton expected a detail written as "key: value" (${KNOWN_KEYS_TEXT}).`);
        continue;
      }
      if ('key' in key) {
        problem(segment, `${quote(key.key)} is not a promise detail Baton knows; use ${KNOWN_KEYS_TEXT}.`);
        continue;
      }
      const { field, value } = key;
      const name = FIELD_NAMES[field];
      if (value === '') {
        problem(segment, `The ${name} is empty.`);
      } else if (field === 'tier') {
        const tier = TIERS[normalizeForMatch(value)];
        if (tier === undefined) problem(segment, `${quote(value)} is not a tier; use committed, planned, exploring or verbal.`);
        else if (promise.tier !== null && promise.tier !== tier) problem(segment, `The tier is given twice; Baton kept ${promise.tier}.`);
        else promise.tier = tier;
      } else if (promise[field] !== null) {
        problem(segment, `The ${name} is given twice; Baton kept the first, ${quote(String(promise[field]))}.`);
      } else if (field === 'due' || field === 'promisedOn') {
        const date = parseDate(value);
        if (date === null) problem(segment, `The ${name} is not usable: ${describeBadDate(value)}.`);
        else promise[field] = date;
      } else {
        promise[field] = value;
      }
    }
    // A tier is written in front of the text ("[planned] text"), where leading ": " or "- " would be
    // read as the tier's separator; drop them now so the canonical text reads back the same.
    if (promise.tier !== null) promise.text = stripLeadingSeparators(promise.text);
    if (isBlank(promise.text)) {
      result.unparsed.push(
        unparsed(source, 'A promise needs a description first, like: [committed] SSO live before go-live | owner: Dana Lee.'),
      );
      continue;
    }
    result.promises.push(promise);
    for (const p of problems) result.unparsed.push(p); // not push(...problems): 200k details overflow the stack
  }
  return result;
}

export function serializePromise(p: HandoffPromise): string {
  const parts = [p.tier === null ? p.text : `[${p.tier}] ${p.text}`];
  for (const [field, key] of CANONICAL) {
    const value = p[field];
    if (value !== null) parts.push(`${key}: ${value}`);
  }
  return parts.join(' | ');
}

/** Canonical text, one promise per line. Unparsed details are not written: they are the caller's to keep or show. */
export function serializePromises(p: ParsedPromises): string {
  return p.promises.map(serializePromise).join('\n');
}
