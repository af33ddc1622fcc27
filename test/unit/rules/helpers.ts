import { emptyArtifact, type ElementKey, type RawArtifact } from '@/lib/domain/elements';
import { defaultRulesConfig, type RulesConfig } from '@/lib/rules/config';
import { evaluateRaw } from '@/lib/rules';
import type { DealContext, Evaluation, Finding, RuleId, RuleMode } from '@/lib/rules/types';
import { FIXTURE_TODAY } from '@/test/fixtures/artifacts';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

export const CTX: Readonly<DealContext> = {
  amount: 50_000,
  closeDate: '2027-01-15',
  stage: 'Negotiation',
  pipeline: 'default',
  today: FIXTURE_TODAY,
};

export function config(modes: Partial<Record<RuleId, RuleMode>> = {}, edit?: (c: RulesConfig) => void): RulesConfig {
  const c = defaultRulesConfig();
  Object.assign(c.modes, modes);
  edit?.(c);
  return c;
}

export interface EvalOptions {
  ctx?: Partial<DealContext>;
  config?: RulesConfig;
  /** Start from an empty artifact instead of GOOD_HANDOFF. */
  empty?: boolean;
}

/** Evaluates GOOD_HANDOFF (or an empty artifact) with some elements replaced. */
export function evalWith(changes: Partial<RawArtifact>, options: EvalOptions = {}): Evaluation {
  const raw = { ...(options.empty ? emptyArtifact() : GOOD_HANDOFF), ...changes };
  return evaluateRaw(raw, { ...CTX, ...options.ctx }, options.config ?? config());
}

export function findings(e: Evaluation, rule?: RuleId, element?: ElementKey): Finding[] {
  return e.findings.filter((f) => (rule === undefined || f.rule === rule) && (element === undefined || f.element === element));
}

export function rulesOf(e: Evaluation): RuleId[] {
  return [...new Set(e.findings.map((f) => f.rule))];
}

/** Trips every rule at once with the default configuration. */
export const KITCHEN_SINK: RawArtifact = {
  useCase: '',
  successMetric: 'Happier agents',
  riskFlags: 'None\nThe old tool cannot route tickets by region or language',
  whyBought: 'The old tool cannot route tickets by region or language.',
  promises: 'Dashboards should be possible\n[committed] SSO live\n[exploring] Offline mode\n[planned] Alerts | colour: blue',
  stakeholders: 'Bob Smith\nAli Khan | technical owner\nTBD',
  timeline: 'Go-live: 2027-01-01\nsometime in spring',
  knownGaps: '',
};

