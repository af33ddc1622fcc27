/**
 * How ready the non-negotiables are, in words: the one wording of the badge, the gate dialog, the
 * brief and its Markdown, counted against NON_NEGOTIABLES so the total is never written by hand.
 */
import { NON_NEGOTIABLES } from '@/lib/domain/elements';
import type { Evaluation } from './types';

type Readiness = Pick<Evaluation, 'nonNegotiablesReady'>;

/** "2/3": non-negotiables ready, of all of them. */
export function readinessText(evaluation: Readiness): string {
  return `${evaluation.nonNegotiablesReady}/${NON_NEGOTIABLES.length}`;
}

/** "2 of 3 non-negotiables ready": the same, said in full (accessible names). */
export function readinessPhrase(evaluation: Readiness): string {
  return `${evaluation.nonNegotiablesReady} of ${NON_NEGOTIABLES.length} non-negotiables ready`;
}
