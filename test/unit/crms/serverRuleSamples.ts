import type { ElementKey } from '@/lib/domain/elements';
import { evaluateRaw } from '@/lib/rules';
import { defaultRulesConfig, type RulesConfig } from '@/lib/rules/config';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

const CONTEXT = { amount: 60_000, closeDate: '2026-11-30', stage: 'Closed Won', pipeline: null, today: '2026-12-01' };

/** Does Baton's rules engine block the close on this element when it holds this value? */
export function engineBlocks(element: ElementKey, value: string, rules: RulesConfig): boolean {
  const raw = { ...GOOD_HANDOFF, [element]: value };
  return evaluateRaw(raw, CONTEXT, rules).findings.some((f) => f.element === element && f.severity === 'block');
}

/** A placeholder as people type it: as is, shouted, capitalised, with punctuation and white space around. */
export function placeholderVariants(term: string): string[] {
  const capital = term.charAt(0).toUpperCase() + term.slice(1);
  return [term, term.toUpperCase(), capital, `${term}.`, ` ${capital}!! `, `(${term})`, `- ${term.toUpperCase()} -`, `\n${term}\n`, `"${term}"`];
}

/** Values near the line between a placeholder and real text. */
export const NEAR_MISSES = [
  'TBD later', 'tbd - will confirm', 'TBD TBD', 'n/a n/a', 'N.A.', 'n / a', 't.b.d.', 'T B D', '- none', '* TBD',
  '[high] TBD', '1. tbd', 'none — confirmed by Dana Lee', 'No known risks, confirmed with the customer', 'none.',
  'Rollout TBD', 'asdf asdf', 'test', 'Testing the SSO rollout for 300 agents', 'pending', 'Pending legal review of the DPA',
  'NONE', 'na', 'nan', 'tbdl', 'TBC!', 'todo: write this', 'to be determined', 'To Be Confirmed.', 'see notes',
  'lorem ipsum dolor sit amet', '未定', 'なし', '—', '–', '…', '¿?', '🙂', 'N/A 🙂', '_', '__', '\u00a0', '\u200b', 'ｔｂｄ', 'ＴＢＤ',
  'tbd\u0301', 'Ⓣⓑⓓ', 'n\u00a0a', 'N/A — see the SOW for 90 day metrics', 'x', 'xx', 'xxx', 'xxxx', 'ok', 'ok.', 'OK!',
  'yes', 'No', 'unknown', 'Unknown vendor lock-in', 'etc', 'etc.', 'idk', 'ditto', 'same as above', 'same',
];

/** Pieces random values are made of: placeholders, real words, numbers, punctuation, white space. */
export const SAMPLE_PIECES = [
  'tbd', 'TBD', 'n/a', 'N/A', 'none', 'None', 'na', 'pending', 'test', 'asdf', 'xxx', 'todo', 'to be', 'determined',
  'confirmed', 'see', 'notes', 'unknown', '未定', 'なし', 'ok', 'yes', 'no',
  'customer', 'rollout', 'migrate', '300 agents', 'churn', 'by Q3', 'within 90 days', '15%', 'Dana Lee', '[high]', '[low]',
  ' ', '  ', '\n', '\t', '.', ',', '-', '—', '!', '?', '(', ')', '/', '*', '#', ':', '"', "'", '_', '…', '🙂', '\u00a0',
];

/** The default rules with some modes changed. */
export function withModes(changes: Partial<RulesConfig['modes']>): RulesConfig {
  const rules = defaultRulesConfig();
  return { ...rules, modes: { ...rules.modes, ...changes } };
}
