/**
 * The isolated-world half of the backstop (README, "The backstop"): Baton's gate hears the saves
 * the page-world script holds (saveHold.ts) and turns each into what a recognised click would
 * have been, a held move of the deal to the stage the save sets, with the handoff fields the same
 * save writes as the page's pending edits (savePlan.ts). The gate decides as for a click; its
 * "proceed" sends the page's save, and a cancel fails it.
 *
 * - A save of a move the gate let through lately (a click recognised and approved, the rep's
 *   close-anyway) goes at once: one move, one dialog (lib/gate/approvals.ts).
 * - A save to a stage the gate knows is not won goes at once, in the same task.
 * - The rest wait their turn behind any open dialog; saves that come in the same task and move
 *   single deals to the same stage (a bulk edit sent deal by deal) are judged as one bulk move.
 * - A save Baton cannot read is held with the fail-safe dialog saying so: with its deal (close
 *   anyway with a reason, or cancel), or without one (cancel only).
 * - When the rep saved the handoff in Baton's dialog, the page's save goes with that text in the
 *   handoff fields it writes, not the older text its edit form still held (savePlan.rewriteFor):
 *   otherwise the CRM would take the page's "TBD" back over the fixed handoff, on a won deal.
 *
 * Everything here ends with the gate's AbortSignal; the page-world script then hands the saves it
 * still holds to the next gate that connects.
 */
import type { DealRef } from '@/lib/domain/deal';
import type { RawArtifact } from '@/lib/domain/elements';
import type { CrmProblem } from '@/lib/domain/problem';
import type { GateController } from '@/lib/gate/controller';
import type { HeldMove } from '@/lib/gate/heldMove';
import { later } from '@/lib/gate/lifetime';
import type { CrmEntry } from '../entry';
import { SAVES_CONNECT_EVENT, SAVES_READY_EVENT, answerEvent, askEvent, byeEvent, readAsk, type HeldReading, type SaveRewrite } from './saveWire';
import type { SaveFieldNames } from './saveParsing';
import { planSave, rewriteFor, type HandoffFields, type PlannedCreate, type PlannedMove, type SavePlan } from './savePlan';


/** How long the backstop gathers held saves before judging them, so a bulk edit's saves are judged together. */
const BULK_GATHER_MS = 60;
export interface BackstopOptions {
  crm: Pick<CrmEntry, 'id'>;
  /** The org or portal of the page now (any page of the CRM: a save may come after in-app navigation). */
  instance(): string | null;
  controller: Pick<GateController, 'shouldHold' | 'hold' | 'holdBulk' | 'shouldHoldCreate' | 'holdCreate' | 'dialog' | 'approvals'>;
  /** The CRM's stage, amount, close date and pipeline fields. */
  fields: SaveFieldNames;
  /** The deal a record id of a save is, in the page's org or portal. */
  dealOf(instance: string, recordId: string): DealRef | null;
  /**
   * The field mapping: at once when the page read it already, else read now (a save can come
   * before the page has read it, right after the gate arrives).
   */
  mapping(): HandoffFields | null | Promise<HandoffFields | null>;
  signal: AbortSignal;
}

/** A held save waiting for its turn. */
interface Waiting {
  id: number;
  moves: PlannedMove[];
  creates: PlannedCreate[];
  unreadable: Extract<SavePlan, { kind: 'unreadable' }> | null;
  /** The handoff text the rep saved in Baton's dialog, which the page's save must write instead of its own. */
  rewrites: SaveRewrite[];
  /** The field mapping the save was read with. */
  mapping: HandoffFields | null;
}

const UNREADABLE_TARGET = { value: null, label: 'a stage Baton could not read' };

