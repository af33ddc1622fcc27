import type { ElementKey, RawArtifact } from '@/lib/domain/elements';
import { cleanText, splitLines } from '@/lib/domain/text';

/**
 * The text of every element, normalised once per evaluation and shared by all rules.
 *
 * Normalisation is the costliest step of an evaluation, so each element goes through it in one
 * pass that keeps line and sentence boundaries: every line's `norm` (and every sentence's) is
 * what `normalizeForMatch` (text.ts) returns for that line (sentence) — lower case, NFKC, no
 * invisible or control characters, every run of non-letters/digits one space, trimmed — and
 * the element's `norm` is normalizeForMatch of the whole value. test/unit/rules/prepare.test.ts
 * checks that equivalence on random text. One pass per element costs less than calling
 * normalizeForMatch once per field, where a call per line or sentence would cost half as much again.
 */

export interface PreparedLine {
  /** 1-based line number within the element's raw text (splitLines numbering). */
  line: number;
  /** normalizeForMatch of the line; never empty (lines without letters/digits are skipped). */
  norm: string;
  /**
   * Normalised sentences of the line when it holds more than one, else null (the line is one).
   * Always null in list elements, whose lines are items.
   */
  sentences: string[] | null;
}

export interface PreparedElement {
  key: ElementKey;
  raw: string;
  /** Nothing at all: empty, white space, invisible or control characters only. */
  empty: boolean;
  /** Something was typed, but no letter or digit: ".", "-", "?", "…". */
  punctuationOnly: boolean;
  /** Lines holding at least one letter or digit, in order. */
  lines: PreparedLine[];
  /** normalizeForMatch of the whole value ('' when empty or punctuation only). */
  norm: string;
  /** The raw lines (splitLines), split on first use: only findings that quote a line need them. */
  rawLines: string[] | null;
}

/** Line `line` (1-based) of the element as written. */
export function rawLine(el: PreparedElement, line: number): string {
  el.rawLines ??= splitLines(el.raw);
  return el.rawLines[line - 1] ?? '';
}

export type PreparedArtifact = Record<ElementKey, PreparedElement>;

/** Elements written one item per line: judged line by line, and not cut into sentences. */
export const LIST_ELEMENTS: ReadonlySet<ElementKey> = new Set(['riskFlags', 'promises', 'stakeholders', 'timeline']);

// splitLines (text.ts) breaks lines at \r\n, \r, \n, U+2028 and U+2029; all become \n here.
const OTHER_BREAKS_TEST = /[\r\u2028\u2029]/;
const OTHER_BREAKS = /\r\n|[\r\u2028\u2029]/g;
// A sentence ends at . ! ? ; (or their CJK forms) followed by white space other than a line
// break; the terminator itself becomes SENTENCE_MARK (it would have become a space anyway).
const SENTENCE_END = /[.!?;。！？；](?=[^\S\n])/g;
const SENTENCE_MARK = '\u001E'; // a control character: cleanText has already removed any typed one
// normalizeForMatch's `[^\p{L}\p{N}]+` → ' ', except that line breaks and sentence marks stay.
// Only runs that change are matched: a lone space between two words is left alone, which makes
// the replace twice as fast on prose. Each match starts at a non-word character (or a space
// followed by one) and takes the rest of the run: no backtracking.
const NON_WORD = /(?:[^\p{L}\p{N}\n\u001E ]| (?=[^\p{L}\p{N}\n\u001E]))[^\p{L}\p{N}\n\u001E]*/gu;
const NON_WORD_ASCII = /(?:[^a-z0-9\n\u001E ]| (?=[^a-z0-9\n\u001E]))[^a-z0-9\n\u001E]*/g;
// The same with every non-ASCII code unit counted as a word character. Exact when every non-ASCII
// character of the text is a letter or digit (accented names: "Zoë", "Müller", "Nguyễn"), and
// about three times faster than NON_WORD's Unicode classes, which dominated the cost of such text.
const NON_WORD_WIDE = /(?:[^a-z0-9\u0080-\uffff\n\u001E ]| (?=[^a-z0-9\u0080-\uffff\n\u001E]))[^a-z0-9\u0080-\uffff\n\u001E]*/g;
// A non-ASCII character that is not a letter or digit (’ — • emoji, combining marks, lone surrogates).
const NON_ASCII_NON_WORD = /[^\p{L}\p{N}\x00-\x7F]/u;
// Printable ASCII, tab and line breaks: nothing for cleanText to remove, NFKC is the identity.
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7E]/;
const NOT_PLAIN_ASCII_OR_CR = /[^\t\n\x20-\x7E]/;

/**
 * The element's text normalised as normalizeForMatch does, with \n between lines and (when
 * `sentences`) SENTENCE_MARK between sentences.
 */
