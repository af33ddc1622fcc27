/**
 * Baton on Salesforce Lightning: follows the page (which Opportunity, which container is on
 * screen, whether the Closed chevron is selected), puts the badge beside the Path, and catches
 * every move to a won stage before Salesforce acts on it, handing it to the gate controller held.
 *
 * Costs nothing until the URL is an Opportunity record or an Opportunity list view (Kanban): no
 * listener, no timer. On those pages: three capture listeners and a one-second look at the Path.
 */
import type { DealRef } from '@/lib/domain/deal';
import { ELEMENT_KEYS, type RawArtifact } from '@/lib/domain/elements';
import type { DealSnapshot } from '@/lib/domain/snapshot';
import type { CrmProblem } from '@/lib/crm/errors';
import type { GateController, HeldMove } from '@/lib/gate/controller';
import type { OverlayViews } from '@/lib/gate/views';
import { Interceptor } from '@/lib/hosts/interceptor';
import type { SalesforceMapping } from '@/lib/settings/schema';
import { onPath, queryFirst } from '@/lib/hosts/dom';
import { activePage, findPath, readPage, readPath } from './page';
import { kanbanCardRecordId, recognizeClick, recognizeDrop, trackStagePick, type SalesforceMove } from './intents';
import { EDIT_TEXT_INPUT, KANBAN_CARD, PATH_GUIDANCE, RECORD_FIELD, RECORD_FORM_SAVE, withApiName } from './selectors';
import { isSalesforceOpportunityListUrl, lightningHostFor, salesforceInstanceFromUrl, salesforceOpportunityFromUrl, toId18 } from './urls';

export interface SalesforceAdapterOptions {
  controller: GateController;
  views: OverlayViews;
  /** The field mapping in force (read once per page from the settings). */
  mapping(): Promise<SalesforceMapping>;
  /** Subscribes to URL changes (SPA navigation); returns the unsubscribe. */
  onUrlChange(listener: () => void): () => void;
}

/** How often Baton looks whether Lightning re-rendered the Path (badge, guidance). */
const CHECK_INTERVAL_MS = 1000;
/** After the page's own save, Baton reads the deal again (twice: Salesforce saves asynchronously). */
const REFRESH_AFTER_SAVE_MS = [1200, 4000];

type Mode = { kind: 'off' } | { kind: 'record'; deal: DealRef } | { kind: 'list'; instance: string };

function modeOf(url: string): Mode {
  const deal = salesforceOpportunityFromUrl(url);
  if (deal) return { kind: 'record', deal };
  const instance = salesforceInstanceFromUrl(url);
  if (instance && isSalesforceOpportunityListUrl(url)) return { kind: 'list', instance };
  return { kind: 'off' };
}

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
  const page = activePage();
  if (!page) return null;
  const reading = readPage(page, mapping);
  if (reading.absent.length === ELEMENT_KEYS.length) return null; // no handoff field on this layout: nothing to judge
  return {
    deal,
    url: `https://${lightningHostFor(deal.instance)}/lightning/r/Opportunity/${deal.recordId}/view`,
    name: reading.name,
    stage: { value: reading.stageLabel, label: reading.stageLabel },
    amount: null,
    currency: null,
    closeDate: null,
    owner: reading.owner,
    account: null,
    pipeline: null,
    stages: null,
    artifact: reading.artifact,
    fieldIssues: [],
    source: 'page',
    writable: false,
    notice: `Read from the page: ${problem.message} Baton cannot save from here; edit the fields in Salesforce${
      reading.absent.length > 0 ? ` (not on this layout: ${reading.absent.join(', ')})` : ''
    }.`,
    version: null,
    fetchedAt: now.toISOString(),
  };
}

