/**
 * Baton's rules engine: judges a parsed handoff artifact against the deal and the configured rules
 * and returns findings (what is wrong, what to do), a 0–100 score and whether the close is blocked.
 *
 * Pure and deterministic: no clock (today comes in DealContext), no I/O, same input → same
 * findings in the same order (element in ELEMENT_KEYS order, then rule in RULE_IDS order, then
 * line). Linear in the size of the input, whatever the input: every regular expression that
 * touches user text is free of nested or overlapping quantifiers.
 */
import { NON_NEGOTIABLES, type RawArtifact } from '@/lib/domain/elements';
import { parseArtifact, type ParsedArtifact } from '@/lib/domain/artifact';
import type { RulesConfig } from './config';
import type { DealContext, Evaluation } from './types';
import { FindingSink, type RuleFamily, type RuleInput } from './engine';
import { assessArtifact, isFilled } from './assess';
import { prepareArtifact } from './prepare';
import { presenceRules } from './presence';
import { metricRules } from './metric';
import { riskRules } from './risks';
import { commitmentRules } from './commitments';
import { promiseRules } from './promises';
import { stakeholderRules } from './stakeholders';
import { timelineRules } from './timeline';
import { copiedRules } from './copied';
import { unparsedRules } from './unparsed';
import { scoreFindings } from './score';

/** Every rule family, each a pure function of the input that adds findings to the sink. */
const FAMILIES: readonly RuleFamily[] = [
  presenceRules,
  metricRules,
  riskRules,
  commitmentRules,
  promiseRules,
  stakeholderRules,
  timelineRules,
  copiedRules,
  unparsedRules,
];

export function evaluateArtifact(parsed: ParsedArtifact, ctx: DealContext, config: RulesConfig): Evaluation {
  const text = prepareArtifact(parsed.raw);
  const assessed = assessArtifact(text, parsed);
  const sink = new FindingSink(config);
  const input: RuleInput = { parsed, ctx, config, text, assessed, sink };
  for (const family of FAMILIES) family(input);
  const findings = sink.finish();
  const { score, breakdown } = scoreFindings(findings);
  return {
    findings,
    score,
    breakdown,
    nonNegotiablesFilled: NON_NEGOTIABLES.filter((k) => isFilled(assessed[k])).length,
    nonNegotiablesReady: NON_NEGOTIABLES.filter(
      (k) => isFilled(assessed[k]) && !findings.some((f) => f.element === k && f.severity === 'block'),
    ).length,
    blocks: findings.some((f) => f.severity === 'block'),
  };
}

/** Parses the raw CRM text (parseArtifact), then evaluates it. */
export function evaluateRaw(raw: RawArtifact, ctx: DealContext, config: RulesConfig): Evaluation {
  return evaluateArtifact(parseArtifact(raw), ctx, config);
}

export { scoreFindings, ELEMENT_WEIGHTS, BLOCK_COST, WARN_COST } from './score';
export { MAX_LINE_FINDINGS } from './engine';
export { isPlaceholderText, isKeyboardMash, isJunkWord } from './placeholderText';
export { hasVagueCommitment } from './vagueText';
export { metricShape } from './metricText';
