/**
 * CSV of the console's current view: RFC 4180 (CRLF rows, fields quoted when they hold a quote,
 * comma or line break, quotes doubled), UTF-8 with a byte-order mark so spreadsheet programs read
 * the accents right, and no formula injection: a text cell starting with =, +, -, @ (or a tab or
 * carriage return, which some programs skip before reading a formula) is prefixed with ', and so is
 * such a start after a comma, semicolon or tab inside the cell, because a spreadsheet opened in a
 * locale whose list separator is ";" (or a user who splits a column) would read it as a new cell;
 * cells holding any separator are quoted as well. (OWASP, "CSV Injection":
 * https://owasp.org/www-community/attacks/CSV_Injection)
 */
import { ELEMENT_LABELS } from '@/lib/domain/elements';
import type { ConsoleRow } from './rows';

export type CsvCell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A formula start right after a separator a spreadsheet may split on. */
const FORMULA_AFTER_SEPARATOR = /([,;\t][ ]*)([=+\-@])/g;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const guarded = value.replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
  const text = FORMULA_START.test(guarded) ? `'${guarded}` : guarded;
  return /[",;\t\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CSV_HEADER = [
  'Deal', 'CRM', 'Owner', 'Account', 'Status', 'Stage', 'Amount', 'Currency', 'Close date', 'Score',
  'Missing non-negotiables', 'Findings', 'Placeholder text', 'Overrides', 'Override reasons', 'CS acknowledged', 'CSM rating', 'Reviewed',
  'Records not counted', 'Link',
] as const;

export function consoleCsv(rows: readonly ConsoleRow[]): string {
  return toCsv(
    CSV_HEADER,
    rows.map((r) => [
      r.name, r.source, r.owner, r.account, r.status, r.stage, r.amount, r.currency, r.closeDate, r.score,
      r.missing.map((k) => ELEMENT_LABELS[k]).join('; '), r.findings, r.placeholder, r.overrides, r.overrideReasons.join(' | '),
      r.acknowledged, r.csmRating, r.reviewed, r.notCounted, r.url,
    ]),
  );
}

/** The bytes to download: UTF-8 with a BOM. */
export function csvBlob(csv: string): Blob {
  return new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' });
}
