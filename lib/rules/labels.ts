import type { RuleId } from './types';

/** How each rule is named to people (options page, manager console). */
export const RULE_LABELS: Record<RuleId, string> = {
  'missing-non-negotiable': 'A non-negotiable (use case, success metric, risk flags) is empty',
  'missing-element': 'Another handoff element is empty',
  placeholder: 'Placeholder or junk text (TBD, N/A, asdf …)',
  'too-short': 'Too little substance (fewer words than the minimum)',
  'metric-no-number': 'Success metric without a number',
  'metric-no-time-bound': 'Success metric without a time bound',
  'risk-none-unconfirmed': '"No risks" without the explicit confirmation',
  'vague-commitment': 'Vague commitment language ("should be possible" …)',
  'promise-no-tier': 'Promise without a certainty tier',
  'promise-committed-incomplete': 'Committed promise without owner, date or sign-off',
  'promise-exploring': 'Exploring promise used to close',
  'stakeholder-no-role': 'Stakeholder without a role',
  'stakeholder-no-champion': 'No champion named',
  'stakeholder-no-economic-buyer': 'No economic buyer named (above the amount threshold)',
  'golive-before-close': 'Go-live date before the close date',
  'golive-in-past': 'Go-live date in the past',
  'copied-between-elements': 'Text copied from one element into another',
  'unparsed-lines': 'Lines Baton could not understand',
};
