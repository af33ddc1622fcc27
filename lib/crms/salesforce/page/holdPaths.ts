/**
 * Holding, for the gate, the paths to a won stage that are not a click on the record page: the New
 * form (a deal created in a won stage), a list view's inline edit of Stage (one deal or several),
 * a Kanban card moved with the keyboard, and the record form submitted with Enter. Each returns
 * true when the event was one of its paths (held or let through), so the adapter looks no further.
 */
import type { DealRef } from '@/lib/domain/deal';
import type { GateController } from '@/lib/gate/controller';
import type { HeldCreate, HeldMove } from '@/lib/gate/heldMove';
import type { StageTarget } from '@/lib/gate/stages';
import type { SalesforceMapping } from '@/lib/settings/schema';
import type { Interceptor } from '@/lib/crms/shared/page/interceptor';
import type { HostPage } from '@/lib/crms/shared/page/hostPage';
import { isSalesforceOpportunityCreateUrl, toId18 } from '../urls';
import { readCreateForm, recognizeCreateClick, recognizeCreateSubmit, type CreateSave } from './createIntents';
import { recognizeSubmit, type SalesforceMove } from './intents';
import { kanbanCardOf, kanbanMenuItem, recognizeKanbanMenuPick } from './kanbanIntents';
import { recognizeListSave, rowEdits } from './listIntents';
import { activePage } from './reading';

export interface PathContext {
  controller: Pick<GateController, 'shouldHold' | 'hold' | 'holdBulk' | 'shouldHoldCreate' | 'holdCreate'>;
  interceptor: Interceptor;
  page: HostPage<SalesforceMapping>;
  /** The held move of a recognised move (the adapter's), or null when its deal is not known. */
  held(move: SalesforceMove, proceed: () => void): HeldMove | null;
}

/** How long a replayed keyboard move waits for the Kanban's menu to open, and how often it looks. */
const MENU_WAIT_MS = 3000;
const MENU_POLL_MS = 30;

