/**
 * What the gate does with a move to a won stage, given the handoff's evaluation and the
 * enforcement mode. Pure, so every combination is tested without a page.
 */
import type { Evaluation } from '@/lib/rules/types';
import type { EnforcementMode } from '@/lib/settings/schema';

export type GateDecision =
  /** Let the move through untouched. */
  | 'pass'
  /** Stop it: the rep fixes the handoff, or closes anyway with a reason. */
  | 'block'
  /** Show the findings; the rep may go on without a reason. */
  | 'warn';

export function decideGate(evaluation: Evaluation, mode: EnforcementMode): GateDecision {
  if (mode === 'off' || !evaluation.blocks) return 'pass';
  return mode === 'warn' ? 'warn' : 'block';
}

/** "Ready" only when nothing blocks and all three non-negotiables are filled and good enough. */
export function isHandoffReady(evaluation: Evaluation): boolean {
  return !evaluation.blocks && evaluation.nonNegotiablesReady === 3;
}
