/**
 * Baton on Salesforce Lightning: follows the page (which Opportunity, which container is on
 * screen, whether the Closed chevron is selected), puts the badge beside the Path, and catches
 * every move to a won stage before Salesforce acts on it, handing it to the gate controller held.
 *
 * Costs nothing until the URL is an Opportunity record, an Opportunity list view (table, Kanban) or
 * the New Opportunity form: no listener, no timer. On those pages: five capture listeners and a
 * one-second look at the Path. The paths off the record page (the New form, a list view's inline
 * edit, the Kanban by keyboard, Enter in a form) are held in holdPaths.ts.
 */
import type { DealRef } from '@/lib/domain/deal';
import { ELEMENT_KEYS, type RawArtifact } from '@/lib/domain/elements';
import type { DealSnapshot } from '@/lib/domain/snapshot';
import type { CrmProblem } from '@/lib/domain/problem';
import type { HeldMove } from '@/lib/gate/heldMove';
import { Interceptor } from '@/lib/crms/shared/page/interceptor';
import type { SalesforceMapping } from '@/lib/settings/schema';
import { onPath, queryFirst } from '@/lib/crms/shared/page/dom';
import { followHostPage, type HostAdapterOptions } from '@/lib/crms/shared/page/hostPage';
import { snapshotFromPage } from '@/lib/crms/shared/page/pageSnapshot';
import { PAGE_WORDING, activePage, findPath, readDealOnPage, readPath } from './reading';
import { recognizeClick, trackStagePick, type SalesforceMove } from './intents';
import { kanbanCardRecordId, recognizeDrop, trackKanbanPickUp } from './kanbanIntents';
import { holdCreateClick, holdKanbanMenuPick, holdListSave, holdSubmit, type PathContext } from './holdPaths';
import { EDIT_TEXT_INPUT, KANBAN_CARD, PATH_GUIDANCE, RECORD_FIELD, RECORD_FORM_SAVE, withApiName } from './selectors';
import { listenForPageSaves } from '@/lib/crms/shared/page/backstop';
import { SALESFORCE_SAVE_FIELDS } from './saves';
import { salesforceInstanceFromUrl, salesforceOpportunityFromUrl, toId18 } from '../urls';
import { salesforce } from '../entry';

export type SalesforceAdapterOptions = HostAdapterOptions<SalesforceMapping>;

/** What the rep typed into the page's own edit form for handoff fields (inline edit / Edit modal). */
export function pendingEdits(form: Element | null, mapping: SalesforceMapping): Partial<RawArtifact> {
  const out: Partial<RawArtifact> = {};
  if (!form) return out;
  for (const element of ELEMENT_KEYS) {
    const wrapper = queryFirst(form, withApiName(RECORD_FIELD, mapping[element]));
    const input = wrapper ? (queryFirst(wrapper, EDIT_TEXT_INPUT) as HTMLTextAreaElement | HTMLInputElement | null) : null;
    if (input) out[element] = input.value;
  }
  return out;
}

/** A read-only snapshot of what the page shows, for when the API is closed to Baton. */
export function pageSnapshot(deal: DealRef, problem: CrmProblem, mapping: SalesforceMapping, now = new Date()): DealSnapshot | null {
  return snapshotFromPage(deal, problem, readDealOnPage(deal, mapping), PAGE_WORDING, now);
}

