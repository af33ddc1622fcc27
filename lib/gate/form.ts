/**
 * The handoff dialog's form: opened on the deal's handoff with what the rep typed earlier
 * restored from the local draft, re-judged as the rep types, saved as a draft shortly after, and
 * written to the CRM with a conflict check before the held move completes ("Save and close won").
 */
import type { DealRef } from '@/lib/domain/deal';
import { ELEMENT_KEYS, type ArtifactFields, type ElementKey, type RawArtifact } from '@/lib/domain/elements';
import type { DealSnapshot } from '@/lib/domain/snapshot';
import type { Clock } from '@/lib/domain/clock';
import type { Policy } from '@/lib/messaging/protocol';
import type { Evaluation } from '@/lib/rules/types';
import { recordGateEvent } from './audit';
import { openGate, updateGate, type DialogStore, type GateDialog } from './dialogState';
import { evaluateHandoff } from './evaluate';
import type { HeldMove } from './heldMove';
import { later } from './lifetime';
import type { DraftResult, GateServices } from './services';

const DRAFT_DELAY_MS = 400;
const EVALUATE_AT_ONCE_CHARS = 20_000;
const EVALUATE_DELAY_MS = 250;

/** What the decision hands the form when a move is blocked or warned about. */
export interface FormOpening {
  move: HeldMove;
  mode: 'block' | 'warn';
  snapshot: DealSnapshot;
  policy: Policy;
  /** The CRM's handoff with the page's unsaved edits over it. */
  fields: RawArtifact;
  evaluation: Evaluation;
  targetLabel: string;
}

export interface FormDeps {
  dialog: DialogStore;
  services: Pick<GateServices, 'draftGet' | 'draftSave' | 'saveFields' | 'outbox' | 'retryOutbox' | 'audit'>;
  clock: Clock;
  /** The gate's lifetime: the draft and re-judge timers end with it. */
  signal: AbortSignal;
  /** Reads the deal again for the badge once the move went through. */
  rearm(deal: DealRef): void;
}

/** Elements the rep can write: mapped to a field the CRM has and lets them edit. */
export function writableElements(snapshot: DealSnapshot): Set<ElementKey> {
  if (!snapshot.writable) return new Set();
  const blocked = new Set(snapshot.fieldIssues.map((i) => i.element));
  return new Set(ELEMENT_KEYS.filter((k) => !blocked.has(k)));
}

/** The elements whose text differs from the CRM's. */
export function changedFields(fields: RawArtifact, crm: RawArtifact): ArtifactFields {
  const out: ArtifactFields = {};
  for (const k of ELEMENT_KEYS) if (fields[k] !== crm[k]) out[k] = fields[k];
  return out;
}

function pick(values: RawArtifact, keys: readonly ElementKey[]): ArtifactFields {
  const out: ArtifactFields = {};
  for (const k of keys) out[k] = values[k];
  return out;
}

/** The quiet notice when the rep's text cannot be kept on this computer; the CRM save does not need it. */
function draftProblemText(error: unknown): string {
  const detail = error instanceof Error && error.message ? ` (${error.message.slice(0, 200)})` : '';
  return `Baton cannot keep a copy of what you type on this computer${detail}: a reload would lose it. Saving to the CRM still works.`;
}

export class HandoffForm {
  private cancelDraft: (() => void) | null = null;
  private cancelEvaluate: (() => void) | null = null;

  constructor(private readonly deps: FormDeps) {}

  private get dialog(): DialogStore {
    return this.deps.dialog;
  }

  /** Opens the dialog on the form, with the rep's earlier draft restored over the handoff. */
  async open(o: FormOpening): Promise<void> {
    const { services } = this.deps;
    let draft: DraftResult = { fields: null, baseValues: null, updatedAt: null };
    let draftNotice: string | null = null;
    try {
      draft = await services.draftGet(o.move.deal);
    } catch (error) {
      console.warn('[baton] Could not read the saved draft.', error);
      draftNotice = draftProblemText(error);
    }
    const restored = draft.fields !== null && ELEMENT_KEYS.some((k) => draft.fields?.[k] !== undefined && draft.fields[k] !== o.fields[k]);
    const form: RawArtifact = { ...o.fields, ...(draft.fields ?? {}) };
    const base: RawArtifact = { ...o.snapshot.artifact, ...(draft.baseValues ?? {}) };
    this.dialog.set({
      kind: 'gate',
      move: o.move,
      mode: o.mode,
      snapshot: o.snapshot,
      policy: o.policy,
      fields: form,
      base,
      evaluation: restored ? evaluateHandoff(form, o.snapshot, o.targetLabel, o.policy.rules, this.deps.clock) : o.evaluation,
      targetLabel: o.targetLabel,
      restoredDraft: restored,
      busy: false,
      note: restored ? { tone: 'info', text: 'Restored what you typed earlier; it is not saved to the CRM yet.' } : null,
      conflicts: {},
      pending: await services.outbox(o.move.deal).catch(() => []),
      overriding: false,
      reason: '',
      draftNotice,
    });
  }

