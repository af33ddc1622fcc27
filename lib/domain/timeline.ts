/**
 * Timeline expectations: the go-live date and milestones, one per line.
 *
 *   Go-live: 2027-03-01
 *   30 days: Admins trained
 *   2027-04-15: First QBR
 *
 * Milestones come back relative ones ("30 days") first, then dated ones, each in the order
 * written: the same order the canonical text uses, so parse and serialize agree.
 */
import type { Milestone, ParsedTimeline } from '@/lib/domain/items';
import { describeBadDate, looksLikeDate, parseDate, quote } from '@/lib/domain/dates';
import { compactForMatch, isBlank, normalizeForMatch } from '@/lib/domain/text';
import {
  contentLines,
  labelEnd,
  NO_WORDS_REASON,
  stripLeadingSeparators,
  unparsed,
  type SourceLine,
} from '@/lib/domain/lineFormat';

const GO_LIVE_KEYS = new Set([
  'golive', 'golivedate', 'launch', 'launchdate', 'livedate',
  'targetgolive', 'plannedgolive', 'expectedgolive', 'targetlaunch',
]);

const MAX_DAYS = 3650;
// "September 30th, 2027" is the longest key people write; a longer head is a sentence.
const MAX_KEY = 40;

const FORMAT_HINT = 'Write timeline lines like "Go-live: 2027-03-01", "30 days: Admins trained" or "2027-04-15: First QBR".';

/**
 * A number of days from go-live: "30 days", "Day 60", "60d", "90-day", "D30", "first 30 days".
 * A bare number is not enough ("2027: …" is a year, not 2027 days).
 */
function readDays(key: string): number | null {
  const k = normalizeForMatch(key).replace(/^(?:first|within|by) /, '');
  const m = /^(?:day ?(\d{1,6})|d ?(\d{1,6})|(\d{1,6}) ?(?:d|day|days))$/.exec(k);
  if (m === null) return null;
  return Number(m[1] ?? m[2] ?? m[3]);
}

/** "Go-live 2027-03-01" without a colon is common enough to read. */
const GO_LIVE_NO_COLON = /^(?:go[\s-]?live|launch)(?:\s+date)?\s+(.+)$/i;

type Key = { kind: 'goLive' } | { kind: 'days'; days: number } | { kind: 'date'; date: string } | { kind: 'bad'; reason: string };

function readKey(key: string): Key {
  if (GO_LIVE_KEYS.has(compactForMatch(key))) return { kind: 'goLive' };
  const days = readDays(key);
  if (days !== null) {
    return days >= 1 && days <= MAX_DAYS
      ? { kind: 'days', days }
      : { kind: 'bad', reason: `${days} days is outside 1 to ${MAX_DAYS} days after go-live.` };
  }
  const date = parseDate(key);
  if (date !== null) return { kind: 'date', date };
  if (looksLikeDate(key)) return { kind: 'bad', reason: `The milestone date is not usable: ${describeBadDate(key)}.` };
  return { kind: 'bad', reason: `${quote(key)} is not go-live, a number of days or a date. ${FORMAT_HINT}` };
}

export function parseTimeline(text: string): ParsedTimeline {
  const result: ParsedTimeline = { goLive: null, milestones: [], unparsed: [] };
  const relative: Milestone[] = [];
  const dated: Milestone[] = [];
  const report = (source: SourceLine, reason: string) => result.unparsed.push(unparsed(source, reason));

  for (const source of contentLines(text)) {
    const { body } = source;
    if (isBlank(body)) {
      report(source, NO_WORDS_REASON);
      continue;
    }
    let keyText: string;
    let value: string;
    const end = labelEnd(body, MAX_KEY);
    const loose = end === -1 ? GO_LIVE_NO_COLON.exec(body.slice(0, MAX_KEY * 2)) : null;
    if (end !== -1) {
      keyText = body.slice(0, end);
      value = stripLeadingSeparators(body.slice(end));
    } else if (loose !== null && body.length <= MAX_KEY * 2) {
      keyText = 'go-live';
      value = (loose[1] ?? '').trim();
    } else {
      report(source, FORMAT_HINT);
      continue;
    }

    const key = readKey(keyText);
    if (key.kind === 'bad') {
      report(source, key.reason);
    } else if (key.kind === 'goLive') {
      const date = parseDate(value);
      if (date === null) report(source, `The go-live date is not usable: ${describeBadDate(value)}.`);
      else if (result.goLive === null) result.goLive = date;
      else if (result.goLive !== date) report(source, `A second go-live date; Baton kept the first, ${result.goLive}.`);
    } else if (isBlank(value)) {
      report(source, 'This milestone says when but not what. Write it like: 30 days: Admins trained.');
    } else if (key.kind === 'days') {
      relative.push({ when: { kind: 'days', days: key.days }, text: value });
    } else {
      dated.push({ when: { kind: 'date', date: key.date }, text: value });
    }
  }
  result.milestones = [...relative, ...dated];
  return result;
}

function serializeMilestone(m: Milestone): string {
  if (m.when.kind === 'date') return `${m.when.date}: ${m.text}`;
  return `${m.when.days} ${m.when.days === 1 ? 'day' : 'days'}: ${m.text}`;
}

/**
 * Canonical text: "Go-live: …", then relative milestones, then dated ones, each group in the
 * order given. Unparsed lines are not written: they are the caller's to keep or show.
 */
export function serializeTimeline(p: ParsedTimeline): string {
  const lines: string[] = [];
  if (p.goLive !== null) lines.push(`Go-live: ${p.goLive}`);
  const relative = p.milestones.filter((m) => m.when.kind === 'days');
  const dated = p.milestones.filter((m) => m.when.kind === 'date');
  for (const m of [...relative, ...dated]) lines.push(serializeMilestone(m));
  return lines.join('\n');
}
