/**
 * Baton on HubSpot: follows the page (a deal record, a deals board or table), puts the badge in the
 * record's left sidebar, and catches every move to a won stage before HubSpot acts on it — the
 * stage dropdown (record and preview panel) with the pointer or the keyboard, a board card dropped
 * with the pointer or the keyboard, bulk edit, a table row's stage edited in place — handing it to
 * the gate controller held; and a deal created in a won stage from the create-deal panel.
 *
 * A held board drag is cancelled at once (HubSpot's drag library would otherwise drop the card
 * wherever the next mouse release happens, such as on Baton's dialog) and performed again, the
 * same gesture, when the gate lets it through.
 */
import type { DealRef } from '@/lib/domain/deal';
import type { DealSnapshot } from '@/lib/domain/snapshot';
import type { CrmProblem } from '@/lib/domain/problem';
import type { HeldMove } from '@/lib/gate/heldMove';
import type { HubSpotMapping } from '@/lib/settings/schema';
import { closestAcross, queryFirst } from '@/lib/crms/shared/page/dom';
import { withApiName } from '@/lib/crms/shared/page/selectorList';
import { Interceptor } from '@/lib/crms/shared/page/interceptor';
import { followHostPage, type HostAdapterOptions } from '@/lib/crms/shared/page/hostPage';
import { snapshotFromPage } from '@/lib/crms/shared/page/pageSnapshot';
import { PAGE_WORDING, badgeAnchor, readDealOnPage } from './reading';
import {
  columnAtPoint,
  dragHandleOf,
  handleDealId,
  recognizeBoardDrop,
  recognizeBulkUpdate,
  recognizeOptionClick,
  trackBulkPick,
  type HubSpotMove,
} from './intents';
import { formHolds } from './formHolds';
import { BOARD_COLUMN, DRAG_HANDLE_OF_DEAL, NO_DRAG_CONTROL } from './selectors';
import { listenForPageSaves } from '@/lib/crms/shared/page/backstop';
import { HUBSPOT_SAVE_FIELDS } from './saves';
import { hubspotPortalFromUrl } from '../urls';
import { hubspot } from '../entry';

export type HubSpotAdapterOptions = HostAdapterOptions<HubSpotMapping>;
/** The distance a pointer must travel with the button down before it is a drag (as rbd's). */
const DRAG_THRESHOLD_PX = 5;
/** How long, and how often, a replayed drag waits for the page to take the pointer again. */
const REPLAY_WAIT_MS = 5000;
const REPLAY_POLL_MS = 30;

/** A read-only snapshot of what the record page shows, for when Baton is not connected. */
export function hubspotPageSnapshot(deal: DealRef, problem: CrmProblem, mapping: HubSpotMapping, now = new Date()): DealSnapshot | null {
  return snapshotFromPage(deal, problem, readDealOnPage(deal, mapping), PAGE_WORDING, now);
}

/** Whether a pointer at `at` reaches `el` (not covered, not inert). */
function hits(el: Element, at: { x: number; y: number }): boolean {
  return document.elementsFromPoint(at.x, at.y).some((under) => el.contains(under));
}

function center(el: Element): { x: number; y: number } {
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 40) };
}

