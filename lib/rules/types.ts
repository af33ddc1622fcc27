import { z } from '@/lib/zod';
import { ElementKey, NON_NEGOTIABLES } from '@/lib/domain/elements';

export const Severity = z.enum(['block', 'warn', 'info']);
export type Severity = z.infer<typeof Severity>;

/** Every rule Baton knows. Each has a mode (block / warn / off) in RulesConfig. */
export const RULE_IDS = [
  'missing-non-negotiable',
  'missing-element',
  'placeholder',
  'too-short',
  'metric-no-number',
  'metric-no-time-bound',
  'risk-none-unconfirmed',
  'vague-commitment',
  'promise-no-tier',
  'promise-committed-incomplete',
  'promise-exploring',
  'stakeholder-no-role',
  'stakeholder-no-champion',
  'stakeholder-no-economic-buyer',
  'golive-before-close',
  'golive-in-past',
  'copied-between-elements',
  'unparsed-lines',
] as const;
export const RuleId = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleId>;

export const Finding = z.object({
  rule: RuleId,
  element: ElementKey,
  severity: Severity,
  /** A sentence a rep understands: what is wrong. */
  message: z.string().min(1),
  /** A sentence that says what to do about it. */
  fix: z.string().min(1),
  /** 1-based line within the element's text, when the finding is about one line. */
  line: z.number().int().min(1).optional(),
});
export type Finding = z.infer<typeof Finding>;

export const RuleMode = z.enum(['block', 'warn', 'off']);
export type RuleMode = z.infer<typeof RuleMode>;

/** What the deal looks like around the artifact. Dates are YYYY-MM-DD; today is injected for determinism. */
export const DealContext = z.object({
  amount: z.number().finite().nullable(),
  closeDate: z.string().nullable(),
  stage: z.string().nullable(),
  pipeline: z.string().nullable(),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type DealContext = z.infer<typeof DealContext>;

export const ElementScore = z.object({
  element: ElementKey,
  score: z.number().min(0), // points earned
  max: z.number().min(0), // points available (the element's weight)
});
export type ElementScore = z.infer<typeof ElementScore>;

export const Evaluation = z.object({
  findings: z.array(Finding),
  score: z.number().int().min(0).max(100),
  breakdown: z.array(ElementScore),
  nonNegotiablesFilled: z.number().int().min(0).max(NON_NEGOTIABLES.length),
  /** Non-negotiables that are filled and have no blocking finding: what the badge counts. */
  nonNegotiablesReady: z.number().int().min(0).max(NON_NEGOTIABLES.length),
  /** True when at least one finding has severity block. */
  blocks: z.boolean(),
});
export type Evaluation = z.infer<typeof Evaluation>;
