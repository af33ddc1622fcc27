/**
 * The handoff score: 0–100, an integer, with a per-element breakdown.
 *
 * Weights (they sum to 100): the three non-negotiables — use case, success metric, risk flags —
 * are worth 20 points each (60); the five other elements 8 points each (40).
 *
 * Every element starts at its full weight and loses points only through findings about it, so a
 * rule in mode off never costs points and the score always agrees with the findings shown:
 *  - an element-wide finding of missing-non-negotiable, missing-element or placeholder (the
 *    element is empty or only a placeholder) sets the element to 0;
 *  - every other rule with findings on the element costs a share of its weight, once per rule
 *    however many lines it flags: BLOCK_COST (50 %) when the rule blocks, WARN_COST (20 %) when it
 *    warns, nothing for info. An element never goes below 0.
 * The total is the sum of the element scores, rounded to the nearest integer. Element scores
 * are rounded to two decimals for display only.
 *
 * Consequences: an empty artifact scores 0 with the default rules, a complete artifact with no
 * findings scores 100, and adding a finding never raises the score.
 */
import { ELEMENT_KEYS, type ElementKey } from '@/lib/domain/elements';
import { RULE_IDS, type ElementScore, type Finding, type RuleId, type Severity } from './types';
import { ELEMENT_ORDER, RULE_ORDER } from './engine';

export const ELEMENT_WEIGHTS: Readonly<Record<ElementKey, number>> = {
  useCase: 20,
  successMetric: 20,
  riskFlags: 20,
  whyBought: 8,
  promises: 8,
  stakeholders: 8,
  timeline: 8,
  knownGaps: 8,
};

export const BLOCK_COST = 0.5;
export const WARN_COST = 0.2;

/** Rules whose element-wide findings mean "nothing usable here". */
const ZEROING: ReadonlySet<RuleId> = new Set(['missing-non-negotiable', 'missing-element', 'placeholder']);

const COST: Record<Severity, number> = { block: BLOCK_COST, warn: WARN_COST, info: 0 };

export interface Score {
  score: number;
  breakdown: ElementScore[];
}

export function scoreFindings(findings: readonly Finding[]): Score {
  // share[e] is the part of element e's weight still earned; cost[e * R + r] the highest cost
  // of rule r on element e so far (a rule counts once per element).
  const share: number[] = ELEMENT_KEYS.map(() => 1);
  const cost: number[] | null = findings.length === 0 ? null : new Array<number>(ELEMENT_KEYS.length * RULE_IDS.length).fill(0);
  for (const f of findings) {
    if (f.severity === 'info' || cost === null) continue;
    const e = ELEMENT_ORDER.get(f.element) ?? 0;
    if (f.line === undefined && ZEROING.has(f.rule)) {
      share[e] = -Infinity; // zeroed, whatever else is found
      continue;
    }
    const i = e * RULE_IDS.length + (RULE_ORDER.get(f.rule) ?? 0);
    const c = COST[f.severity];
    const before = cost[i] ?? 0;
    if (c > before) {
      share[e] = (share[e] ?? 1) - (c - before);
      cost[i] = c;
    }
  }

  let total = 0;
  const breakdown: ElementScore[] = [];
  for (let e = 0; e < ELEMENT_KEYS.length; e++) {
    const element = ELEMENT_KEYS[e] as ElementKey;
    const max = ELEMENT_WEIGHTS[element];
    const score = max * Math.max(0, share[e] ?? 1);
    total += score;
    breakdown.push({ element, score: Math.round(score * 100) / 100, max });
  }
  return { score: Math.min(100, Math.max(0, Math.round(total))), breakdown };
}
