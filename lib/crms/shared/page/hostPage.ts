/**
 * What every host adapter does the same way: follow the URL (SPA navigation included), attach the
 * adapter's capture listeners and its slow look at the page only while the page is a deal record
 * or a collection of deals, arm the gate for the deal on screen, and tidy up on the way out.
 * The host-specific parts (what the URL means, what the listeners recognise, what "look at the
 * page" does) come in as options.
 *
 * Everything it starts ends with the gate's AbortSignal: listeners are added with `signal`, timers
 * through lib/gate/lifetime.ts, so an aborted gate leaves nothing behind in the page.
 */
import type { DealRef } from '@/lib/domain/deal';
import type { CrmEntry } from '../entry';
import type { DealSnapshot } from '@/lib/domain/snapshot';
import type { CrmProblem } from '@/lib/domain/problem';
import type { GateController } from '@/lib/gate/controller';
import type { OverlayViews } from '@/lib/gate/views';
import { every, later, within } from '@/lib/gate/lifetime';

/** What a content script gives its host adapter. */
export interface HostAdapterOptions<Mapping> {
  controller: GateController;
  views: OverlayViews;
  /** The field mapping in force (read once per page from the settings). */
  mapping(): Promise<Mapping>;
  /** The gate's lifetime: once it aborts, the adapter has no listener and no timer left in the page. */
  signal: AbortSignal;
  /** Calls `listener` on every URL change (SPA navigation) until `signal` aborts. */
  onUrlChange(listener: () => void, signal: AbortSignal): void;
  /**
   * False while the test suite has switched off the recognition of moves in the CRM's UI
   * (lib/background/testSwitches.ts): the capture listeners then do nothing, and only the backstop
   * at the page's save (backstop.ts) holds moves. Absent: on.
   */
  uiRecognition?(): boolean;
}

/** Where a host page stands: not a deal page, one deal's record, or a collection (list, Kanban, board). */
export type HostMode = { kind: 'off' } | { kind: 'record'; deal: DealRef } | { kind: 'collection'; instance: string };

/** Where a page of `crm` stands, from its URL alone. */
export function hostModeOf(crm: Pick<CrmEntry, 'dealFromUrl' | 'collectionFromUrl'>, url: string): HostMode {
  const deal = crm.dealFromUrl(url);
  if (deal) return { kind: 'record', deal };
  const instance = crm.collectionFromUrl(url);
  return instance ? { kind: 'collection', instance } : { kind: 'off' };
}

export function sameMode(a: HostMode, b: HostMode): boolean {
  if (a.kind === 'record' && b.kind === 'record') return a.deal.recordId === b.deal.recordId && a.deal.instance === b.deal.instance;
  if (a.kind === 'collection' && b.kind === 'collection') return a.instance === b.instance;
  return a.kind === 'off' && b.kind === 'off';
}

/** How often the adapter looks whether the CRM re-rendered what Baton sits beside (badge, guidance). */
const CHECK_INTERVAL_MS = 1000;
/** After the page's own save, the deal is read again, twice: both CRMs save asynchronously. */
const REFRESH_AFTER_SAVE_MS = [1200, 4000];

export interface HostPageOptions<Mapping> {
  /** The CRM's registry entry: its id, and the URL parsers that say where a page stands. */
  crm: Pick<CrmEntry, 'id' | 'dealFromUrl' | 'collectionFromUrl'>;
  controller: Pick<GateController, 'arm' | 'disarm' | 'loadStages' | 'setPageFallback' | 'readPageAgain'>;
  /** The field mapping in force, read once per page. */
  mapping(): Promise<Mapping>;
  /** A read-only snapshot off the page, for when the API is closed to Baton. */
  pageSnapshot(deal: DealRef, problem: CrmProblem, mapping: Mapping): DealSnapshot | null;
  /** Capture-phase listeners on window, attached only while the page is a record or a collection. */
  listeners: ReadonlyArray<readonly [type: string, listener: (event: Event) => void]>;
  /** False while the UI recognition is switched off (HostAdapterOptions.uiRecognition): the listeners do nothing. */
  uiRecognition?(): boolean;
  /**
   * Looks at the page (badge, guidance) every CHECK_INTERVAL_MS and on arriving at a record.
   * A slow poll, not a MutationObserver: CRM pages churn constantly, and an observer on them costs
   * the page a record per mutation. Clicks and navigation check at once anyway.
   */
  check(): void;
  hideOverlays(): void;
  /** The gate's lifetime: aborting it detaches everything, disarms the gate and hides the overlays. */
  signal: AbortSignal;
  onUrlChange: HostAdapterOptions<Mapping>['onUrlChange'];
}

