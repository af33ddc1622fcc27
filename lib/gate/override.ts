/**
 * Leaving the dialog without fixing the handoff: close anyway with a reason (recorded on the deal,
 * one record per deal for a bulk move), go on in warn mode, or cancel the move.
 */
import type { DealRef } from '@/lib/domain/deal';
import type { CrmProblem } from '@/lib/domain/problem';
import { recordGateEvent } from './audit';
import { cancelCreate, continueCreate } from './create';
import { openGate, type BulkDialog, type DialogStore, type GateDialog } from './dialogState';
import type { GateServices, OverrideResult } from './services';

export interface OverrideDeps {
  dialog: DialogStore;
  services: Pick<GateServices, 'override' | 'audit'>;
  /** Saves what the rep typed locally (form.ts). */
  flushDraft(): Promise<void>;
  /** Closes the dialog and completes the move (form.ts). */
  finish(d: GateDialog, event: null): void;
  /** Reads the deal again for the badge once the move went through. */
  rearm(deal: DealRef): void;
}

export function startOverride({ dialog }: Pick<OverrideDeps, 'dialog'>): void {
  dialog.update((d) => (d && d.kind !== 'checking' && d.kind !== 'create' && d.kind !== 'recorded-locally' ? { ...d, overriding: true, note: null } : d));
}

export function setReason({ dialog }: Pick<OverrideDeps, 'dialog'>, reason: string): void {
  dialog.update((d) => (d && d.kind !== 'checking' && d.kind !== 'create' && d.kind !== 'recorded-locally' ? { ...d, reason } : d));
}

/**
 * What the rep reads when the override's record is not in the CRM (the background words it, as
 * it knows the CRM); null when the CRM has it.
 */
function noticeOf(result: OverrideResult): string | null {
  if (result.recorded === 'crm') return null;
  if (result.notice) return result.notice;
  const why = result.problem ? ` (${result.problem.message})` : '';
  return result.recorded === 'not-queued'
    ? `The override could not be recorded in the CRM${why}, nor kept on this computer.`
    : `Not recorded in the CRM yet${why}; Baton keeps it on this computer and sends it later.`;
}

/** The rep has read where the override's record is: the move completes. */
export function acknowledgeRecorded({ dialog }: Pick<OverrideDeps, 'dialog'>): void {
  const d = dialog.get();
  if (d?.kind !== 'recorded-locally') return;
  dialog.set(null);
  d.proceed();
}

/** "Close anyway": needs a reason; records a Task / note and an audit entry, then lets the move through. */
export async function confirmOverride(deps: OverrideDeps): Promise<void> {
  const { dialog } = deps;
  const d = dialog.get();
  // A creation has no record to write the override on yet (create.ts): no close-anyway there.
  if (!d || d.kind === 'checking' || d.kind === 'create' || d.kind === 'recorded-locally' || d.busy) return;
  if (!/\S/.test(d.reason)) {
    dialog.set({ ...d, note: { tone: 'error', text: 'Write why you are closing without a complete handoff; it is recorded on the deal.' } });
    return;
  }
  dialog.set({ ...d, busy: true });
  if (d.kind === 'bulk') {
    await overrideBulk(deps, { ...d, busy: true });
    return;
  }
  const findings = d.kind === 'gate' ? d.evaluation.findings : [];
  const reason = reasonGiven(d.reason, d.kind === 'failed' ? d.problem : null);
  let result: OverrideResult;
  try {
    result = await deps.services.override(d.move.deal, reason, findings, d.targetLabel);
  } catch (error) {
    dialog.set({ ...d, busy: false, note: { tone: 'error', text: `The override could not be recorded (${(error as Error).message}); the deal was not moved.` } });
    return;
  }
  const notice = noticeOf(result);
  // Recorded nowhere: an override must leave a trace, so the move does not happen.
  if (result.recorded === 'not-queued') {
    dialog.set({ ...d, busy: false, note: { tone: 'error', text: `${notice ?? ''} The deal was not moved; try again, or cancel.` } });
    return;
  }
  if (d.kind === 'gate') await deps.flushDraft();
  const complete = () => {
    d.move.proceed();
    deps.rearm(d.move.deal);
  };
  if (notice === null) {
    dialog.set(null);
    complete();
    return;
  }
  dialog.set({ kind: 'recorded-locally', move: d.move, text: notice, proceed: complete });
}

/** The rep's reason as recorded; when Baton could not read the deal, why, so the record says it was never checked. */
function reasonGiven(reason: string, problem: CrmProblem | null): string {
  return problem ? `${reason.trim()} (Baton could not check the handoff: ${problem.message})` : reason.trim();
}

/** Bulk dialog: close anyway for every deal that blocks, one recorded override each. */
async function overrideBulk(deps: OverrideDeps, d: BulkDialog): Promise<void> {
  const notices: string[] = [];
  try {
    for (const item of d.items) {
      const result = await deps.services.override(item.deal, reasonGiven(d.reason, item.problem), item.evaluation?.findings ?? [], d.targetLabel);
      const notice = noticeOf(result);
      if (result.recorded === 'not-queued') throw new Error(`${item.name || item.deal.recordId}: ${notice ?? 'not recorded'}`);
      if (notice !== null) notices.push(`${item.name || item.deal.recordId}: ${notice}`);
    }
  } catch (error) {
    deps.dialog.set({ ...d, busy: false, note: { tone: 'error', text: `The override could not be recorded (${(error as Error).message}); nothing was moved.` } });
    return;
  }
  if (notices.length === 0) {
    deps.dialog.set(null);
    d.bulk.proceed();
    return;
  }
  deps.dialog.set({ kind: 'recorded-locally', move: d.move, text: notices.join('\n'), proceed: () => d.bulk.proceed() });
}

/** Warn mode: go on without fixing. */
export function continueAnyway(deps: Pick<OverrideDeps, 'dialog' | 'finish'>): void {
  const current = deps.dialog.get();
  if (current?.kind === 'create') return continueCreate(deps.dialog);
  if (current?.kind === 'bulk' && current.mode === 'warn') {
    deps.dialog.set(null);
    current.bulk.proceed();
    return;
  }
  const d = openGate(deps.dialog);
  if (!d || d.mode !== 'warn') return;
  deps.finish(d, null);
}

/** The move will not happen: the dialog closes, the draft is kept, the page is told, the cancel recorded. */
export function cancel(deps: Pick<OverrideDeps, 'dialog' | 'flushDraft' | 'services'>): void {
  const d = deps.dialog.get();
  if (!d) return;
  if (d.kind === 'create') return cancelCreate(deps.dialog);
  // The override is already recorded (here, on its way to the CRM): Esc only closes the notice.
  if (d.kind === 'recorded-locally') {
    acknowledgeRecorded(deps);
    return;
  }
  if (d.kind === 'gate') void deps.flushDraft();
  deps.dialog.set(null);
  d.move.abandon?.();
  void recordGateEvent(deps.services.audit, d.move.deal, 'cancelled', d.kind === 'gate' ? d.evaluation : null);
}
