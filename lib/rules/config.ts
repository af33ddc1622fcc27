import { z } from '@/lib/zod';
import { ElementKey, ELEMENT_KEYS } from '@/lib/domain/elements';
import { RULE_IDS, RuleId, RuleMode } from './types';

/** Defaults: what blocks a close out of the box. Everything else warns. */
export const DEFAULT_RULE_MODES: Record<RuleId, RuleMode> = {
  'missing-non-negotiable': 'block',
  'missing-element': 'warn',
  placeholder: 'block',
  'too-short': 'warn',
  'metric-no-number': 'block',
  'metric-no-time-bound': 'block',
  'risk-none-unconfirmed': 'block',
  'vague-commitment': 'warn',
  'promise-no-tier': 'warn',
  'promise-committed-incomplete': 'warn',
  'promise-exploring': 'warn',
  'stakeholder-no-role': 'warn',
  'stakeholder-no-champion': 'warn',
  'stakeholder-no-economic-buyer': 'warn',
  'golive-before-close': 'warn',
  'golive-in-past': 'warn',
  'copied-between-elements': 'warn',
  'unparsed-lines': 'warn',
};

export const RuleModes = z.object(
  Object.fromEntries(RULE_IDS.map((id) => [id, RuleMode])) as Record<RuleId, typeof RuleMode>,
);
export type RuleModes = z.infer<typeof RuleModes>;

export const MinWords = z.object(
  Object.fromEntries(ELEMENT_KEYS.map((k) => [k, z.number().int().min(0).max(500)])) as Record<
    ElementKey,
    z.ZodNumber
  >,
);
export type MinWords = z.infer<typeof MinWords>;

export const RuleThresholds = z.object({
  /** Fewer words than this in a filled element is "too little substance". */
  minWords: MinWords,
  /** Deals at or above this amount need a named champion (0 = always). */
  championAboveAmount: z.number().min(0),
  /** Deals at or above this amount need a named economic buyer (0 = always). */
  economicBuyerAboveAmount: z.number().min(0),
  /** Shortest text (characters, after normalisation) that counts as copied between elements. */
  copiedMinChars: z.number().int().min(8).max(10_000),
});
export type RuleThresholds = z.infer<typeof RuleThresholds>;

export const RulesConfig = z.object({
  modes: RuleModes,
  thresholds: RuleThresholds,
});
export type RulesConfig = z.infer<typeof RulesConfig>;

export function defaultRulesConfig(): RulesConfig {
  return {
    modes: { ...DEFAULT_RULE_MODES },
    thresholds: {
      minWords: {
        useCase: 8,
        successMetric: 6,
        riskFlags: 3,
        whyBought: 6,
        promises: 3,
        stakeholders: 2,
        timeline: 2,
        knownGaps: 3,
      },
      championAboveAmount: 0,
      economicBuyerAboveAmount: 25_000,
      copiedMinChars: 24,
    },
  };
}
