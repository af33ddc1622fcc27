import { ELEMENT_KEYS, type ElementKey } from '@/lib/domain/elements';
import type { RuleInput } from './engine';
import { LIST_ELEMENTS, type PreparedElement } from './prepare';
import { HOW_TO_WRITE, OBJECT, SUBJECT } from './messages';

/**
 * copied-between-elements: one element's text pasted into another, whole or a long sentence at a
 * time. Texts are compared normalised (case, punctuation and spacing do not matter).
 *
 * Never a pairwise substring search: whole values are compared only when their lengths are equal,
 * and sentences go into a Map keyed by a cheap numeric fingerprint (length and a few characters),
 * with an exact comparison on a fingerprint hit. Hashing small integers instead of every sentence
 * keeps the rule well under a microsecond per sentence. Fingerprints that collide get a Map of
 * their own keyed by the full text, so crafted collisions cannot make the work quadratic.
 *
 * Lines of list elements carry labels ("[medium] …", "30 days: …", "2027-04-15: …", "[planned] …"),
 * so a list line is also remembered without its leading label words: "Legal has not reviewed the
 * DPA" copied from "[medium] Legal has not reviewed the DPA" into the known gaps is found. (Promise
 * details after "|" stay part of the line: a promise is found when copied with them.)
 *
 * The later element (in ELEMENT_KEYS order) is the copy; each pair of elements is reported once.
 */

interface Seen {
  text: string;
  owner: ElementKey;
}
type SeenMap = Map<number, Seen | Map<string, ElementKey>>;

/** Same text → same fingerprint; different texts usually differ (collisions are compared exactly). */
function fingerprint(s: string): number {
  const n = s.length;
  return (
    (n * 0x9e37 +
      s.charCodeAt(0) * 0x3b1 +
      s.charCodeAt(n >> 1) * 0x1f +
      s.charCodeAt(n - 1) * 0x7 +
      s.charCodeAt(n >> 2) +
      s.charCodeAt(n - (n >> 2) - 1) * 0x5) |
    0
  );
}

/** Records `sentence` as seen in `key`; returns the element that had it first, or undefined if new. */
function remember(seen: SeenMap, sentence: string, key: ElementKey): ElementKey | undefined {
  const fp = fingerprint(sentence);
  const hit = seen.get(fp);
  if (hit === undefined) {
    seen.set(fp, { text: sentence, owner: key });
    return undefined;
  }
  if (hit instanceof Map) {
    const owner = hit.get(sentence);
    if (owner === undefined) hit.set(sentence, key);
    return owner;
  }
  if (hit.text === sentence) return hit.owner;
  seen.set(
    fp,
    new Map([
      [hit.text, hit.owner],
      [sentence, key],
    ]),
  );
  return undefined;
}

/** Words of the labels in front of list lines: severities, certainty tiers, timeline keys. */
const LABEL_WORDS = new Set([
  'high', 'medium', 'med', 'low', 'risk', 'severity', 'committed', 'planned', 'exploring', 'verbal', 'unconfirmed',
  'tier', 'go', 'live', 'golive', 'launch', 'date', 'target', 'day', 'days', 'd',
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug',
  'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
]);
const LABEL_NUMBER = /^\d{1,4}(?:st|nd|rd|th|d)?$/;

/** A list line's normalised text without leading label words ("medium legal has …" → "legal has …"). */
function withoutLabel(norm: string): string {
  let pos = 0;
  for (let end = norm.indexOf(' '); end !== -1; end = norm.indexOf(' ', pos)) {
    const word = norm.slice(pos, end);
    if (!LABEL_WORDS.has(word) && !LABEL_NUMBER.test(word)) break;
    pos = end + 1;
  }
  return pos === 0 ? norm : norm.slice(pos);
}

const SENTENCE_FIX = 'Keep each fact in the element it belongs to, and write here what this element asks for.';

/** Adds the finding for a copy in `key` of text first seen in `owner`, once per pair. */
function report(
  { sink }: RuleInput,
  key: ElementKey,
  reported: ElementKey[],
  owner: ElementKey | undefined,
  line: number | undefined,
): void {
  if (owner === undefined || owner === key || reported.includes(owner)) return;
  reported.push(owner);
  const where = line === undefined ? SUBJECT[key] : `Line ${line} of ${OBJECT[key]}`;
  sink.add('copied-between-elements', key, `${where} repeats text from ${OBJECT[owner]} word for word.`, SENTENCE_FIX, line);
}

export function copiedRules(input: RuleInput): void {
  const { text, assessed, config, sink } = input;
  if (!sink.on('copied-between-elements')) return;
  const min = config.thresholds.copiedMinChars;
  const wholes: PreparedElement[] = [];
  const seen: SeenMap = new Map();

  for (const key of ELEMENT_KEYS) {
    const a = assessed[key];
    if (a.status !== 'filled') continue;
    const el = text[key];

    const original = wholes.find((w) => w.norm.length === el.norm.length && w.norm === el.norm);
    if (original !== undefined) {
      sink.add(
        'copied-between-elements',
        key,
        `${SUBJECT[key]} is a copy of ${OBJECT[original.key]}, so it tells CS nothing new.`,
        `Replace it with what this element asks for. ${HOW_TO_WRITE[key]}`,
      );
      continue;
    }
    wholes.push(el);

    const reported: ElementKey[] = [];

    const list = LIST_ELEMENTS.has(key);
    const labelled = list && key !== 'stakeholders'; // a stakeholder line starts with the name
    for (const line of el.lines) {
      if (line.norm.length < min || a.placeholderLines.has(line.line)) continue;
      if (list) {
        report(input, key, reported, remember(seen, line.norm, key), line.line);
        const bare = labelled ? withoutLabel(line.norm) : line.norm;
        if (bare !== line.norm && bare.length >= min) report(input, key, reported, remember(seen, bare, key), line.line);
      } else if (line.sentences === null) {
        report(input, key, reported, remember(seen, line.norm, key), line.line);
      } else {
        for (const sentence of line.sentences) {
          if (sentence.length >= min) report(input, key, reported, remember(seen, sentence, key), line.line);
        }
      }
    }
  }
}
