/**
 * Risk flags: one risk per line, optionally with a severity; or the explicit confirmation that
 * there are none. A bare "none" is remembered (unconfirmedNone) so the rules can block it: "no
 * risks" nobody stands behind is how surprises reach CS.
 *
 *   [high] Champion leaves in March
 *   Legal has not reviewed the DPA
 *   No known risks — confirmed by Dana Lee on 2027-01-31
 */
import type { NoRisksConfirmation, ParsedRiskFlags, RiskFlag, RiskSeverity } from '@/lib/domain/items';
import { describeBadDate, parseDate } from '@/lib/domain/dates';
import { isBlank, normalizeForMatch } from '@/lib/domain/text';
import {
  contentLines,
  NO_WORDS_REASON,
  readLabel,
  trimSeparators,
  unparsed,
  type SourceLine,
} from '@/lib/domain/lineFormat';

export const CONFIRMATION_EXAMPLE = 'No known risks — confirmed by Dana Lee on 2027-01-31';

const SEVERITIES: Record<string, RiskSeverity> = {
  high: 'high', 'high risk': 'high', 'severity high': 'high', 'high severity': 'high',
  medium: 'medium', med: 'medium', 'medium risk': 'medium', 'severity medium': 'medium', 'medium severity': 'medium',
  low: 'low', 'low risk': 'low', 'severity low': 'low', 'low severity': 'low',
};

/** Whole lines (normalised) that mean "there are no risks". */
const NONE_PHRASES = new Set([
  'none', 'none identified', 'none known', 'none so far', 'none at this time', 'none yet', 'none noted',
  'no risks', 'no risk', 'no known risks', 'no known risk', 'no risks identified', 'no risk identified',
  'no known risks identified', 'no risks known', 'no risks at this time',
  'n a', 'na', 'not applicable', 'nothing', 'nothing identified', 'nothing known', 'nothing to report',
  'nil', 'no issues', 'no concerns', 'no blockers',
]);

// A none phrase never needs more than this; longer lines are only checked by their start.
const NONE_WINDOW = 64;

/**
 * True when a line *starts* like a statement that there are no risks without being the
 * confirmation form: "No known risks, per Jane", "None at this time - see notes". The first
 * clause (up to a comma, colon, dash, bracket…) must be a whole "none" phrase, so "None of the
 * admins are trained" and "No risk of churn - pricing is fixed" stay risks.
 */
function startsLikeNone(body: string): boolean {
  const head = body.slice(0, NONE_WINDOW);
  if (head.toLowerCase().startsWith('no known risk')) return true;
  const clauseEnd = head.search(/[,;:([—–-]|\.(?:\s|$)/);
  return clauseEnd > 0 && isNonePhrase(head.slice(0, clauseEnd));
}

function isNonePhrase(text: string): boolean {
  return text.length <= NONE_WINDOW && NONE_PHRASES.has(normalizeForMatch(text));
}

type ConfirmationResult = { ok: NoRisksConfirmation } | { problem: string };

/** Reads "<name> on <date>" (the part after "confirmed by"); "on" may be left out. */
function readConfirmation(tail: string): ConfirmationResult {
  const lower = tail.toLowerCase();
  const on = lower.lastIndexOf(' on ');
  let name = '';
  let date: string | null = null;
  let dateText = '';
  if (on !== -1) {
    name = trimSeparators(tail.slice(0, on));
    dateText = tail.slice(on + 4);
    date = parseDate(dateText);
  }
  if (date === null) {
    // "confirmed by Dana Lee 2027-01-31" or "…Dana Lee, 31 Jan 2027": the date is the last 1–4 words.
    const words = tail.trim().split(/\s+/);
    for (let k = 1; k <= 4 && k < words.length && date === null; k++) {
      const candidate = parseDate(words.slice(-k).join(' '));
      if (candidate !== null) {
        date = candidate;
        name = trimSeparators(words.slice(0, -k).join(' '));
        if (/ on$/i.test(name)) name = trimSeparators(name.slice(0, -3));
      }
    }
  }
  if (date === null) {
    const why = on === -1 ? 'there is no date' : describeBadDate(dateText);
    return { problem: `The "no known risks" confirmation needs a date (${why}). Write it like: ${CONFIRMATION_EXAMPLE}.` };
  }
  if (name === '') {
    return { problem: `The "no known risks" confirmation needs the name of who confirmed it. Write it like: ${CONFIRMATION_EXAMPLE}.` };
  }
  return { ok: { confirmedBy: name, confirmedOn: date } };
}

/** The confirmation form, or null when the line is not one (head must be a "none" phrase). */
function readConfirmationLine(body: string): ConfirmationResult | null {
  const at = body.toLowerCase().indexOf('confirmed by');
  if (at === -1 || !isNonePhrase(body.slice(0, at))) return null;
  return readConfirmation(body.slice(at + 'confirmed by'.length));
}

export function parseRiskFlags(text: string): ParsedRiskFlags {
  const result: ParsedRiskFlags = { flags: [], noRisksConfirmation: null, unconfirmedNone: false, unparsed: [] };
  const report = (source: SourceLine, reason: string) => result.unparsed.push(unparsed(source, reason));

  for (const source of contentLines(text)) {
    const { body } = source;
    if (isBlank(body)) {
      report(source, NO_WORDS_REASON);
      continue;
    }

    const confirmation = readConfirmationLine(body);
    if (confirmation !== null) {
      if ('problem' in confirmation) {
        result.unconfirmedNone = true;
        report(source, confirmation.problem);
      } else if (result.noRisksConfirmation === null) {
        result.noRisksConfirmation = confirmation.ok;
      } else {
        report(source, 'A second "no known risks" confirmation; Baton kept the first one.');
      }
      continue;
    }
    if (isNonePhrase(body)) {
      result.unconfirmedNone = true;
      continue;
    }
    if (startsLikeNone(body)) {
      result.unconfirmedNone = true;
      report(source, `This reads as "no risks" but is not the confirmation form. Write it like: ${CONFIRMATION_EXAMPLE}.`);
      continue;
    }

    const labelled = readLabel(body, (label) => SEVERITIES[label] ?? null);
    if (labelled === null) {
      result.flags.push({ text: body, severity: null });
    } else if (isBlank(labelled.rest)) {
      report(source, 'A severity with no risk after it. Write the risk too, like: [high] Champion leaves in March.');
    } else {
      result.flags.push({ text: labelled.rest, severity: labelled.value });
    }
  }
  return result;
}

function serializeFlag(flag: RiskFlag): string {
  return flag.severity === null ? flag.text : `[${flag.severity}] ${flag.text}`;
}

/**
 * Canonical text: one flag per line, then "None" when a bare none was written, then the
 * confirmation. Unparsed lines are not written: they are the caller's to keep or show.
 */
export function serializeRiskFlags(p: ParsedRiskFlags): string {
  const lines = p.flags.map(serializeFlag);
  if (p.unconfirmedNone) lines.push('None');
  if (p.noRisksConfirmation !== null) {
    const { confirmedBy, confirmedOn } = p.noRisksConfirmation;
    lines.push(`No known risks — confirmed by ${confirmedBy} on ${confirmedOn}`);
  }
  return lines.join('\n');
}
