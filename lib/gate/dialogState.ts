/**
 * What the gate's dialog shows, as data: the views (components/overlay/GateDialog.tsx) render it,
 * the gate's jobs (decide, bulk, form, override) move it from one state to the next.
 */
import type { ElementKey, RawArtifact } from '@/lib/domain/elements';
import type { DealRef } from '@/lib/domain/deal';
import type { DealSnapshot } from '@/lib/domain/snapshot';
import type { CrmProblem } from '@/lib/domain/problem';
import type { OutboxSummary, Policy } from '@/lib/messaging/protocol';
import type { Evaluation } from '@/lib/rules/types';
import type { HeldBulkMove, HeldCreate, HeldMove } from './heldMove';
import type { Store } from './store';

export interface Note {
  tone: 'error' | 'info';
  text: string;
}

export interface GateDialog {
  kind: 'gate';
  move: HeldMove;
  mode: 'block' | 'warn';
  snapshot: DealSnapshot;
  policy: Policy;
  /** The form: what the rep sees and edits. */
  fields: RawArtifact;
  /** CRM values the edit started from: the conflict check's base. */
  base: RawArtifact;
  evaluation: Evaluation;
  targetLabel: string;
  restoredDraft: boolean;
  busy: boolean;
  note: Note | null;
  /** Text someone else saved in the CRM meanwhile, per element. */
  conflicts: Partial<Record<ElementKey, string>>;
  pending: OutboxSummary[];
  overriding: boolean;
  reason: string;
  /** Set while Baton cannot keep the rep's text on this computer (its storage failed): why, in words. */
  draftNotice?: string | null;
}

export interface FailedDialog {
  kind: 'failed';
  move: HeldMove;
  problem: CrmProblem;
  targetLabel: string;
  busy: boolean;
  note: Note | null;
  overriding: boolean;
  reason: string;
}

export interface BulkItem {
  deal: DealRef;
  name: string;
  url: string | null;
  evaluation: Evaluation | null;
  /** Why the deal could not be checked, when it could not. */
  problem: CrmProblem | null;
}

export interface BulkDialog {
  kind: 'bulk';
  move: HeldMove;
  bulk: HeldBulkMove;
  mode: 'block' | 'warn';
  /** The deals whose handoff stops the move (or could not be checked). */
  items: BulkItem[];
  total: number;
  targetLabel: string;
  busy: boolean;
  note: Note | null;
  overriding: boolean;
  reason: string;
}

/** A new deal created in a won stage (lib/gate/create.ts): judged on what the CRM's form holds. */
export interface CreateDialog {
  kind: 'create';
  create: HeldCreate;
  mode: 'block' | 'warn';
  targetLabel: string;
  /** The rules' judgement of the form's handoff; null while checking, or when the stages could not be read. */
  evaluation: Evaluation | null;
  /** Handoff elements the CRM's create form does not show. */
  absent: ElementKey[];
  /** Why the creation could not be checked, when it could not. */
  problem: CrmProblem | null;
  busy: boolean;
  note: Note | null;
  overriding: false;
  reason: '';
}

/**
 * Close anyway went through, but its record is not in the CRM yet (signed out, not connected,
 * an outage) or the CRM refused it: the rep reads where it is before the move completes.
 */
export interface RecordedLocallyDialog {
  kind: 'recorded-locally';
  move: HeldMove;
  /** What happened to the record, in words. */
  text: string;
  /** Completes the held move (one deal, or every deal of a bulk move). */
  proceed(): void;
}

export type DialogState = null | { kind: 'checking'; move: HeldMove } | GateDialog | FailedDialog | BulkDialog | CreateDialog | RecordedLocallyDialog;

export type DialogStore = Store<DialogState>;

/** The single-deal dialog, when it is the one open. */
export function openGate(dialog: DialogStore): GateDialog | null {
  const d = dialog.get();
  return d?.kind === 'gate' ? d : null;
}

/** Changes the single-deal dialog, if it is still the one open. */
export function updateGate(dialog: DialogStore, change: (d: GateDialog) => GateDialog): void {
  dialog.update((d) => (d?.kind === 'gate' ? change(d) : d));
}
