/**
 * Pieces shared by the line-per-item parsers (risk flags, promises, stakeholders, timeline).
 * Everything here is a linear scan over the string (no backtracking regexes) and never throws.
 */
import { cleanText, normalizeForMatch, splitLines } from '@/lib/domain/text';
import type { UnparsedLine } from '@/lib/domain/items';

export interface SourceLine {
  /** 1-based line number within the element's text. */
  line: number;
  /** The line as the rep wrote it (invisible/control characters removed, trimmed). */
  text: string;
  /** The same line without its list markers: what the parsers read. */
  body: string;
}

/** The lines that carry something, numbered as in the original text. Blank lines are skipped. */
export function contentLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  splitLines(cleanText(text)).forEach((raw, i) => {
    const body = stripListMarkers(raw);
    if (body !== '') out.push({ line: i + 1, text: raw.trim(), body });
  });
  return out;
}

/** Reason for a line with punctuation only (text.ts `isBlank`); such lines are reported, not dropped. */
export const NO_WORDS_REASON = 'This line has no letters or digits, so Baton could not read anything in it.';

export function unparsed(source: SourceLine, reason: string, text = source.text): UnparsedLine {
  return { line: source.line, text, reason };
}

// The end of the string counts as space: a marker alone on a line ("1.") is still a marker.
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const EDGE_PUNCTUATION = new Set([',', ';', ':', '-', '–', '—']);

// Bullets that are never part of the text, whatever follows them.
const BULLETS = new Set(['•', '‣', '◦', '▪', '▫', '●', '○', '■', '□', '►', '▸', '➢', '➤', '→', '✓', '✔']);
// Characters that are a bullet only when followed by white space: "-5% churn" and "*SSO*" are text.
const DASH_BULLETS = new Set(['-', '*', '+', '–', '—']);

/**
 * Removes every leading list marker ("- ", "* ", "• ", "1. ", "2) ", "a) ", also nested "1. - ").
 * Unlike text.ts `stripListMarker`, a number or letter is a marker only when white space follows,
 * so "1.5x ramp risk" and "J. Smith" keep their first characters. With `alsoSeparators`, leading
 * ",;:" and dashes go too (one pass, so "; 1. Jane" cannot leave a marker behind).
 */
export function stripListMarkers(line: string, alsoSeparators = false): string {
  let i = 0;
  const n = line.length;
  const skipSpace = () => {
    while (i < n && isSpace(line[i])) i++;
  };
  skipSpace();
  for (;;) {
    const c = line[i];
    if (c === undefined) break;
    if (BULLETS.has(c) || (alsoSeparators && EDGE_PUNCTUATION.has(c))) {
      i++;
    } else if (DASH_BULLETS.has(c) && isSpace(line[i + 1])) {
      i++;
    } else if (isDigit(c)) {
      let j = i;
      while (j < n && j - i < 3 && isDigit(line[j])) j++;
      if ((line[j] === '.' || line[j] === ')') && isSpace(line[j + 1])) i = j + 1;
      else break;
    } else if (/[a-zA-Z]/.test(c) && line[i + 1] === ')' && isSpace(line[i + 2])) {
      i += 2;
    } else {
      break;
    }
    skipSpace();
  }
  return line.slice(i).trim();
}

/**
 * Removes the punctuation left between a label and its text: "[high] - x", "Committed: x",
 * "Day 30 — x". Dashes count only when followed by white space, so "-5%" stays.
 */
export function stripLeadingSeparators(s: string): string {
  let i = 0;
  const n = s.length;
  for (;;) {
    while (i < n && isSpace(s[i])) i++;
    const c = s[i];
    if (c === ':' || c === ',' || c === ';') i++;
    else if (c !== undefined && DASH_BULLETS.has(c) && c !== '*' && c !== '+' && isSpace(s[i + 1])) i++;
    else break;
  }
  return s.slice(i).trim();
}

/** Trims white space and separator punctuation (",;:" and dashes) from both ends. */
export function trimSeparators(s: string): string {
  let start = 0;
  let end = s.length;
  const trimmable = (c: string | undefined) => c !== undefined && (isSpace(c) || EDGE_PUNCTUATION.has(c));
  while (start < end && trimmable(s[start])) start++;
  while (end > start && trimmable(s[end - 1])) end--;
  return s.slice(start, end);
}

const SPACED_DASHES = [' - ', ' – ', ' — '];

/**
 * Where a short "key" at the start of a line ends: the first ":" or spaced dash within `max`
 * characters. Returns the index of the separator, or -1. Only the first `max + 3` characters are
 * looked at, so a 1 MB line costs nothing here.
 */
export function labelEnd(line: string, max: number): number {
  const head = line.slice(0, max + 3);
  let best = head.indexOf(':');
  for (const dash of SPACED_DASHES) {
    const at = head.indexOf(dash);
    if (at !== -1 && (best === -1 || at < best)) best = at;
  }
  return best > 0 && best <= max ? best : -1;
}

/**
 * Reads a short label in front of a line: "[high] x", "(High) x", "High: x", "High - x".
 * `recognise` gets the label normalised (normalizeForMatch: lower case, punctuation as spaces)
 * and returns what it means, or null. Returns the meaning and the rest of the line, or null.
 */
export function readLabel<T>(
  line: string,
  recognise: (label: string) => T | null,
  max = 32,
): { value: T; rest: string } | null {
  const open = line[0];
  if (open === '[' || open === '(') {
    const close = line.slice(0, max + 2).indexOf(open === '[' ? ']' : ')', 1);
    if (close === -1) return null;
    const value = recognise(normalizeForMatch(line.slice(1, close)));
    return value === null ? null : { value, rest: stripLeadingSeparators(line.slice(close + 1)) };
  }
  const end = labelEnd(line, max);
  if (end === -1) return null;
  const value = recognise(normalizeForMatch(line.slice(0, end)));
  return value === null ? null : { value, rest: stripLeadingSeparators(line.slice(end)) };
}