  /**
   * The rep typed in the dialog: re-judge at once, save the draft shortly after. A handoff of
   * more than EVALUATE_AT_ONCE_CHARS is re-judged once typing pauses instead: the rules take
   * about a millisecond per 10 KB, and keystrokes must not wait for them.
   */
  edit(element: ElementKey, text: string): void {
    updateGate(this.dialog, (d) => {
      const fields = { ...d.fields, [element]: text };
      const large = ELEMENT_KEYS.reduce((n, k) => n + fields[k].length, 0) > EVALUATE_AT_ONCE_CHARS;
      return {
        ...d,
        fields,
        evaluation: large ? d.evaluation : this.evaluate(d, fields),
        note: d.note?.tone === 'info' && d.restoredDraft ? d.note : null,
      };
    });
    this.cancelEvaluate?.();
    this.cancelEvaluate = later(this.deps.signal, EVALUATE_DELAY_MS, () => this.reevaluate());
    this.cancelDraft?.();
    this.cancelDraft = later(this.deps.signal, DRAFT_DELAY_MS, () => void this.flushDraft());
  }

  private evaluate(d: GateDialog, fields: RawArtifact): Evaluation {
    return evaluateHandoff(fields, d.snapshot, d.targetLabel, d.policy.rules, this.deps.clock);
  }

  private reevaluate(): void {
    this.cancelEvaluate?.();
    this.cancelEvaluate = null;
    updateGate(this.dialog, (d) => ({ ...d, evaluation: this.evaluate(d, d.fields) }));
  }

  /** Saves what the rep typed locally (survives a reload, a crash, a failed save). */
  async flushDraft(): Promise<void> {
    this.cancelDraft?.();
    this.cancelDraft = null;
    const d = openGate(this.dialog);
    if (!d) return;
    const changed = changedFields(d.fields, d.snapshot.artifact);
    let draftNotice: string | null = null;
    try {
      await this.deps.services.draftSave(d.move.deal, changed, pick(d.base, Object.keys(changed) as ElementKey[]));
    } catch (error) {
      console.warn('[baton] Could not save the draft.', error);
      draftNotice = draftProblemText(error);
    }
    if ((d.draftNotice ?? null) !== draftNotice) updateGate(this.dialog, (g) => ({ ...g, draftNotice }));
  }

  /** "Save and close won": write the changed fields (conflict-checked), then complete the move. */
  async saveAndClose(): Promise<void> {
    if (this.cancelEvaluate) this.reevaluate(); // judge exactly what is in the form
    const d = openGate(this.dialog);
    if (!d || d.busy) return;
    if (d.mode === 'block' && d.evaluation.blocks) {
      updateGate(this.dialog, (g) => ({ ...g, note: { tone: 'error', text: 'Fix the items marked “blocks closing” first, or close anyway with a reason.' } }));
      return;
    }
    const changed = changedFields(d.fields, d.snapshot.artifact);
    const keys = Object.keys(changed) as ElementKey[];
    if (keys.length === 0) {
      this.finish(d, 'saved-and-closed');
      return;
    }
    updateGate(this.dialog, (g) => ({ ...g, busy: true, note: { tone: 'info', text: 'Saving to the CRM…' } }));
    await this.flushDraft();
    let result;
    try {
      result = await this.deps.services.saveFields(d.move.deal, changed, pick(d.base, keys));
    } catch (error) {
      updateGate(this.dialog, (g) => ({ ...g, busy: false, note: { tone: 'error', text: `Not saved: ${(error as Error).message}. Your text is kept here.` } }));
      return;
    }
    if (result.outcome === 'saved') {
      this.finish(d, 'saved-and-closed');
      return;
    }
    if (result.outcome === 'conflict') {
      const conflicts: Partial<Record<ElementKey, string>> = {};
      for (const c of result.conflicts) conflicts[c.element] = c.theirs;
      updateGate(this.dialog, (g) => ({
        ...g,
        busy: false,
        conflicts,
        // The rep has now seen the newer text: the next save may replace it knowingly.
        base: { ...g.base, ...conflicts },
        snapshot: { ...g.snapshot, artifact: { ...g.snapshot.artifact, ...conflicts } },
        note: {
          tone: 'error',
          text: 'Someone changed these fields in the CRM while you were editing; nothing was saved. Their text is shown under each field; yours is kept. Save again to replace theirs.',
        },
      }));
      return;
    }
    const pending = await this.deps.services.outbox(d.move.deal).catch(() => d.pending);
    const { storage } = result;
    updateGate(this.dialog, (g) => ({
      ...g,
      busy: false,
      pending,
      note: {
        tone: 'error',
        text: result.queued
          ? `${result.problem.message} Your changes wait in Baton and are sent automatically; the deal was not moved yet.`
          : storage
            ? `${result.problem.message} ${storage} So your changes were not queued to be sent later: they are not in the CRM, and the deal was not moved. Your text is kept here; save again in a moment.`
            : `${result.problem.message} Your text is kept here.`,
      },
    }));
  }

  /** Closes the dialog and completes the move (saved, or warned and gone on with). */
  finish(d: GateDialog, event: 'saved-and-closed' | null): void {
    this.dialog.set(null);
    if (event) void recordGateEvent(this.deps.services.audit, d.move.deal, event, d.evaluation);
    d.move.proceed();
    this.deps.rearm(d.move.deal);
  }

  /** Sends the writes waiting in Baton's outbox for this deal now. */
  async retryPending(): Promise<void> {
    const d = openGate(this.dialog);
    if (!d) return;
    const pending = await this.deps.services.retryOutbox(d.move.deal).catch(() => d.pending);
    updateGate(this.dialog, (g) => ({ ...g, pending }));
  }
}
