/**
 * Where the gate decides what happens to a move to another stage: at the click, whether to hold
 * it at all (shouldHold); once held and the deal read, whether it passes untouched, opens the
 * handoff dialog (block or warn), or opens the fail-safe dialog because the deal could not be
 * read, its stage is not in the CRM's list, or the page holds unsaved edits (hold). A handoff read
 * off the page (the CRM's API closed to Baton) never passes untouched. A move of several deals at
 * once is decided in bulk.ts.
 */
import type { Clock } from '@/lib/domain/clock';
import { ELEMENT_LABELS, type ElementKey } from '@/lib/domain/elements';
import type { CrmProblem } from '@/lib/domain/problem';
import type { DealSnapshot, StageOption } from '@/lib/domain/snapshot';
import type { Evaluation } from '@/lib/rules/types';
import type { EnforcementMode } from '@/lib/settings/schema';
import { recordGateEvent } from './audit';
import type { DealRead, DealReader } from './dealReader';
import type { CheckingDialog, DialogStore } from './dialogState';
import { evaluateHandoff } from './evaluate';
import type { FormOpening } from './form';
import type { HeldMove } from './heldMove';
import { beforeDeadline } from './lifetime';
import type { GateServices } from './services';
import { isUnrecognisedStage, isWonOnceRead, targetLabelOf, unrecognisedStageMessage, wonVerdictOf } from './verdict';

/**
 * The longest a held move waits for the deal to be read before the fail-safe dialog says so: a
 * read is up to four sequential CRM calls of up to 20 s each (lib/crms/shared/api/http.ts), and a
 * background that never answers (a blocked IndexedDB open) would otherwise keep "Checking…" open
 * for good.
 */
export const CHECK_DEADLINE_MS = 30_000;

export type GateDecision =
  /** Let the move through untouched. */
  | 'pass'
  /** Stop it: the rep fixes the handoff, or closes anyway with a reason. */
  | 'block'
  /** Show the findings; the rep may go on without a reason. */
  | 'warn';

/**
 * What a won move's handoff evaluation means under the enforcement mode. A handoff the CRM did not
 * confirm (read off the page) never passes, however good it looks, unless Baton is off. Pure, so
 * every combination is tested without a page.
 */
export function decideGate(evaluation: Evaluation, mode: EnforcementMode, confirmedByCrm = true): GateDecision {
  if (mode === 'off' || (!evaluation.blocks && confirmedByCrm)) return 'pass';
  return mode === 'warn' ? 'warn' : 'block';
}

export interface DecideDeps {
  dialog: DialogStore;
  reader: Pick<DealReader, 'read' | 'knownStages'>;
  audit: GateServices['audit'];
  clock: Clock;
  /** The gate's lifetime: the check's deadline timer ends with it. */
  signal: AbortSignal;
  /** How long a check may take before the fail-safe dialog says it timed out (CHECK_DEADLINE_MS). */
  checkDeadlineMs: number;
  /** Opens the handoff dialog on the form (form.ts); opens nothing once `checking` is gone. */
  openForm(opening: FormOpening, checking: CheckingDialog): Promise<void>;
}

/**
 * At the moment of the click: must the move be held? Known non-won moves are not (they pass
 * untouched, with no delay); won and unknown ones are, and hold() then looks.
 */
export function shouldHold(deps: Pick<DecideDeps, 'dialog' | 'reader'>, move: HeldMove): boolean {
  if (deps.dialog.get() !== null) return true; // one decision at a time; the dialog is modal anyway
  return wonVerdictOf(move, deps.reader.knownStages(move.deal)) !== 'not-won';
}

/** The deal, or the fail-safe's reason when it is not read within the deadline. */
function readBeforeDeadline(deps: DecideDeps, move: HeldMove): Promise<DealRead> {
  const seconds = Math.round(deps.checkDeadlineMs / 1000);
  return beforeDeadline(deps.signal, deps.checkDeadlineMs, deps.reader.read(move.deal), () => ({
    ok: false,
    problem: { kind: 'network', message: `Baton could not read the deal within ${seconds} seconds (the CRM or the browser did not answer).` },
  }));
}