export function listenForPageSaves(options: BackstopOptions): void {
  const { controller, signal } = options;
  if (signal.aborted) return;
  const channel = `baton-${crypto.randomUUID()}`;
  const queue: Waiting[] = [];
  let pumping = false;

  const answer = (id: number, go: boolean, rewrites: SaveRewrite[] = []) =>
    window.dispatchEvent(new CustomEvent(answerEvent(channel), { detail: JSON.stringify(go && rewrites.length > 0 ? { id, go, rewrite: rewrites } : { id, go }) }));
  const confirm = (w: Waiting, m: PlannedMove, confirmed: RawArtifact | null | undefined) => {
    const rewrite = rewriteFor(m, confirmed ?? null, w.mapping);
    if (rewrite) w.rewrites.push(rewrite);
  };
  const connect = () => window.dispatchEvent(new CustomEvent(SAVES_CONNECT_EVENT, { detail: channel }));

  const asMove = (m: PlannedMove, proceed: HeldMove['proceed'], abandon: () => void): HeldMove => ({ deal: m.deal, target: m.target, amongClosedStages: false, pendingEdits: m.pendingEdits, proceed, abandon });
  const asCreate = (c: PlannedCreate, instance: string, proceed: () => void, abandon: () => void) => ({ crm: options.crm.id, instance, ...c, proceed, abandon });
  const { instance } = options;

  /** Answers at once when nothing needs judging: moves approved lately, stages known not won. */
  const settledAtOnce = (w: Waiting): boolean => {
    if (w.unreadable) return false;
    const org = instance();
    const moves = w.moves.filter((m) => {
      const approval = controller.approvals.takeMove(m.deal);
      if (approval) confirm(w, m, approval.confirmed);
      return approval === null;
    });
    const creates = w.creates.filter((c) => org === null || !controller.approvals.takeCreate({ crm: options.crm.id, instance: org }));
    w.moves = moves;
    w.creates = creates;
    const none = () => {};
    return (
      moves.every((m) => !controller.shouldHold(asMove(m, none, none))) &&
      creates.every((c) => org !== null && !controller.shouldHoldCreate(asCreate(c, org, none, none)))
    );
  };

  const take = (id: number, reading: HeldReading, mapping: HandoffFields | null) => {
    if (signal.aborted) return; // the next gate is asked again
    const plan = planSave(reading, { instance: instance(), dealOf: options.dealOf, fields: options.fields, mapping });
    const waiting: Waiting =
      plan.kind === 'unreadable'
        ? { id, moves: [], creates: [], unreadable: plan, rewrites: [], mapping }
        : { id, moves: plan.moves, creates: plan.creates, unreadable: null, rewrites: [], mapping };
    if (settledAtOnce(waiting)) return answer(id, true, waiting.rewrites);
    queue.push(waiting);
    // A bulk edit sends its saves back to back, but their asks may cross the worlds a few tasks
    // apart (a body read, the mapping read): gather them briefly so they make one bulk dialog.
    later(signal, BULK_GATHER_MS, () => void pump());
  };

  const onAsk = (event: Event) => {
    const ask = readAsk((event as CustomEvent).detail);
    if (ask === null) return;
    const { id, reading } = ask;
    if (reading === null) return answer(id, false);
    const mapping = options.mapping();
    if (mapping === null || !('then' in mapping)) return take(id, reading, mapping);
    void mapping.then(
      (m) => take(id, reading, m),
      () => take(id, reading, null),
    );
  };

  const dialogClosed = () =>
    new Promise<void>((resolve) => {
      const unsubscribe = controller.dialog.subscribe(() => {
        if (controller.dialog.get() === null) {
          unsubscribe();
          resolve();
        }
      });
      signal.addEventListener('abort', unsubscribe, { once: true });
    });

  /**
   * Starts one decision of the gate once no dialog is open (the gate takes one at a time, and
   * ignores a hold while its dialog is open); resolves when it ends: true when it let the move through.
   */
  const decision = async (start: (proceed: (confirmed?: RawArtifact) => void, abandon: () => void) => void): Promise<{ go: boolean; confirmed?: RawArtifact }> => {
    while (controller.dialog.get() !== null) await dialogClosed();
    return new Promise((resolve) => {
      let settled = false;
      let opened = false;
      const settle = (go: boolean, confirmed?: RawArtifact) => {
        if (settled) return;
        settled = true;
        unsubscribe();
        resolve(confirmed ? { go, confirmed } : { go });
      };
      // A dialog that closes without a proceed or a cancel (the gate moved on) is no go-ahead.
      const unsubscribe = controller.dialog.subscribe(() => {
        if (controller.dialog.get() !== null) opened = true;
        else if (opened) queueMicrotask(() => settle(false));
      });
      signal.addEventListener('abort', unsubscribe, { once: true });
      start(
        (confirmed) => settle(true, confirmed),
        () => settle(false),
      );
    });
  };

  const unreadableProblem = (why: string): CrmProblem => ({
    kind: 'bad-response',
    message: `Baton could not read a save this page sent: ${why} It may move a deal to a won stage, so Baton held it.`,
  });

  const judgeUnreadable = async (u: NonNullable<Waiting['unreadable']>) =>
    (await decision((proceed, abandon) => {
      const problem = unreadableProblem(u.why);
      if (u.deal === null) {
        controller.dialog.set({ kind: 'unreadable-save', problem, abandon, busy: false, note: null, overriding: false, reason: '' });
        return;
      }
      // The fail-safe dialog: close anyway with a reason (recorded on the deal), try again (the
      // deal's saved handoff judged for a won stage), or cancel.
      const move: HeldMove = { deal: u.deal, target: UNREADABLE_TARGET, amongClosedStages: true, pendingEdits: {}, proceed, abandon };
      controller.dialog.set({ kind: 'failed', move, problem, targetLabel: UNREADABLE_TARGET.label, busy: false, note: null, overriding: false, reason: '' });
    })).go;

  /** Judges the moves and creations of one or more saves, one decision at a time; true when all may go. */
  const judge = async (batch: Waiting[]): Promise<boolean> => {
    const [first] = batch;
    if (!first) return true;
    if (first.unreadable) return judgeUnreadable(first.unreadable);
    const moves = batch.flatMap((w) => w.moves);
    const org = instance();
    if (moves.length > 1 && first.creates.length === 0 && moves.every((m) => m.target.value === moves[0]?.target.value)) {
      const target = moves[0]?.target ?? UNREADABLE_TARGET;
      const deals = moves.map((m) => m.deal);
      const bulk = await decision((proceed, abandon) => void controller.holdBulk({ deals, target, proceed: () => (deals.forEach((d) => controller.approvals.takeMove(d)), proceed()), abandon }));
      return bulk.go;
    }
    for (const m of moves) {
      const { go, confirmed } = await decision((proceed, abandon) =>
        void controller.hold(
          asMove(
            m,
            (confirmed) => {
              controller.approvals.takeMove(m.deal);
              proceed(confirmed);
            },
            abandon,
          ),
        ),
      );
      if (!go) return false;
      confirm(first, m, confirmed);
    }
    for (const c of first.creates) {
      if (org === null) return false;
      const created = await decision((proceed, abandon) => void controller.holdCreate(asCreate(c, org, () => (controller.approvals.takeCreate({ crm: options.crm.id, instance: org }), proceed()), abandon)));
      if (!created.go) return false;
    }
    return true;
  };

  /** The next saves to judge together: the first waiting, and, when it moves one deal, every other save moving one other deal to the same stage. */
  const nextBatch = (): Waiting[] => {
    const first = queue.shift();
    if (!first) return [];
    const single = (w: Waiting) => !w.unreadable && w.moves.length === 1 && w.creates.length === 0;
    if (!single(first)) return [first];
    const stage = first.moves[0]?.target.value;
    const batch = [first];
    for (let i = 0; i < queue.length; ) {
      const w = queue[i] as Waiting;
      const deal = w.moves[0]?.deal;
      if (single(w) && w.moves[0]?.target.value === stage && deal && !batch.some((b) => b.moves[0]?.deal.recordId === deal.recordId)) {
        batch.push(w);
        queue.splice(i, 1);
      } else i++;
    }
    return batch;
  };

  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0 && !signal.aborted) {
        if (controller.dialog.get() !== null) {
          await dialogClosed();
          continue;
        }
        const batch = nextBatch();
        const go = await judge(batch);
        if (signal.aborted) return; // the next gate is asked again
        for (const w of batch) answer(w.id, go, w.rewrites);
      }
    } finally {
      pumping = false;
    }
  };

  window.addEventListener(askEvent(channel), onAsk, { signal });
  window.addEventListener(SAVES_READY_EVENT, connect, { signal });
  signal.addEventListener('abort', () => window.dispatchEvent(new CustomEvent(byeEvent(channel))), { once: true });
  connect();
}