/** Starts Baton on the page; it stops, leaving nothing behind, when `options.signal` aborts. */
export function startHubSpot(options: HubSpotAdapterOptions): void {
  const { controller, views } = options;
  const interceptor = new Interceptor(controller);
  let pointer: { handle: Element; x: number; y: number; moved: boolean } | null = null;
  let lifted: { handle: Element; column: Element | null } | null = null;

  const dealRef = (id: string): DealRef | null => {
    const portal = page.instance();
    return portal ? { crm: 'hubspot', instance: portal, recordId: id } : null;
  };

  const held = (move: HubSpotMove, proceed: () => void, abandon?: () => void): HeldMove | null => {
    const deal = dealRef(move.dealIds[0] ?? '');
    if (!deal) return null;
    return { deal, target: move.target, amongClosedStages: false, pendingEdits: {}, proceed, ...(abandon ? { abandon } : {}) };
  };

  const key = (target: EventTarget, k: string) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, code: k === ' ' ? 'Space' : k, bubbles: true, cancelable: true, composed: true }));
  const mouse = (target: EventTarget, type: string, at: { x: number; y: number }) =>
    target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, button: 0, buttons: type === 'mouseup' ? 0 : 1, clientX: at.x, clientY: at.y }));

  /** The card and column as they are in the page now: HubSpot re-renders the board after a cancelled drag. */
  const current = (handle: Element, column: Element): { handle: Element; column: Element } | null => {
    const columns = () => [...document.querySelectorAll(BOARD_COLUMN.join(','))];
    const columnIndex = columns().indexOf(column);
    const id = handleDealId(handle);
    const liveHandle = handle.isConnected ? handle : id ? queryFirst(document, withApiName(DRAG_HANDLE_OF_DEAL, CSS.escape(id))) : null;
    const liveColumn = column.isConnected ? column : (columns()[columnIndex] ?? null);
    return liveHandle && liveColumn ? { handle: liveHandle, column: liveColumn } : null;
  };

  /**
   * The same pointer drag again: from the card's centre to the target column's, once the page
   * takes the pointer at both points. Baton's dialog is closed before the move goes through; this
   * waits out what the page itself still has over the board (a modal, a re-render), which would
   * otherwise take the release and drop the card nowhere.
   */
  const replayPointerDrag = (handle: Element, column: Element) => () => {
    const giveUpAt = Date.now() + REPLAY_WAIT_MS;
    const attempt = () => {
      const live = current(handle, column);
      const from = live && center(live.handle);
      const to = live && center(live.column);
      if (!live || !from || !to || !hits(live.handle, from) || !hits(live.column, to)) {
        if (Date.now() < giveUpAt) page.later(REPLAY_POLL_MS, attempt);
        else console.error('Baton: the board never took the pointer back, so the card was not moved. Its handoff is saved: drag it again.');
        return;
      }
      interceptor.replay(window, () => {
        mouse(live.handle, 'mousedown', from);
        mouse(window, 'mousemove', { x: from.x + DRAG_THRESHOLD_PX * 2, y: from.y });
        mouse(window, 'mousemove', to);
        mouse(window, 'mouseup', to);
      });
      page.scheduleRefresh();
    };
    attempt();
  };

  /** The same keyboard drag again: lift, as many arrow presses as columns, drop. */
  const replayKeyboardDrag = (handle: Element, column: Element) => () => {
    const live = current(handle, column);
    if (!live) return;
    const columns = [...document.querySelectorAll(BOARD_COLUMN.join(','))];
    const steps = columns.indexOf(live.column) - columns.indexOf(closestAcross(live.handle, BOARD_COLUMN) as Element);
    interceptor.replay(window, () => {
      key(live.handle, ' ');
      for (let i = 0; i < Math.abs(steps); i++) key(live.handle, steps > 0 ? 'ArrowRight' : 'ArrowLeft');
      key(live.handle, ' ');
    });
  };

  /** The paths through a form or the keyboard: creating a deal, a table row's Save, a stage chosen by key. */
  const forms = formHolds({
    controller,
    interceptor,
    instance: () => page.instance(),
    mapping: () => page.mappingNow(),
    held,
    key,
    scheduleRefresh: () => page.scheduleRefresh(),
  });

  const onClick = (event: MouseEvent) => {
    if (interceptor.isReplay(event)) return;
    trackBulkPick(event);
    if (forms.onClick(event)) return;
    const option = recognizeOptionClick(event, location.href);
    if (option) {
      const target = event.composedPath()[0] as Element;
      const move = held(option, () => {
        interceptor.replayClick(target);
        page.scheduleRefresh();
      });
      if (move) interceptor.hold(event, move);
      return;
    }
    const bulk = recognizeBulkUpdate(event);
    if (bulk) {
      const submit = event.composedPath()[0] as Element;
      const deals = bulk.dealIds.map(dealRef).filter((d): d is DealRef => d !== null);
      const portal = page.instance();
      const probe: HeldMove | null = deals[0] ? { deal: deals[0], target: bulk.target, amongClosedStages: false, pendingEdits: {}, proceed: () => {} } : null;
      if (!portal || !probe || !controller.shouldHold(probe)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      void controller.holdBulk({ deals, target: bulk.target, proceed: () => interceptor.replayClick(submit) });
    }
  };

  const onMouseDown = (event: MouseEvent) => {
    if (interceptor.isReplay(event) || event.button !== 0) return;
    const handle = dragHandleOf(event);
    // react-beautiful-dnd starts no drag from these (a link inside a card does drag).
    const onControl = event.composedPath().some((t) => t instanceof Element && t.matches(NO_DRAG_CONTROL.join(', ')));
    pointer = handle && !onControl ? { handle, x: event.clientX, y: event.clientY, moved: false } : null;
  };

  const onMouseMove = (event: MouseEvent) => {
    if (pointer && !pointer.moved && Math.abs(event.clientX - pointer.x) + Math.abs(event.clientY - pointer.y) > DRAG_THRESHOLD_PX) pointer.moved = true;
  };

  const onMouseUp = (event: MouseEvent) => {
    if (interceptor.isReplay(event)) return;
    const drag = pointer;
    pointer = null;
    if (!drag?.moved) return;
    const column = columnAtPoint(event.clientX, event.clientY, drag.handle);
    const move = column ? recognizeBoardDrop(drag.handle, column, false) : null;
    if (!move || !column) return;
    const heldMove = held(move, replayPointerDrag(drag.handle, column));
    if (heldMove && interceptor.hold(event, heldMove)) {
      // The release never reaches HubSpot's drag library: end its drag now, the card goes home.
      interceptor.replay(window, () => key(window, 'Escape'));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (interceptor.isReplay(event)) return;
    if (forms.onKeyDown(event)) return;
    const handle = dragHandleOf(event);
    if (!handle) return;
    if (event.key === 'Escape') {
      lifted = null;
      return;
    }
    if (event.key !== ' ' && event.key !== 'Enter') return;
    if (!lifted || lifted.handle !== handle) {
      if (event.key === ' ') lifted = { handle, column: closestAcross(handle, BOARD_COLUMN) };
      return;
    }
    // The drop: the card hovers over its target column (moved with a transform).
    const at = center(handle);
    const column = columnAtPoint(at.x, at.y, handle);
    lifted = null;
    const move = column ? recognizeBoardDrop(handle, column, true) : null;
    if (!move || !column) return;
    const heldMove = held(move, replayKeyboardDrag(handle, column));
    if (heldMove && interceptor.hold(event, heldMove)) interceptor.replay(window, () => key(handle, 'Escape'));
  };

  const check = () => {
    if (page.mode().kind !== 'record') return;
    const anchor = badgeAnchor();
    if (!anchor) {
      views.hideBadge();
      return;
    }
    if (!views.badgeOn(anchor)) views.showBadge(anchor);
  };

  const page = followHostPage({
    crm: hubspot,
    controller,
    mapping: options.mapping,
    pageSnapshot: hubspotPageSnapshot,
    listeners: [
      ['click', onClick as (event: Event) => void],
      ['mousedown', onMouseDown as (event: Event) => void],
      ['mousemove', onMouseMove as (event: Event) => void],
      ['mouseup', onMouseUp as (event: Event) => void],
      ['keydown', onKeyDown as (event: Event) => void],
    ],
    check,
    hideOverlays: () => views.hideBadge(),
    signal: options.signal,
    onUrlChange: options.onUrlChange,
    uiRecognition: options.uiRecognition,
  });

  // The backstop: HubSpot's own saves that set a deal stage, whatever UI path made them.
  listenForPageSaves({
    crm: hubspot,
    instance: () => hubspotPortalFromUrl(location.href),
    controller,
    fields: HUBSPOT_SAVE_FIELDS,
    dealOf: (portal, recordId) => (/^\d{1,20}$/.test(recordId) ? { crm: 'hubspot', instance: portal, recordId } : null),
    mapping: () => page.mappingNow(),
    signal: options.signal,
  });
}