/**
 * Handoff elements whose saved value the page does not show because it holds edits not saved yet,
 * less those the move itself saves (the page's own edit form, whose Save is the move).
 */
export function unsavedOnPage(snapshot: DealSnapshot, pendingEdits: HeldMove['pendingEdits']): ElementKey[] {
  if (snapshot.source !== 'page') return [];
  return snapshot.fieldIssues.filter((i) => i.problem === 'unsaved' && pendingEdits[i.element] === undefined).map((i) => i.element);
}

function unsavedProblem(elements: readonly ElementKey[], apiClosed: CrmProblem | undefined): CrmProblem {
  const names = elements.map((k) => ELEMENT_LABELS[k]).join(', ');
  return {
    kind: apiClosed?.kind ?? 'not-connected',
    message:
      `${apiClosed ? `${apiClosed.message} ` : ''}Baton read the deal off the page, which holds edits not saved yet, so it cannot tell what is saved in ${names}. ` +
      'Baton judges only what is saved: save or cancel the edits on the page, then try again.',
  };
}

/** Holds the move in the fail-safe dialog: Try again, close anyway with a reason, or cancel. */
function failSafe(deps: DecideDeps, move: HeldMove, problem: CrmProblem, stages: readonly StageOption[] | null): void {
  deps.dialog.set({ kind: 'failed', move, problem, targetLabel: targetLabelOf(move, stages), busy: false, note: null, overriding: false, reason: '' });
}

/**
 * Judges a held move; lets it through, or opens the dialog. While the deal is read the dialog says
 * "Checking…"; a Cancel meanwhile abandons the move, and the answer, when it comes, is dropped.
 */
export async function hold(deps: DecideDeps, move: HeldMove): Promise<void> {
  const { dialog } = deps;
  if (dialog.get() !== null) return;
  const checking: CheckingDialog = { kind: 'checking', move };
  dialog.set(checking);
  const result = await readBeforeDeadline(deps, move);
  if (dialog.get() !== checking) return; // cancelled while reading: the move is gone
  if (!result.ok) {
    failSafe(deps, move, result.problem, deps.reader.knownStages(move.deal));
    return;
  }
  const { snapshot, policy } = result;
  const off = policy.enforcement === 'off';
  if (isUnrecognisedStage(move, snapshot.stages) && !off) {
    failSafe(deps, move, { kind: 'not-found', message: unrecognisedStageMessage(move) }, snapshot.stages);
    return;
  }
  if (!isWonOnceRead(move, snapshot.stages)) {
    dialog.set(null);
    move.proceed();
    return;
  }
  const unsaved = unsavedOnPage(snapshot, move.pendingEdits);
  if (unsaved.length > 0 && !off) {
    failSafe(deps, move, unsavedProblem(unsaved, result.apiClosed), snapshot.stages);
    return;
  }
  const targetLabel = targetLabelOf(move, snapshot.stages);
  const fields = { ...snapshot.artifact, ...move.pendingEdits };
  const evaluation = evaluateHandoff(fields, snapshot, targetLabel, policy.rules, deps.clock);
  const unconfirmed: CrmProblem | null = snapshot.source === 'page' ? (result.apiClosed ?? { kind: 'not-connected', message: snapshot.notice ?? 'Baton read the deal off the page.' }) : null;
  const decision = decideGate(evaluation, policy.enforcement, unconfirmed === null);
  if (decision === 'pass') {
    dialog.set(null);
    void recordGateEvent(deps.audit, move.deal, 'gate-passed', evaluation);
    move.proceed();
    return;
  }
  await deps.openForm({ move, mode: decision, snapshot, policy, fields, evaluation, targetLabel, unconfirmed }, checking);
  if (dialog.get()?.kind !== 'gate') return; // cancelled before the form opened
  void recordGateEvent(deps.audit, move.deal, decision === 'block' ? 'gate-blocked' : 'warned', evaluation);
}

/** The fail-safe dialog's "Try again". */
export async function retry(deps: DecideDeps): Promise<void> {
  const d = deps.dialog.get();
  if (d?.kind !== 'failed') return;
  deps.dialog.set(null);
  await hold(deps, d.move);
}