function stop(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

// ---- the New form ----------------------------------------------------------------------------

function holdCreate(ctx: PathContext, event: Event, save: CreateSave, proceed: () => void): boolean {
  const instance = ctx.page.instance();
  const reading = readCreateForm(save.form, ctx.page.mapping());
  if (!instance || !reading) return true; // no stage chosen: Salesforce refuses to save
  const create = (r: NonNullable<typeof reading>): HeldCreate => ({ crm: 'salesforce', instance, target: r.target, fields: r.fields, facts: r.facts, proceed });
  if (!ctx.controller.shouldHoldCreate(create(reading))) return true;
  stop(event);
  // With the mapping not read yet, the form's handoff fields are found once it is, instead of all counted absent.
  const mapping = ctx.page.mappingNow();
  if (!(mapping instanceof Promise)) {
    void ctx.controller.holdCreate(create(reading)); // read with this mapping already
    return true;
  }
  void mapping.then((m) => ctx.controller.holdCreate(create(readCreateForm(save.form, m) ?? reading)));
  return true;
}

/** Save or Save & New in the New form. */
export function holdCreateClick(ctx: PathContext, event: Event): boolean {
  if (!isSalesforceOpportunityCreateUrl(location.href)) return false;
  const save = recognizeCreateClick(event, activePage());
  if (!save) return false;
  const button = save.element as HTMLElement;
  // The click submits the form: the replay covers the form's submit too, so it is not held again.
  return holdCreate(ctx, event, save, () => ctx.interceptor.replay(save.form, () => button.click()));
}

// ---- a form submitted (Enter in a field) ------------------------------------------------------

/** The record form or the New form submitted: Enter in one of its fields. */
export function holdSubmit(ctx: PathContext, event: Event): boolean {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return false;
  const resubmit = () => ctx.interceptor.replay(form, () => form.requestSubmit());
  if (isSalesforceOpportunityCreateUrl(location.href)) {
    const save = recognizeCreateSubmit(event);
    return save ? holdCreate(ctx, event, save, resubmit) : false;
  }
  const move = recognizeSubmit(event);
  if (!move) return false;
  const heldMove = ctx.held(move, () => {
    resubmit();
    ctx.page.scheduleRefresh();
  });
  if (heldMove) ctx.interceptor.hold(event, heldMove);
  return true;
}

// ---- a list view's inline edit -----------------------------------------------------------------

/** Several groups of deals, each to one stage: one dialog per group, then the Save. */
function holdGroups(ctx: PathContext, groups: HeldMove[][], proceed: () => void): void {
  const [group, ...rest] = groups;
  const first = group?.[0];
  if (!group || !first || first.target === 'collapsed-closed') {
    proceed();
    return;
  }
  void ctx.controller.holdBulk({ deals: group.map((m) => m.deal), target: first.target, proceed: () => holdGroups(ctx, rest, proceed) });
}

function targetKey(target: StageTarget): string {
  return target.value ?? `label:${target.label}`;
}

/** Save of a list view's drafts that move deals to a won stage: one deal, or several (bulk). */
export function holdListSave(ctx: PathContext, event: Event): boolean {
  const save = recognizeListSave(event);
  if (!save) return false;
  const instance = ctx.page.instance();
  const mapping = ctx.page.mapping();
  if (!instance || save.rows.length === 0) return true;
  const moves: HeldMove[] = save.rows.map((r) => {
    const deal: DealRef = { crm: 'salesforce', instance, recordId: toId18(r.recordId) };
    return { deal, target: r.target, amongClosedStages: false, pendingEdits: mapping ? rowEdits(r.row, mapping) : {}, proceed: () => {} };
  });
  const toHold = moves.filter((m) => ctx.controller.shouldHold(m));
  if (toHold.length === 0) return true;
  const button = save.element as HTMLElement;
  const proceed = () => ctx.interceptor.replay(button, () => button.click());
  stop(event);
  const [only] = toHold;
  if (toHold.length === 1 && only) {
    void ctx.controller.hold({ ...only, proceed });
    return true;
  }
  const groups = new Map<string, HeldMove[]>();
  for (const m of toHold) {
    const key = m.target === 'collapsed-closed' ? '' : targetKey(m.target);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  holdGroups(ctx, [...groups.values()], proceed);
  return true;
}

// ---- a Kanban card moved with the keyboard -----------------------------------------------------

function key(target: EventTarget, type: 'keydown' | 'keypress', k: string): void {
  const keyCode = k === ' ' ? 32 : k === 'Escape' ? 27 : 0;
  target.dispatchEvent(new KeyboardEvent(type, { key: k, code: k === ' ' ? 'Space' : k, keyCode, bubbles: true, cancelable: true, composed: true }));
}

/**
 * The same keyboard move again: focus the card, Space (the menu of columns opens), then the
 * column's item, once the menu shows it.
 */
function replayKanbanMenu(ctx: PathContext, recordId: string, label: string): () => void {
  return () => {
    const card = kanbanCardOf(recordId) as HTMLElement | null;
    if (!card) {
      console.error('Baton: the Kanban card is gone, so it was not moved. Its handoff is saved: move it again.');
      return;
    }
    ctx.interceptor.replay(window, () => {
      card.focus();
      key(card, 'keydown', ' ');
      key(card, 'keypress', ' ');
    });
    const giveUpAt = Date.now() + MENU_WAIT_MS;
    const choose = () => {
      const item = kanbanMenuItem(label) as HTMLElement | null;
      if (item) ctx.interceptor.replay(window, () => item.click());
      else if (Date.now() < giveUpAt) ctx.page.later(MENU_POLL_MS, choose);
      else console.error('Baton: the Kanban did not open its menu again, so the card was not moved. Its handoff is saved: move it again.');
    };
    choose();
  };
}

/** A column chosen in the menu of a card picked up with the keyboard (Space / Enter / click). */
export function holdKanbanMenuPick(ctx: PathContext, event: Event): boolean {
  const move = recognizeKanbanMenuPick(event);
  if (!move?.recordId || 'collapsedClosed' in move.target) return false;
  const heldMove = ctx.held(move, replayKanbanMenu(ctx, move.recordId, move.target.stage.label));
  if (heldMove && ctx.interceptor.hold(event, heldMove)) {
    // The menu and the drag end now (Esc, as the rep would), so the board is as it was meanwhile.
    ctx.interceptor.replay(window, () => key(move.element, 'keydown', 'Escape'));
  }
  return true;
}
