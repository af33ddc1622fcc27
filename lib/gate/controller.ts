/**
 * The gate, host-agnostic: the host adapter (Salesforce, HubSpot) recognises a move to a won stage
 * and hands it over, held; the gate reads the deal fresh, judges the handoff, and either lets the
 * move through untouched or opens the handoff dialog, where the rep fixes the fields (saved to the
 * CRM, then the move completes), closes anyway with a reason (recorded), or cancels. If the deal
 * cannot be read it never passes silently: it says what failed and offers retry or the audited
 * close-anyway.
 *
 * This is the one object the views (components/overlay) and the host adapters talk to; each job
 * lives in its own file:
 *   readiness.ts  the badge: the deal on screen, judged; what "ready" means
 *   verdict.ts    is the move a move to a won stage
 *   decide.ts     hold the move or not; once held: pass, the handoff dialog, or the fail-safe
 *   bulk.ts       the same for several deals at once
 *   create.ts     a new deal created in a won stage, judged on the CRM's own form
 *   form.ts       the dialog's form: drafts, re-judging as the rep types, saving with conflicts
 *   override.ts   close anyway with a reason, continue in warn mode, cancel
 * Nothing here touches the DOM. Everything the gate starts (timers) ends with `signal`.
 */
import type { DealRef } from '@/lib/domain/deal';
import type { ElementKey } from '@/lib/domain/elements';
import type { DealSnapshot } from '@/lib/domain/snapshot';
import { systemClock, type Clock } from '@/lib/domain/clock';
import { holdBulk, type BulkDeps } from './bulk';
import { holdCreate, retryCreate, shouldHoldCreate, type CreateDeps } from './create';
import { DealReader, type PageFallback } from './dealReader';
import { hold, retry, shouldHold, type DecideDeps } from './decide';
import type { DialogState } from './dialogState';
import { HandoffForm, writableElements } from './form';
import type { HeldBulkMove, HeldCreate, HeldMove } from './heldMove';
import { acknowledgeRecorded, cancel, confirmOverride, continueAnyway, setReason, startOverride, type OverrideDeps } from './override';
import { ReadinessTracker, type Readiness } from './readiness';
import type { GateServices } from './services';
import { Store } from './store';

export class GateController {
  /** The badge's state. */
  readonly readiness: Store<Readiness>;
  /** The dialog's state. */
  readonly dialog = new Store<DialogState>(null);
  private readonly reader: DealReader;
  private readonly tracker: ReadinessTracker;
  private readonly form: HandoffForm;
  private readonly deciding: DecideDeps;
  private readonly bulk: BulkDeps;
  private readonly creating: CreateDeps;
  private readonly leaving: OverrideDeps;

  constructor(services: GateServices, clock: Clock = systemClock, signal: AbortSignal = new AbortController().signal) {
    const dialog = this.dialog;
    const rearm = (deal: DealRef) => void this.tracker.arm(deal);
    this.reader = new DealReader(services);
    this.tracker = new ReadinessTracker(this.reader, clock);
    this.readiness = this.tracker.store;
    this.form = new HandoffForm({ dialog, services, clock, signal, rearm });
    this.deciding = { dialog, reader: this.reader, audit: services.audit, clock, openForm: (opening) => this.form.open(opening) };
    this.bulk = { dialog, reader: this.reader, audit: services.audit, clock };
    this.creating = { dialog, knownStages: (org) => this.reader.knownStages(org), stages: (org) => this.reader.stagesAndPolicy(org), clock };
    this.leaving = { dialog, services, flushDraft: () => this.form.flushDraft(), finish: (d, event) => this.form.finish(d, event), rearm };
  }

  /** How to read the deal off the page when the API is closed to Baton (the host adapter knows). */
  setPageFallback(fallback: PageFallback): void {
    this.reader.setPageFallback(fallback);
  }

  // ---- readiness (the badge): readiness.ts

  /** Reads the deal on screen and keeps its readiness; call on arrival and after the page saved. */
  arm(deal: DealRef): Promise<void> {
    return this.tracker.arm(deal);
  }

  /** The API was closed and the page had not drawn the deal yet: look at the page again. */
  readPageAgain(): void {
    this.tracker.readPageAgain();
  }

  disarm(): void {
    this.tracker.disarm();
  }

  /** Loads an org's stages ahead of need (a Kanban board, where no single deal is armed). */
  loadStages(deal: Pick<DealRef, 'crm' | 'instance'>): Promise<void> {
    return this.reader.loadStages(deal);
  }

  // ---- the decision: decide.ts, bulk.ts

  /** At the moment of the click: must the move be held? */
  shouldHold(move: HeldMove): boolean {
    return shouldHold(this.deciding, move);
  }

  /** Judges a held move; lets it through, or opens the dialog. */
  hold(move: HeldMove): Promise<void> {
    return hold(this.deciding, move);
  }

  /** A move of several deals at once. */
  holdBulk(bulk: HeldBulkMove): Promise<void> {
    return holdBulk(this.bulk, bulk);
  }

  /** At the moment of the click: must a new deal's creation be held? (create.ts) */
  shouldHoldCreate(create: HeldCreate): boolean {
    return shouldHoldCreate(this.creating, create);
  }

  /** Judges a held creation on what the CRM's form holds; lets it through, or opens the dialog. */
  holdCreate(create: HeldCreate): Promise<void> {
    return holdCreate(this.creating, create);
  }

  /** The fail-safe dialog's "Try again" (a move, or a creation). */
  retry(): Promise<void> {
    return this.dialog.get()?.kind === 'create' ? retryCreate(this.creating) : retry(this.deciding);
  }

  // ---- the dialog's form: form.ts

  edit(element: ElementKey, text: string): void {
    this.form.edit(element, text);
  }

  flushDraft(): Promise<void> {
    return this.form.flushDraft();
  }

  saveAndClose(): Promise<void> {
    return this.form.saveAndClose();
  }

  retryPending(): Promise<void> {
    return this.form.retryPending();
  }

  static writableElements(snapshot: DealSnapshot): Set<ElementKey> {
    return writableElements(snapshot);
  }

  // ---- leaving without the fix: override.ts

  continueAnyway(): void {
    continueAnyway(this.leaving);
  }

  startOverride(): void {
    startOverride(this.leaving);
  }

  setReason(reason: string): void {
    setReason(this.leaving, reason);
  }

  confirmOverride(): Promise<void> {
    return confirmOverride(this.leaving);
  }

  /** The rep has read that the override's record is not in the CRM yet: the move completes. */
  acknowledgeRecorded(): void {
    acknowledgeRecorded(this.leaving);
  }

  cancel(): void {
    cancel(this.leaving);
  }
}