function normalizeKeepingBreaks(raw: string, sentences: boolean): string {
  // One scan answers both questions for most text: printable ASCII with \n breaks only.
  const plain = !NOT_PLAIN_ASCII_OR_CR.test(raw);
  const ascii = plain || !NOT_PLAIN_ASCII.test(raw);
  // Breaks first, as splitLines sees them: cleanText drops invisible characters, and "\r\uFEFF\n"
  // would otherwise become one \r\n break where splitLines counts two lines.
  let t = !plain && OTHER_BREAKS_TEST.test(raw) ? raw.replace(OTHER_BREAKS, '\n') : raw;
  if (!ascii) t = cleanText(t);
  if (sentences) t = t.replace(SENTENCE_END, SENTENCE_MARK);
  if (ascii) return t.toLowerCase().replace(NON_WORD_ASCII, ' ');
  const lower = t.normalize('NFKC').toLowerCase();
  return lower.replace(NON_ASCII_NON_WORD.test(lower) ? NON_WORD : NON_WORD_WIDE, ' ');
}

/** An element with no letter or digit after normalisation: empty, or only punctuation ("-", "?"). */
function nothingReadable(key: ElementKey, raw: string): PreparedElement {
  const empty = raw === '' || cleanText(raw).trim() === '';
  return { key, raw, empty, punctuationOnly: !empty, lines: [], norm: '', rawLines: null };
}

/** Normalised text without the one space normalisation may leave at either end. */
function trimSpace(s: string): string {
  const start = s.charCodeAt(0) === 32 ? 1 : 0;
  const end = s.length > start && s.charCodeAt(s.length - 1) === 32 ? s.length - 1 : s.length;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** A line's sentences (at SENTENCE_MARK), trimmed, empty ones dropped. */
function sentencesOf(n: string): string[] {
  const kept: string[] = [];
  let from = 0;
  for (let mark = n.indexOf(SENTENCE_MARK); from <= n.length; mark = n.indexOf(SENTENCE_MARK, from)) {
    const to = mark === -1 ? n.length : mark;
    const s = trimSpace(n.slice(from, to));
    if (s !== '') kept.push(s);
    if (mark === -1) break;
    from = mark + 1;
  }
  return kept;
}

export function prepareElement(key: ElementKey, raw: string): PreparedElement {
  if (raw === '') return nothingReadable(key, raw);
  const cut = !LIST_ELEMENTS.has(key);
  const normalized = normalizeKeepingBreaks(raw, cut);
  const normLines = normalized.includes('\n') ? normalized.split('\n') : [normalized];
  const lines: PreparedLine[] = [];
  for (let i = 0; i < normLines.length; i++) {
    const n = normLines[i] ?? '';
    let norm: string;
    let sentences: string[] | null = null;
    if (cut && n.includes(SENTENCE_MARK)) {
      const kept = sentencesOf(n);
      norm = kept.length === 1 ? (kept[0] as string) : kept.join(' ');
      if (kept.length > 1) sentences = kept;
    } else {
      norm = trimSpace(n);
    }
    if (norm !== '') lines.push({ line: i + 1, norm, sentences });
  }
  // Decided after normalisation, not with isBlank: NFKC turns some symbols into letters ("㋀" is
  // "1月") and some letters into non-letters.
  if (lines.length === 0) return nothingReadable(key, raw);
  let norm = lines[0]?.norm ?? '';
  for (let i = 1; i < lines.length; i++) norm += ` ${lines[i]?.norm ?? ''}`;
  return { key, raw, empty: false, punctuationOnly: false, lines, norm, rawLines: normLines.length === 1 ? [raw] : null };
}

export function prepareArtifact(raw: RawArtifact): PreparedArtifact {
  return {
    useCase: prepareElement('useCase', raw.useCase),
    successMetric: prepareElement('successMetric', raw.successMetric),
    riskFlags: prepareElement('riskFlags', raw.riskFlags),
    whyBought: prepareElement('whyBought', raw.whyBought),
    promises: prepareElement('promises', raw.promises),
    stakeholders: prepareElement('stakeholders', raw.stakeholders),
    timeline: prepareElement('timeline', raw.timeline),
    knownGaps: prepareElement('knownGaps', raw.knownGaps),
  };
}

/**
 * Number of words in normalised text (words are separated by exactly one space there), counted
 * up to `enough`: callers comparing with a minimum need not read a 1 MB value to the end.
 */
export function countNormWords(norm: string, enough = Infinity): number {
  if (norm === '') return 0;
  let n = 1;
  for (let i = norm.indexOf(' '); i !== -1 && n < enough; i = norm.indexOf(' ', i + 1)) n++;
  return n;
}