export function startSalesforce(options: SalesforceAdapterOptions): () => void {
  const { controller, views } = options;
  let mode: Mode = { kind: 'off' };
  let mapping: SalesforceMapping | null = null;
  let stopPage: (() => void) | null = null;
  let draggedCard: Element | null = null;
  const interceptor = new Interceptor(controller);
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const later = (ms: number, f: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      f();
    }, ms);
    timers.add(t);
  };

  /** Lets a held click happen: Salesforce's own handlers run as if Baton were not there. */
  const replayClick = (element: Element) => () => {
    interceptor.replayClick(element);
    scheduleRefresh();
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

  const scheduleRefresh = () => {
    if (mode.kind !== 'record') return;
    const deal = mode.deal;
    for (const ms of REFRESH_AFTER_SAVE_MS) later(ms, () => mode.kind === 'record' && mode.deal.recordId === deal.recordId && void controller.arm(deal));
  };

  const dealOf = (move: SalesforceMove): DealRef | null => {
    if (move.recordId !== null) {
      const instance = mode.kind === 'off' ? null : mode.kind === 'record' ? mode.deal.instance : mode.instance;
      return instance ? { crm: 'salesforce', instance, recordId: toId18(move.recordId) } : null;
    }
    // Decided from the URL at the moment of the click, never from an earlier page: after SPA
    // navigation the gate is for the deal now on screen.
    return salesforceOpportunityFromUrl(location.href);
  };

  const held = (move: SalesforceMove, proceed: () => void): HeldMove | null => {
    const deal = dealOf(move);
    if (!deal) return null;
    return {
      deal,
      target: 'collapsedClosed' in move.target ? 'collapsed-closed' : move.target.stage,
      amongClosedStages: move.kind === 'closed-stage-save',
      pendingEdits: mapping ? pendingEdits(move.form, mapping) : {},
      proceed,
    };
  };

  const onClick = (event: MouseEvent) => {
    if (interceptor.isReplay(event)) return;
    trackStagePick(event);
    const move = recognizeClick(event, activePage());
    if (move) {
      const heldMove = held(move, replayClick(move.element));
      if (heldMove) interceptor.hold(event, heldMove);
      if (!event.defaultPrevented) scheduleRefresh();
      return;
    }
    if (onPath(event, RECORD_FORM_SAVE)) scheduleRefresh(); // the page saves fields: read them again
    if (mode.kind === 'record') later(50, check); // a chevron may have been selected
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

  /** Badge and guidance follow the page: Lightning re-renders the Path and swaps containers. */
  const check = () => {
    if (mode.kind !== 'record') return;
    const page = activePage();
    const path = page ? findPath(page) : null;
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

  const startPage = () => {
    window.addEventListener('click', onClick, true);
    window.addEventListener('dragstart', onDragStart, true);
    window.addEventListener('drop', onDrop, true);
    // A slow poll, not a MutationObserver: Lightning pages churn constantly, and an observer on
    // them costs the page a record per mutation. Clicks and navigation check at once anyway.
    const poll = setInterval(check, CHECK_INTERVAL_MS);
    return () => {
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('dragstart', onDragStart, true);
      window.removeEventListener('drop', onDrop, true);
      clearInterval(poll);
    };
  };

  const follow = async () => {
    const next = modeOf(location.href);
    const same =
      (next.kind === 'record' && mode.kind === 'record' && next.deal.recordId === mode.deal.recordId && next.deal.instance === mode.deal.instance) ||
      (next.kind === 'list' && mode.kind === 'list' && next.instance === mode.instance) ||
      (next.kind === 'off' && mode.kind === 'off');
    if (same) return;
    mode = next;
    if (next.kind === 'off') {
      stopPage?.();
      stopPage = null;
      controller.disarm();
      views.hideBadge();
      views.hideGuidance();
      return;
    }
    stopPage ??= startPage();
    if (mapping === null) {
      mapping = await options.mapping().catch(() => null);
      const m = mapping;
      if (m) controller.setPageFallback((deal, problem) => pageSnapshot(deal, problem, m));
    }
    if (next.kind === 'record') {
      check();
      await controller.arm(next.deal);
    } else {
      controller.disarm();
      views.hideBadge();
      views.hideGuidance();
      await controller.loadStages({ crm: 'salesforce', instance: next.instance });
    }
  };

  const unsubscribe = options.onUrlChange(() => void follow());
  void follow();

  return () => {
    unsubscribe();
    stopPage?.();
    for (const t of timers) clearTimeout(t);
    controller.disarm();
    views.hideBadge();
    views.hideGuidance();
  };
}
