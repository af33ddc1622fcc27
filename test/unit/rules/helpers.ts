import { emptyArtifact, type ElementKey, type RawArtifact } from '@/lib/domain/elements';
import { defaultRulesConfig, type RulesConfig } from '@/lib/rules/config';
import { evaluateRaw } from '@/lib/rules';
import type { DealContext, Evaluation, Finding, RuleId, RuleMode } from '@/lib/rules/types';
import { FIXTURE_TODAY } from '@/test/fixtures/artifacts';

/**
 * A complete, good handoff artifact: no finding with the default rules. Tests change one element
 * at a time, so a finding can only come from the change.
 */
export const GOOD: Readonly<RawArtifact> = {
  useCase:
    'Route all inbound support email and chat for 300 agents in EMEA through one shared queue, replacing Zendesk. Team leads get live dashboards of backlog per region.',
  successMetric: 'Cut median first response time from 9 hours to 2 hours within 90 days of go-live.',
  riskFlags: '[high] Champion Maria Lopez may move to another team in Q2\n[medium] Legal has not reviewed the DPA yet',
  whyBought:
    'Their ticket backlog doubled after the merger and the old tool cannot route by region or language.',
  promises:
    '[committed] SSO with Okta live before go-live | owner: Dana Lee | due: 2027-02-01 | sign-off: VP CS\n[planned] Slack alerts for priority one escalations',
  stakeholders: 'Maria Lopez | champion | maria@acme.com\nTom Berg | economic buyer | tom@acme.com\nAli Khan | technical owner',
  timeline: 'Go-live: 2027-03-01\n30 days: Admins trained\n2027-04-15: First QBR',
  knownGaps: 'No native Jira Server integration; the customer accepted the cloud connector for now.',
};

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
  /** Start from an empty artifact instead of GOOD. */
  empty?: boolean;
}

/** Evaluates GOOD (or an empty artifact) with some elements replaced. */
export function evalWith(changes: Partial<RawArtifact>, options: EvalOptions = {}): Evaluation {
  const raw = { ...(options.empty ? emptyArtifact() : GOOD), ...changes };
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

