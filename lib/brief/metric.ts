/**
 * The parts of a success metric a CSM looks for first: where the customer starts (baseline),
 * where they want to be (target), by how much, and by when. Picked out of the rep's sentence
 * with bounded patterns on a bounded head of the text; anything not found stays null.
 */

export interface MetricParts {
  baseline: string | null;
  target: string | null;
  /** "15%", "by half", "2x" as stated; else worked out from baseline and target ("−78%", "+16 points"). */
  change: string | null;
  /** "by 2027-06-30", "within 90 days of go-live", "by end of Q3". */
  by: string | null;
}

// A quantity: a number ("9", "$1.2M", "85%") and unit words: up to three where a "to" must
// follow (the baseline: "9 hours per ticket to …"), one for the target ("to 2 hours").
const NUMBER = String.raw`(?:[$€£]\s?)?\d[\d.,]*\s?(?:%|[kKmM]\b)?`;
const FROM_TO = new RegExp(
  String.raw`\bfrom\s(${NUMBER}(?:\s[a-zA-Z]+){0,3})\s(?:to|down to|up to|->|→)\s(${NUMBER}(?:\s(?!(?:by|in|within|before|after|at|on|for|until|and|over|of)\b)[a-zA-Z]+)?)(?=[\s.,;:!?)]|$)`,
  'i',
);
const CHANGE = /\b(?:by|of)\s((?:\d{1,3}(?:[.,]\d+)?\s?%)|half|a third|a quarter|(?:\d{1,2}(?:[.,]\d)?\s?x))(?=[\s.,;:!?)]|$)|\b(\d{1,3}(?:[.,]\d+)?\s?%)\s(?:reduction|increase|decrease|improvement|fewer|less|more|faster|higher|lower)\b/i;
const BY = new RegExp(
  [
    String.raw`\b(?:by|before|until|no later than)\s(?:the\s)?(?:end\sof\s)?\d{4}-\d{2}-\d{2}\b`,
    String.raw`\b(?:within|in|inside|after)\s(?:the\s)?(?:first\s|next\s)?\d{1,4}\s(?:days?|weeks?|months?|quarters?|years?)(?:\s(?:of|after|from|post)\s(?:the\s)?[a-z-]+(?:\s[a-z-]+)?)?`,
    String.raw`\b(?:by|before|at)\s(?:the\s)?(?:end\sof\s)?(?:q[1-4]|h[12]|fy\s?\d{2,4})(?:\s\d{4})?\b`,
    String.raw`\bby\s(?:the\s)?end\sof\s(?:the\s)?(?:year|quarter|month|pilot|contract|q[1-4])(?:\s\d{4})?\b`,
    String.raw`\b(?:by|before|at)\s(?:the\s)?(?:first\s)?(?:go-live|renewal|launch|qbr|rollout)\b`,
    String.raw`\b(?:by|in|before)\s(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\s\d{4})?\b`,
  ].join('|'),
  'i',
);

/** Only the head of a metric is read: a metric is a sentence; a 1 MB one is not read to the end. */
const HEAD = 2000;

export function metricParts(text: string): MetricParts {
  const head = text.slice(0, HEAD);
  const fromTo = FROM_TO.exec(head);
  const stated = CHANGE.exec(head);
  const by = BY.exec(head);
  const baseline = fromTo?.[1]?.trim() ?? null;
  const target = fromTo?.[2]?.trim() ?? null;
  return {
    baseline,
    target,
    change: (stated?.[1] ?? stated?.[2])?.trim() ?? (baseline && target ? computedChange(baseline, target) : null),
    by: by?.[0]?.trim() ?? null,
  };
}

const QUANTITY = /^([$€£]\s?)?(\d[\d,]*(?:\.\d+)?)\s?(%|[kKmM]\b)?\s*(.*)$/;

/**
 * The relative change from baseline to target, when both are plain numbers in the same unit
 * ("9 hours" → "2 hours": −78%; "12" → "4 days": −67%). Percentages change by points
 * ("74%" → "90%": +16 points). Different units or magnitudes ("$1.2M" → "300k") are not guessed.
 */
function computedChange(baseline: string, target: string): string | null {
  const from = QUANTITY.exec(baseline);
  const to = QUANTITY.exec(target);
  if (!from || !to || (from[1] ?? '') !== (to[1] ?? '') || (from[3] ?? '') !== (to[3] ?? '')) return null;
  const fromUnit = from[4]?.toLowerCase() ?? '';
  const toUnit = to[4]?.toLowerCase() ?? '';
  if (fromUnit && toUnit && fromUnit !== toUnit) return null;
  const a = Number(from[2]?.replaceAll(',', ''));
  const b = Number(to[2]?.replaceAll(',', ''));
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) return null;
  const sign = (n: number) => (n > 0 ? '+' : '−');
  if (from[3] === '%') return `${sign(b - a)}${round(Math.abs(b - a))} points`;
  if (a === 0) return null;
  return `${sign(b - a)}${round((Math.abs(b - a) / a) * 100)}%`;
}

const round = (n: number) => String(Math.round(n * 10) / 10);