export interface HostPage<Mapping> {
  mode(): HostMode;
  /** The instance (org, portal) the page belongs to, or null off deal pages. */
  instance(): string | null;
  /** The mapping, once read (null before, or when the settings could not be read). */
  mapping(): Mapping | null;
  /**
   * The mapping for a move made now: at once when read, else asked for again (a move can come
   * before the page's first read finished, or after it failed); null when it still cannot be read.
   */
  mappingNow(): Mapping | Promise<Mapping | null>;
  /** Runs f after ms unless the gate stops first. */
  later(ms: number, f: () => void): void;
  /** After the page's own save: read the record's deal again, if it is still on screen. */
  scheduleRefresh(): void;
}

export function followHostPage<Mapping>(options: HostPageOptions<Mapping>): HostPage<Mapping> {
  const { controller, signal } = options;
  let mode: HostMode = { kind: 'off' };
  let mapping: Mapping | null = null;
  /** The listeners and the look at the page, while the page is a record or a collection. */
  let attached: AbortController | null = null;

  const attach = () => {
    const scope = within(signal);
    const recognising = options.uiRecognition ?? (() => true);
    for (const [type, listener] of options.listeners) window.addEventListener(type, (event) => recognising() && listener(event), { capture: true, signal: scope.signal });
    // Read by the page benchmark (test/bench/pages.bench.ts): navigation → the interceptor in place.
    performance.mark('baton:interceptor-ready');
    every(scope.signal, CHECK_INTERVAL_MS, () => {
      options.check();
      if (mode.kind === 'record') controller.readPageAgain();
    });
    return scope;
  };

  const follow = async () => {
    if (signal.aborted) return;
    const next = hostModeOf(options.crm, location.href);
    if (sameMode(next, mode)) return;
    mode = next;
    if (next.kind === 'off') {
      attached?.abort();
      attached = null;
      controller.disarm();
      options.hideOverlays();
      return;
    }
    attached ??= attach();
    if (mapping === null) {
      mapping = await options.mapping().catch(() => null);
      if (signal.aborted) return;
      const m = mapping;
      if (m !== null) controller.setPageFallback((deal, problem) => options.pageSnapshot(deal, problem, m));
    }
    if (next.kind === 'record') {
      options.check();
      await controller.arm(next.deal);
    } else {
      controller.disarm();
      options.hideOverlays();
      await controller.loadStages({ crm: options.crm.id, instance: next.instance });
    }
  };

  options.onUrlChange(() => void follow(), signal);
  // After this returns, so the adapter's callbacks can use the HostPage they are given.
  void Promise.resolve().then(follow);
  signal.addEventListener(
    'abort',
    () => {
      controller.disarm();
      options.hideOverlays();
    },
    { once: true },
  );

  return {
    mode: () => mode,
    instance: () => (mode.kind === 'record' ? mode.deal.instance : mode.kind === 'collection' ? mode.instance : null),
    mapping: () => mapping,
    mappingNow: () => mapping ?? options.mapping().catch(() => null),
    later: (ms, f) => void later(signal, ms, f),
    scheduleRefresh: () => {
      if (mode.kind !== 'record') return;
      const deal = mode.deal;
      for (const ms of REFRESH_AFTER_SAVE_MS) {
        later(signal, ms, () => {
          if (mode.kind === 'record' && mode.deal.recordId === deal.recordId) void controller.arm(deal);
        });
      }
    },
  };
}