/** Starts Baton on the page; it stops, leaving nothing behind, when `options.signal` aborts. */
export function startSalesforce(options: SalesforceAdapterOptions): void {
  const { controller, views } = options;
  let draggedCard: Element | null = null;
  const interceptor = new Interceptor(controller);

  /**
   * Lets a held click happen: Salesforce's own handlers run as if Baton were not there. A Save
   * submits its form, and the submit is part of the same replay (the form's container is replayed).
   */
  const replayClick = (move: SalesforceMove) => () => {
    const element = move.element as HTMLElement;
    interceptor.replay(move.form ?? element, () => element.click());
    page.scheduleRefresh();
  };

  const replayDrop = (element: Element, data: Array<[string, string]>, at: { x: number; y: number }) => () => {
    const transfer = new DataTransfer();
    for (const [type, value] of data) transfer.setData(type, value);
    interceptor.replay(element, () => {
      for (const type of ['dragenter', 'dragover', 'drop']) {
        element.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: transfer, clientX: at.x, clientY: at.y }));
      }
    });
  };

  const dealOf = (move: SalesforceMove): DealRef | null => {
    if (move.recordId !== null) {
      const instance = page.instance();
      return instance ? { crm: 'salesforce', instance, recordId: toId18(move.recordId) } : null;
    }
    // Decided from the URL at the moment of the click, never from an earlier page: after SPA
    // navigation the gate is for the deal now on screen.
    return salesforceOpportunityFromUrl(location.href);
  };

  const editsIn = (form: Element | null): Partial<RawArtifact> => {
    const mapping = page.mapping();
    return mapping ? pendingEdits(form, mapping) : {};
  };

  const held = (move: SalesforceMove, proceed: () => void): HeldMove | null => {
    const deal = dealOf(move);
    if (!deal) return null;
    return {
      deal,
      target: 'collapsedClosed' in move.target ? 'collapsed-closed' : move.target.stage,
      amongClosedStages: move.kind === 'closed-stage-save',
      pendingEdits: editsIn(move.form),
      proceed,
    };
  };

  const paths: PathContext = { controller, interceptor, get page() { return page; }, held };

  const onClick = (event: MouseEvent) => {
    if (interceptor.isReplay(event)) return;
    trackStagePick(event);
    if (holdCreateClick(paths, event) || holdListSave(paths, event) || holdKanbanMenuPick(paths, event)) return;
    const move = recognizeClick(event, activePage());
    if (move) {
      const heldMove = held(move, replayClick(move));
      if (heldMove) interceptor.hold(event, heldMove);
      if (!event.defaultPrevented) page.scheduleRefresh();
      return;
    }
    if (onPath(event, RECORD_FORM_SAVE)) page.scheduleRefresh(); // the page saves fields: read them again
    if (page.mode().kind === 'record') page.later(50, check); // a chevron may have been selected
  };

  const onDragStart = (event: DragEvent) => {
    draggedCard = onPath(event, KANBAN_CARD);
  };

  const onDrop = (event: DragEvent) => {
    if (interceptor.isReplay(event)) return;
    const move = recognizeDrop(event, draggedCard);
    if (!move) return;
    const data: Array<[string, string]> = [...(event.dataTransfer?.types ?? [])].map((t) => [t, event.dataTransfer?.getData(t) ?? '']);
    if (data.length === 0 && draggedCard) data.push(['text/plain', kanbanCardRecordId(draggedCard) ?? '']);
    const heldMove = held(move, replayDrop(move.element, data, { x: event.clientX, y: event.clientY }));
    if (heldMove) interceptor.hold(event, heldMove);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (interceptor.isReplay(event)) return;
    trackKanbanPickUp(event);
    holdKanbanMenuPick(paths, event);
  };

  const onSubmit = (event: Event) => {
    if (interceptor.isReplay(event)) return;
    holdSubmit(paths, event);
  };

  /** Badge and guidance follow the page: Lightning re-renders the Path and swaps containers. */
  const check = () => {
    if (page.mode().kind !== 'record') return;
    const container = activePage();
    const path = container ? findPath(container) : null;
    if (!path) {
      views.hideBadge();
      views.hideGuidance();
      return;
    }
    if (!views.badgeOn(path)) views.showBadge(path);
    const closedSelected = readPath(path).stages.some((s) => s.closedChevron && s.selected);
    const guidanceArea = closedSelected ? queryFirst(path, PATH_GUIDANCE) : null;
    if (guidanceArea) views.showGuidance(guidanceArea);
    else views.hideGuidance();
  };

  const hideOverlays = () => {
    views.hideBadge();
    views.hideGuidance();
  };

  const page = followHostPage({
    crm: salesforce,
    controller,
    mapping: options.mapping,
    pageSnapshot,
    listeners: [
      ['click', onClick as (event: Event) => void],
      ['dragstart', onDragStart as (event: Event) => void],
      ['drop', onDrop as (event: Event) => void],
      ['keydown', onKeyDown as (event: Event) => void],
      ['submit', onSubmit],
    ],
    check,
    hideOverlays,
    signal: options.signal,
    onUrlChange: options.onUrlChange,
    uiRecognition: options.uiRecognition,
  });

  // The backstop: Lightning's own saves that set a stage, whatever UI path made them.
  listenForPageSaves({
    crm: salesforce,
    instance: () => salesforceInstanceFromUrl(location.href),
    controller,
    fields: SALESFORCE_SAVE_FIELDS,
    dealOf: (instance, recordId) => ({ crm: 'salesforce', instance, recordId: toId18(recordId) }),
    mapping: () => page.mappingNow(),
    signal: options.signal,
  });
}
