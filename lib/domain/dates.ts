/**
 * Calendar dates as reps type them in CRM text fields, turned into ISO YYYY-MM-DD.
 *
 * Only unambiguous forms are read: year-first numbers and English month names. "03/04/2027" is
 * 3 April in London and March 4 in Boston, so Baton refuses to guess and asks for YYYY-MM-DD.
 * Dates are plain calendar days (no time zone); arithmetic is done in UTC so it never drifts.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};

// No date Baton reads is longer than this ("September 30th, 2027" is 20). Longer text is not a
// date, and the bound keeps every regex below working on a short string.
const MAX_DATE_CHARS = 40;

const ISO_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4})$/i;
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})$/i;
const NUMERIC_AMBIGUOUS = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Years 1000–9999 only: four digits, and "0227" is a typo, not the reign of Caracalla. */
function toIso(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a real calendar day written exactly as YYYY-MM-DD. */
export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && toIso(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}

/**
 * Reads one date: `2027-03-01`, `2027/03/01`, `1 Mar 2027`, `1st March, 2027`, `1-Mar-2027`,
 * `March 1, 2027`, `Mar 1 2027`. Returns ISO YYYY-MM-DD, or null when the text is not exactly
 * one unambiguous, real date. Never throws.
 */
export function parseDate(text: string): string | null {
  let t = text.trim();
  if (t.endsWith('.')) t = t.slice(0, -1).trimEnd(); // "on 2027-01-31." at the end of a sentence
  if (t.length === 0 || t.length > MAX_DATE_CHARS) return null;

  const iso = ISO_LIKE.exec(t);
  if (iso) return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const dmy = DAY_MONTH_YEAR.exec(t);
  if (dmy) {
    const month = MONTHS[(dmy[2] ?? '').toLowerCase()];
    return month === undefined ? null : toIso(Number(dmy[3]), month, Number(dmy[1]));
  }

  const mdy = MONTH_DAY_YEAR.exec(t);
  if (mdy) {
    const month = MONTHS[(mdy[1] ?? '').toLowerCase()];
    return month === undefined ? null : toIso(Number(mdy[3]), month, Number(mdy[2]));
  }
  return null;
}

/** Shortens user text quoted inside a message; the full text is always kept elsewhere. */
export function quote(text: string, max = 40): string {
  const t = text.trim();
  return `“${t.length > max ? `${t.slice(0, max)}…` : t}”`;
}

/** True when `text` has the shape of a date (even an impossible or ambiguous one). */
export function looksLikeDate(text: string): boolean {
  const t = text.trim();
  if (t.length > MAX_DATE_CHARS) return false;
  return ISO_LIKE.test(t) || NUMERIC_AMBIGUOUS.test(t) || DAY_MONTH_YEAR.test(t) || MONTH_DAY_YEAR.test(t);
}

/** Plain words for why `text` is not a date Baton reads (for UnparsedLine reasons). */
export function describeBadDate(text: string): string {
  const t = text.trim();
  if (t === '') return 'there is no date';
  if (NUMERIC_AMBIGUOUS.test(t)) {
    return `${quote(t)} can be read day-first or month-first; write it as YYYY-MM-DD, for example 2027-03-01`;
  }
  if (ISO_LIKE.test(t) || (t.length <= MAX_DATE_CHARS && (DAY_MONTH_YEAR.test(t) || MONTH_DAY_YEAR.test(t)))) {
    return `${quote(t)} is not a real calendar date`;
  }
  return `${quote(t)} is not a date Baton can read; write it as YYYY-MM-DD, for example 2027-03-01`;
}

const DAY_MS = 86_400_000;

function toUtcMs(iso: string): number | null {
  if (!isValidIsoDate(iso)) return null;
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/**
 * The ISO date `n` days after `iso` (n may be negative). Null when `iso` is not a valid date or
 * the result leaves years 1000–9999: callers get dates from CRM data and must handle that.
 */
export function addDays(iso: string, n: number): string | null {
  const ms = toUtcMs(iso);
  if (ms === null || !Number.isInteger(n)) return null;
  const d = new Date(ms + n * DAY_MS);
  if (Number.isNaN(d.getTime())) return null;
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from `a` to `b` (positive when b is later); null when either is not a valid date. */
export function daysBetween(a: string, b: string): number | null {
  const x = toUtcMs(a);
  const y = toUtcMs(b);
  return x === null || y === null ? null : Math.round((y - x) / DAY_MS);
}

/** Orders ISO dates chronologically (-1, 0, 1). YYYY-MM-DD sorts correctly as text. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
