/**
 * Where the gate decides what happens to a move to another stage: at the click, whether to hold
 * it at all (shouldHold); once held and the deal read, whether it passes untouched, opens the
 * handoff dialog (block or warn), or opens the fail-safe dialog because the deal could not be
 * read (hold). A move of several deals at once is decided in bulk.ts.
 */
import type { Clock } from '@/lib/domain/clock';
import type { Evaluation } from '@/lib/rules/types';
import type { EnforcementMode } from '@/lib/settings/schema';
import { recordGateEvent } from './audit';
import type { DealReader } from './dealReader';
import type { DialogStore } from './dialogState';
import { evaluateHandoff } from './evaluate';
import type { FormOpening } from './form';
import type { HeldMove } from './heldMove';
import type { GateServices } from './services';
import { isWonOnceRead, targetLabelOf, wonVerdictOf } from './verdict';

export type GateDecision =
  /** Let the move through untouched. */
  | 'pass'
  /** Stop it: the rep fixes the handoff, or closes anyway with a reason. */
  | 'block'
  /** Show the findings; the rep may go on without a reason. */
  | 'warn';

/** What a won move's handoff evaluation means under the enforcement mode. Pure, so every combination is tested without a page. */
export function decideGate(evaluation: Evaluation, mode: EnforcementMode): GateDecision {
  if (mode === 'off' || !evaluation.blocks) return 'pass';
  return mode === 'warn' ? 'warn' : 'block';
}

export interface DecideDeps {
  dialog: DialogStore;
  reader: Pick<DealReader, 'read' | 'knownStages'>;
  audit: GateServices['audit'];
  clock: Clock;
  /** Opens the handoff dialog on the form (form.ts). */
  openForm(opening: FormOpening): Promise<void>;
}

/**
 * At the moment of the click: must the move be held? Known non-won moves are not (they pass
 * untouched, with no delay); won and unknown ones are, and hold() then looks.
 */
export function shouldHold(deps: Pick<DecideDeps, 'dialog' | 'reader'>, move: HeldMove): boolean {
  if (deps.dialog.get() !== null) return true; // one decision at a time; the dialog is modal anyway
  return wonVerdictOf(move, deps.reader.knownStages(move.deal)) !== 'not-won';
}

/** Judges a held move; lets it through, or opens the dialog. */
export async function hold(deps: DecideDeps, move: HeldMove): Promise<void> {
  const { dialog } = deps;
  if (dialog.get() !== null) return;
  dialog.set({ kind: 'checking', move });
  const result = await deps.reader.read(move.deal);
  if (!result.ok) {
    dialog.set({
      kind: 'failed',
      move,
      problem: result.problem,
      targetLabel: targetLabelOf(move, deps.reader.knownStages(move.deal)),
      busy: false,
      note: null,
      overriding: false,
      reason: '',
    });
    return;
  }
  const { snapshot, policy } = result;
  if (!isWonOnceRead(move, snapshot.stages)) {
    dialog.set(null);
    move.proceed();
    return;
  }
  const targetLabel = targetLabelOf(move, snapshot.stages);
  const fields = { ...snapshot.artifact, ...move.pendingEdits };
  const evaluation = evaluateHandoff(fields, snapshot, targetLabel, policy.rules, deps.clock);
  const decision = decideGate(evaluation, policy.enforcement);
  if (decision === 'pass') {
    dialog.set(null);
    void recordGateEvent(deps.audit, move.deal, 'gate-passed', evaluation);
    move.proceed();
    return;
  }
  await deps.openForm({ move, mode: decision, snapshot, policy, fields, evaluation, targetLabel });
  void recordGateEvent(deps.audit, move.deal, decision === 'block' ? 'gate-blocked' : 'warned', evaluation);
}

/** The fail-safe dialog's "Try again". */
export async function retry(deps: DecideDeps): Promise<void> {
  const d = deps.dialog.get();
  if (d?.kind !== 'failed') return;
  deps.dialog.set(null);
  await hold(deps, d.move);
}
