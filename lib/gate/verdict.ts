/**
 * Is a held move a move to a won stage? The CRM's stage list says (lib/gate/stages.ts); this adds
 * what a held move can be beyond one stage (the collapsed "Closed" chevron of a Salesforce Path)
 * and, once the deal is read, the guess for when the CRM cannot tell.
 */
import type { StageOption } from '@/lib/domain/snapshot';
import type { HeldMove } from './heldMove';
import { findStage, stageLabel, wonVerdict, type WonVerdict } from './stages';

// Only when the CRM cannot tell us (API closed, no stage list): a label that says "won" in the
// languages of our customers widens the gate. It never narrows it: a known non-won stage passes.
const LOOKS_WON = /\b(won|win)\b|closedwon|gewonnen|gagn[ée]|ganad[oa]|vint[oa]|ganh[oa]|wygran|vunnen|成約|受注|赢/i;

type Move = Pick<HeldMove, 'target' | 'amongClosedStages'>;

/**
 * From the stages known so far; 'unknown' when they are not known or do not name the target.
 * "Mark Stage as Complete" into the collapsed Closed chevron is won only when every closed stage is.
 */
export function wonVerdictOf(move: Pick<HeldMove, 'target'>, stages: readonly StageOption[] | null): WonVerdict {
  if (move.target === 'collapsed-closed') {
    if (stages === null) return 'unknown';
    const closed = stages.filter((s) => s.closed);
    return closed.length > 0 && closed.every((s) => s.won) ? 'won' : 'not-won';
  }
  return wonVerdict(stages, move.target);
}

/**
 * The CRM's stage list is known and the page's target is none of its stages (a stage added since
 * the list was read, a label Baton cannot map): Baton cannot tell whether the move is won, and
 * holds it (decide.ts, bulk.ts) instead of guessing.
 */
export function isUnrecognisedStage(move: Pick<HeldMove, 'target'>, stages: readonly StageOption[] | null): boolean {
  return stages !== null && move.target !== 'collapsed-closed' && findStage(stages, move.target) === null;
}

/** What the fail-safe dialog says about a stage the CRM's list does not have. */
export function unrecognisedStageMessage(move: Pick<HeldMove, 'target'>): string {
  const shown = move.target === 'collapsed-closed' ? 'Closed' : move.target.label || move.target.value || '';
  return `Baton does not recognise the stage “${shown}” in the CRM’s stage list for this deal, so it cannot tell whether it is a won stage.`;
}

/**
 * Once the deal is read, never 'unknown': when the CRM's stages do not tell, a choice among closed
 * stages or a label or value that looks won counts as won; the collapsed chevron does not (the
 * page then asks which closed stage, and that choice is gated). A target missing from a known
 * stage list counts as won too (callers hold it first: isUnrecognisedStage).
 */
export function isWonOnceRead(move: Move, stages: readonly StageOption[] | null): boolean {
  const verdict = wonVerdictOf(move, stages);
  if (verdict !== 'unknown') return verdict === 'won';
  if (move.target === 'collapsed-closed') return false;
  if (stages !== null) return true;
  return move.amongClosedStages || LOOKS_WON.test(move.target.label) || LOOKS_WON.test(move.target.value ?? '');
}

/** The target stage as the rep knows it, for the dialog ("Closed Won"). */
export function targetLabelOf(move: Pick<HeldMove, 'target'>, stages: readonly StageOption[] | null): string {
  if (move.target === 'collapsed-closed') return stages?.find((s) => s.won)?.label ?? 'Closed Won';
  return stageLabel(stages, move.target);
}
