/**
 * The gate, host-agnostic: the host adapter (Salesforce, HubSpot) recognises a move to a won stage
 * and hands it over, held; the controller reads the deal fresh, judges the handoff, and either
 * lets the move through untouched or opens the handoff dialog, where the rep fixes the fields
 * (saved to the CRM, then the move completes), closes anyway with a reason (recorded), or cancels.
 * If the deal cannot be read it never passes silently: it says what failed and offers retry or
 * the audited close-anyway.
 *
 * Views read the two stores (readiness for the badge, dialog for the dialog) and call the
 * action methods; nothing here touches the DOM.
 */
import type { DealRef } from '@/lib/domain/deal';
import { dealKey } from '@/lib/domain/deal';
import { ELEMENT_KEYS, type ElementKey, type RawArtifact } from '@/lib/domain/elements';
import type { DealSnapshot, StageOption } from '@/lib/domain/snapshot';
import { meansNoApiAccess, type CrmProblem } from '@/lib/domain/problem';
import type { ArtifactFields } from '@/lib/db/common';
import type { OutboxSummary, Policy } from '@/lib/messaging/protocol';
import { evaluateRaw } from '@/lib/rules';
import type { DealContext, Evaluation } from '@/lib/rules/types';
import { decideGate } from './decision';
import type { GateServices } from './services';
import { stageLabel, wonVerdict, type StageTarget, type WonVerdict } from './stages';
import { Store } from './store';

export interface HeldMove {
  deal: DealRef;
  /** The stage the move goes to, or the collapsed "Closed" chevron of a Salesforce Path. */
  target: StageTarget | 'collapsed-closed';
  /** The page offered only closed stages to choose from (Salesforce's closed-stage modal). */
  amongClosedStages: boolean;
  /** What the rep typed into the page's own edit form for handoff fields, not yet saved. */
  pendingEdits: Partial<RawArtifact>;
  /** Lets the held move happen now, as if Baton had not been there. */
  proceed(): void;
  /** Ends a move that will not happen, when the page needs telling (a drag still in the air). */
  abandon?(): void;
}

export type Readiness =
  | { kind: 'idle' }
  | { kind: 'loading'; deal: DealRef }
  | { kind: 'ready'; deal: DealRef; snapshot: DealSnapshot; policy: Policy; evaluation: Evaluation }
  | { kind: 'failed'; deal: DealRef; problem: CrmProblem };

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

