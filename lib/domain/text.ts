/**
 * Text helpers shared by the parsers and the rules. Every function is linear in its input and
 * never throws: CRM fields are untrusted text of any size (HTML, control characters, 1 MB values).
 */

// Zero-width and bidi control characters people paste from chat tools and web pages; they make
// "TBD" look different from "T\u200bBD" to a naive comparison.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
// C0/C1 control characters other than tab and the line breaks.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Removes invisible and control characters, keeps line structure. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL, '');
}

/** Splits on any line break (\r\n, \r, \n, U+2028, U+2029). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029]/);
}

// List markers a person types in a CRM text field: "-", "*", "•", "1.", "2)", "a)".
const LIST_MARKER = /^\s*(?:[-*•‣◦–—]|\d{1,3}[.)]|[a-zA-Z][.)](?=\s))\s*/;

/** Removes one leading list marker and surrounding white space from a line. */
export function stripListMarker(line: string): string {
  return line.replace(LIST_MARKER, '').trim();
}

/**
 * Lower-cases, applies NFKC (full-width letters, ligatures), removes invisible characters and turns
 * every run of non-letters/non-digits into one space. "T.B.D." and "tbd" stay distinguishable
 * ("t b d" vs "tbd"); use `compactForMatch` to compare without spaces.
 */
export function normalizeForMatch(text: string): string {
  return cleanText(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** normalizeForMatch without any spaces: "T.B.D.", "t b d" and "TBD" all become "tbd". */
export function compactForMatch(text: string): string {
  return normalizeForMatch(text).replace(/ /g, '');
}

/** Number of words (runs of letters or digits). */
export function wordCount(text: string): number {
  const normalized = normalizeForMatch(text);
  return normalized === '' ? 0 : normalized.split(' ').length;
}

/** True when the text has no letters or digits at all (empty, white space, punctuation only). */
export function isBlank(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}