/** Several deals moved at once (HubSpot bulk edit). */
export interface HeldBulkMove {
  deals: DealRef[];
  target: StageTarget;
  proceed(): void;
  abandon?(): void;
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

export type DialogState = null | { kind: 'checking'; move: HeldMove } | GateDialog | FailedDialog | BulkDialog;

/** Builds a read-only snapshot from the page when the API is closed to us, or null if it cannot. */
export type PageFallback = (deal: DealRef, problem: CrmProblem) => DealSnapshot | null;

// Only when the CRM cannot tell us (API closed, no stage list): a label that says "won" in the
// languages of our customers widens the gate. It never narrows it: a known non-won stage passes.
const LOOKS_WON = /\b(won|win)\b|closedwon|gewonnen|gagn[ée]|ganad[oa]|vint[oa]|ganh[oa]|wygran|vunnen|成約|受注|赢/i;

export function today(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function contextOf(snapshot: DealSnapshot, target: string, now = new Date()): DealContext {
  return {
    amount: snapshot.amount,
    closeDate: snapshot.closeDate,
    stage: target,
    pipeline: snapshot.pipeline?.id ?? null,
    today: today(now),
  };
}

const DRAFT_DELAY_MS = 400;
const EVALUATE_AT_ONCE_CHARS = 20_000;
const EVALUATE_DELAY_MS = 250;

export class GateController {
  readonly readiness = new Store<Readiness>({ kind: 'idle' });
  readonly dialog = new Store<DialogState>(null);
  private stagesByOrg = new Map<string, StageOption[]>();
  private draftTimer: ReturnType<typeof setTimeout> | null = null;
  private evaluateTimer: ReturnType<typeof setTimeout> | null = null;
  private armedAt = 0;

  private fallback: PageFallback | null = null;

  constructor(
    private readonly services: GateServices,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** How to read the deal off the page when the API is closed to Baton (the host adapter knows). */
  setPageFallback(fallback: PageFallback): void {
    this.fallback = fallback;
  }

  // ---- readiness (the badge) ----------------------------------------------------------------

  /** Reads the deal on screen and keeps its readiness; call on arrival and after the page saved. */
  async arm(deal: DealRef): Promise<void> {
    const current = this.readiness.get();
    const same = current.kind !== 'idle' && dealKey(current.deal) === dealKey(deal);
    if (!same) this.readiness.set({ kind: 'loading', deal });
    const started = ++this.armedAt;
    const result = await this.readDeal(deal);
    if (started !== this.armedAt) return; // navigated on meanwhile
    performance.mark('baton:deal-data');
    if (result.ok) {
      const { snapshot, policy } = result;
      const evaluation = evaluateRaw(snapshot.artifact, contextOf(snapshot, snapshot.stage.label, this.now()), policy.rules);
      this.readiness.set({ kind: 'ready', deal, snapshot, policy, evaluation });
      performance.mark('baton:gate-armed');
    } else {
      this.readiness.set({ kind: 'failed', deal, problem: result.problem });
    }
  }

  disarm(): void {
    this.armedAt++;
    this.readiness.set({ kind: 'idle' });
  }

  /** The deal, from the API, or read off the page when the API is closed to us. */
  private async readDeal(deal: DealRef): Promise<{ ok: true; snapshot: DealSnapshot; policy: Policy } | { ok: false; problem: CrmProblem }> {
    let result;
    try {
      result = await this.services.snapshot(deal);
    } catch (error) {
      return { ok: false, problem: { kind: 'network', message: `Baton’s background did not answer (${(error as Error).message}).` } };
    }
    if (result.ok) {
      if (result.snapshot.stages) this.stagesByOrg.set(`${deal.crm}:${deal.instance}`, result.snapshot.stages);
      return result;
    }
    if (meansNoApiAccess(result.problem.kind) && this.fallback) {
      const fromPage = this.fallback(deal, result.problem);
      if (fromPage) return { ok: true, snapshot: { ...fromPage, stages: fromPage.stages ?? this.knownStages(deal) }, policy: result.policy };
    }
    return { ok: false, problem: result.problem };
  }

  private knownStages(deal: Pick<DealRef, 'crm' | 'instance'>): StageOption[] | null {
    return this.stagesByOrg.get(`${deal.crm}:${deal.instance}`) ?? null;
  }

  /** Loads an org's stages ahead of need (a Kanban board, where no single deal is armed). */
  async loadStages(deal: Pick<DealRef, 'crm' | 'instance'>): Promise<void> {
    if (this.knownStages(deal)) return;
    try {
      const result = await this.services.stages(deal);
      if (result.ok) this.stagesByOrg.set(`${deal.crm}:${deal.instance}`, result.stages);
    } catch (error) {
      console.warn('[baton] Could not load the stages.', error);
    }
  }

  // ---- the gate -----------------------------------------------------------------------------

  private verdict(move: HeldMove, stages: readonly StageOption[] | null): WonVerdict {
    if (move.target === 'collapsed-closed') {
      if (stages === null) return 'unknown';
      const closed = stages.filter((s) => s.closed);
      return closed.length > 0 && closed.every((s) => s.won) ? 'won' : 'not-won';
    }
    return wonVerdict(stages, move.target);
  }

  /**
   * At the moment of the click: must the move be held? Known non-won moves are not (they pass
   * untouched, with no delay); won and unknown ones are, and hold() then looks.
   */
  shouldHold(move: HeldMove): boolean {
    if (this.dialog.get() !== null) return true; // one decision at a time; the dialog is modal anyway
    return this.verdict(move, this.knownStages(move.deal)) !== 'not-won';
  }

  private targetLabel(move: HeldMove, stages: readonly StageOption[] | null): string {
    if (move.target === 'collapsed-closed') return stages?.find((s) => s.won)?.label ?? 'Closed Won';
    return stageLabel(stages, move.target);
  }

  /** Judges a held move; lets it through, or opens the dialog. */
  async hold(move: HeldMove): Promise<void> {
    if (this.dialog.get() !== null) return;
    this.dialog.set({ kind: 'checking', move });
    const result = await this.readDeal(move.deal);
    if (!result.ok) {
      this.dialog.set({
        kind: 'failed',
        move,
        problem: result.problem,
        targetLabel: this.targetLabel(move, this.knownStages(move.deal)),
        busy: false,
        note: null,
        overriding: false,
        reason: '',
      });
      return;
    }
    const { snapshot, policy } = result;
    let verdict = this.verdict(move, snapshot.stages);
    if (verdict === 'unknown') {
      const label = move.target === 'collapsed-closed' ? '' : move.target.label;
      const value = move.target === 'collapsed-closed' ? '' : (move.target.value ?? '');
      verdict = move.target === 'collapsed-closed' ? 'not-won' : move.amongClosedStages || LOOKS_WON.test(label) || LOOKS_WON.test(value) ? 'won' : 'not-won';
    }
    if (verdict === 'not-won') {
      this.dialog.set(null);
      move.proceed();
      return;
    }
    const targetLabel = this.targetLabel(move, snapshot.stages);
    const fields: RawArtifact = { ...snapshot.artifact, ...move.pendingEdits };
    const evaluation = evaluateRaw(fields, contextOf(snapshot, targetLabel, this.now()), policy.rules);
    const decision = decideGate(evaluation, policy.enforcement);
    if (decision === 'pass') {
      this.dialog.set(null);
      void this.audit(move.deal, 'gate-passed', evaluation);
      move.proceed();
      return;
    }

    let draft = { fields: null, baseValues: null, updatedAt: null } as Awaited<ReturnType<GateServices['draftGet']>>;
    try {
      draft = await this.services.draftGet(move.deal);
    } catch (error) {
      console.warn('[baton] Could not read the saved draft.', error);
    }
    const restored = draft.fields !== null && ELEMENT_KEYS.some((k) => draft.fields?.[k] !== undefined && draft.fields[k] !== fields[k]);
    const form: RawArtifact = { ...fields, ...(draft.fields ?? {}) };
    const base: RawArtifact = { ...snapshot.artifact, ...(draft.baseValues ?? {}) };
    const formEvaluation = restored ? evaluateRaw(form, contextOf(snapshot, targetLabel, this.now()), policy.rules) : evaluation;
    this.dialog.set({
      kind: 'gate',
      move,
      mode: decision,
      snapshot,
      policy,
      fields: form,
      base,
      evaluation: formEvaluation,
      targetLabel,
      restoredDraft: restored,
      busy: false,
      note: restored ? { tone: 'info', text: 'Restored what you typed earlier; it is not saved to the CRM yet.' } : null,
      conflicts: {},
      pending: await this.services.outbox(move.deal).catch(() => []),
      overriding: false,
      reason: '',
    });
    void this.audit(move.deal, decision === 'block' ? 'gate-blocked' : 'warned', evaluation);
  }

  /**
   * A move of several deals at once: each is read and judged; when none blocks the move goes
   * through, otherwise one dialog lists the deals that stop it (or could not be checked), with
   * their findings and links to fix them, and the audited close-anyway for all of them.
   */
  async holdBulk(bulk: HeldBulkMove): Promise<void> {
    if (this.dialog.get() !== null || bulk.deals.length === 0) return;
    const first = bulk.deals[0] as DealRef;
    const asMove: HeldMove = { deal: first, target: bulk.target, amongClosedStages: false, pendingEdits: {}, proceed: bulk.proceed, ...(bulk.abandon ? { abandon: bulk.abandon } : {}) };
    this.dialog.set({ kind: 'checking', move: asMove });
    const results = await Promise.all(bulk.deals.map((deal) => this.readDeal(deal).then((r) => ({ deal, r }))));
    let stages: readonly StageOption[] | null = null;
    let policy: Policy | null = null;
    for (const { r } of results) {
      if (r.ok) {
        stages ??= r.snapshot.stages;
        policy ??= r.policy;
      }
    }
    let verdict = wonVerdict(stages, bulk.target);
    if (verdict === 'unknown') verdict = LOOKS_WON.test(bulk.target.label) || LOOKS_WON.test(bulk.target.value ?? '') ? 'won' : 'not-won';
    if (verdict === 'not-won' || policy?.enforcement === 'off') {
      this.dialog.set(null);
      bulk.proceed();
      return;
    }
    const targetLabel = stageLabel(stages, bulk.target);
    const items: BulkItem[] = [];
    let anyBlocks = false;
    for (const { deal, r } of results) {
      if (!r.ok) {
        items.push({ deal, name: deal.recordId, url: null, evaluation: null, problem: r.problem });
        anyBlocks = true;
        continue;
      }
      const evaluation = evaluateRaw(r.snapshot.artifact, contextOf(r.snapshot, targetLabel, this.now()), r.policy.rules);
      if (evaluation.blocks) {
        items.push({ deal, name: r.snapshot.name, url: r.snapshot.url, evaluation, problem: null });
        anyBlocks = true;
      } else {
        void this.audit(deal, 'gate-passed', evaluation);
      }
    }
    if (!anyBlocks) {
      this.dialog.set(null);
      bulk.proceed();
      return;
    }
    const mode = policy?.enforcement === 'warn' ? 'warn' : 'block';
    for (const item of items) void this.audit(item.deal, mode === 'block' ? 'gate-blocked' : 'warned', item.evaluation);
    this.dialog.set({ kind: 'bulk', move: asMove, bulk, mode, items, total: bulk.deals.length, targetLabel, busy: false, note: null, overriding: false, reason: '' });
  }

  /** Bulk dialog: close anyway for every deal that blocks, one recorded override each. */
  private async overrideBulk(d: BulkDialog): Promise<void> {
    const reason = d.reason.trim();
    try {
      for (const item of d.items) {
        const why = item.problem ? `${reason} (Baton could not check the handoff: ${item.problem.message})` : reason;
        await this.services.override(item.deal, why, item.evaluation?.findings ?? [], d.targetLabel);
      }
    } catch (error) {
      this.dialog.set({ ...d, busy: false, note: { tone: 'error', text: `The override could not be recorded (${(error as Error).message}); nothing was moved.` } });
      return;
    }
    this.dialog.set(null);
    d.bulk.proceed();
  }

  private async audit(deal: DealRef, event: 'gate-passed' | 'gate-blocked' | 'warned' | 'cancelled' | 'saved-and-closed', evaluation: Evaluation | null): Promise<void> {
    try {
      await this.services.audit(deal, event, evaluation?.findings ?? []);
    } catch (error) {
      console.warn('[baton] Could not record the gate event.', error);
    }
  }

  private gate(): GateDialog | null {
    const d = this.dialog.get();
    return d?.kind === 'gate' ? d : null;
  }

  private setGate(change: (d: GateDialog) => GateDialog): void {
    this.dialog.update((d) => (d?.kind === 'gate' ? change(d) : d));
  }

  /**
   * The rep typed in the dialog: re-judge at once, save the draft shortly after. A handoff of
   * more than EVALUATE_AT_ONCE_CHARS is re-judged once typing pauses instead: the rules take
   * about a millisecond per 10 KB, and keystrokes must not wait for them.
   */
  edit(element: ElementKey, text: string): void {
    this.setGate((d) => {
      const fields = { ...d.fields, [element]: text };
      const large = ELEMENT_KEYS.reduce((n, k) => n + fields[k].length, 0) > EVALUATE_AT_ONCE_CHARS;
      return {
        ...d,
        fields,
        evaluation: large ? d.evaluation : this.evaluate(d, fields),
        note: d.note?.tone === 'info' && d.restoredDraft ? d.note : null,
      };
    });
    if (this.evaluateTimer) clearTimeout(this.evaluateTimer);
    this.evaluateTimer = setTimeout(() => this.reevaluate(), EVALUATE_DELAY_MS);
    this.scheduleDraft();
  }

  private evaluate(d: GateDialog, fields: RawArtifact): Evaluation {
    return evaluateRaw(fields, contextOf(d.snapshot, d.targetLabel, this.now()), d.policy.rules);
  }

  private reevaluate(): void {
    if (this.evaluateTimer) clearTimeout(this.evaluateTimer);
    this.evaluateTimer = null;
    this.setGate((d) => ({ ...d, evaluation: this.evaluate(d, d.fields) }));
  }

  private scheduleDraft(): void {
    if (this.draftTimer) clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => void this.flushDraft(), DRAFT_DELAY_MS);
  }

  /** Saves what the rep typed locally (survives a reload, a crash, a failed save). */
  async flushDraft(): Promise<void> {
    if (this.draftTimer) clearTimeout(this.draftTimer);
    this.draftTimer = null;
    const d = this.gate();
    if (!d) return;
    const changed = changedFields(d.fields, d.snapshot.artifact);
    try {
      await this.services.draftSave(d.move.deal, changed, pick(d.base, Object.keys(changed) as ElementKey[]));
    } catch (error) {
      console.warn('[baton] Could not save the draft.', error);
    }
  }

  /** Elements the rep can write: mapped to a field the CRM has and lets them edit. */
  static writableElements(snapshot: DealSnapshot): Set<ElementKey> {
    if (!snapshot.writable) return new Set();
    const blocked = new Set(snapshot.fieldIssues.map((i) => i.element));
    return new Set(ELEMENT_KEYS.filter((k) => !blocked.has(k)));
  }

  /** "Save and close won": write the changed fields (conflict-checked), then complete the move. */
  async saveAndClose(): Promise<void> {
    if (this.evaluateTimer) this.reevaluate(); // judge exactly what is in the form
    const d = this.gate();
    if (!d || d.busy) return;
    if (d.mode === 'block' && d.evaluation.blocks) {
      this.setGate((g) => ({ ...g, note: { tone: 'error', text: 'Fix the items marked “blocks closing” first, or close anyway with a reason.' } }));
      return;
    }
    const changed = changedFields(d.fields, d.snapshot.artifact);
    const keys = Object.keys(changed) as ElementKey[];
    if (keys.length === 0) {
      this.finish(d, 'saved-and-closed');
      return;
    }
    this.setGate((g) => ({ ...g, busy: true, note: { tone: 'info', text: 'Saving to the CRM…' } }));
    await this.flushDraft();
    let result;
    try {
      result = await this.services.saveFields(d.move.deal, changed, pick(d.base, keys));
    } catch (error) {
      this.setGate((g) => ({ ...g, busy: false, note: { tone: 'error', text: `Not saved: ${(error as Error).message}. Your text is kept here.` } }));
      return;
    }
    if (result.outcome === 'saved') {
      this.finish(d, 'saved-and-closed');
      return;
    }
    if (result.outcome === 'conflict') {
      const conflicts: Partial<Record<ElementKey, string>> = {};
      for (const c of result.conflicts) conflicts[c.element] = c.theirs;
      this.setGate((g) => ({
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
    const pending = await this.services.outbox(d.move.deal).catch(() => d.pending);
    this.setGate((g) => ({
      ...g,
      busy: false,
      pending,
      note: {
        tone: 'error',
        text: result.queued
          ? `${result.problem.message} Your changes wait in Baton and are sent automatically; the deal was not moved yet.`
          : `${result.problem.message} Your text is kept here.`,
      },
    }));
  }

  /** Warn mode: go on without fixing. */
  continueAnyway(): void {
    const current = this.dialog.get();
    if (current?.kind === 'bulk' && current.mode === 'warn') {
      this.dialog.set(null);
      current.bulk.proceed();
      return;
    }
    const d = this.gate();
    if (!d || d.mode !== 'warn') return;
    this.finish(d, null);
  }

  private finish(d: GateDialog, event: 'saved-and-closed' | null): void {
    this.dialog.set(null);
    if (event) void this.audit(d.move.deal, event, d.evaluation);
    d.move.proceed();
    void this.arm(d.move.deal);
  }

  startOverride(): void {
    this.dialog.update((d) => (d && d.kind !== 'checking' ? { ...d, overriding: true, note: null } : d));
  }

  setReason(reason: string): void {
    this.dialog.update((d) => (d && d.kind !== 'checking' ? { ...d, reason } : d));
  }

  /** "Close anyway": needs a reason; records a Task / note and an audit entry, then lets the move through. */
  async confirmOverride(): Promise<void> {
    const d = this.dialog.get();
    if (!d || d.kind === 'checking' || d.busy) return;
    if (!/\S/.test(d.reason)) {
      this.dialog.set({ ...d, note: { tone: 'error', text: 'Write why you are closing without a complete handoff; it is recorded on the deal.' } });
      return;
    }
    this.dialog.set({ ...d, busy: true });
    if (d.kind === 'bulk') {
      await this.overrideBulk({ ...d, busy: true });
      return;
    }
    const findings = d.kind === 'gate' ? d.evaluation.findings : [];
    const reason = d.kind === 'failed' ? `${d.reason.trim()} (Baton could not check the handoff: ${d.problem.message})` : d.reason.trim();
    try {
      await this.services.override(d.move.deal, reason, findings, d.targetLabel);
    } catch (error) {
      this.dialog.set({ ...d, busy: false, note: { tone: 'error', text: `The override could not be recorded (${(error as Error).message}); the deal was not moved.` } });
      return;
    }
    if (d.kind === 'gate') await this.flushDraft();
    this.dialog.set(null);
    d.move.proceed();
    void this.arm(d.move.deal);
  }

  cancel(): void {
    const d = this.dialog.get();
    if (!d) return;
    if (d.kind === 'gate') void this.flushDraft();
    this.dialog.set(null);
    d.move.abandon?.();
    void this.audit(d.move.deal, 'cancelled', d.kind === 'gate' ? d.evaluation : null);
  }

  /** The fail-safe dialog's "Try again". */
  async retry(): Promise<void> {
    const d = this.dialog.get();
    if (d?.kind !== 'failed') return;
    this.dialog.set(null);
    await this.hold(d.move);
  }

  async retryPending(): Promise<void> {
    const d = this.gate();
    if (!d) return;
    const pending = await this.services.retryOutbox(d.move.deal).catch(() => d.pending);
    this.setGate((g) => ({ ...g, pending }));
  }
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
