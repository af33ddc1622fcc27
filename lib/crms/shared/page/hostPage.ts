/**
 * What every host adapter does the same way: follow the URL (SPA navigation included), attach the
 * adapter's capture listeners and its slow look at the page only while the page is a deal record
 * or a collection of deals, arm the gate for the deal on screen, and tidy up on the way out.
 * The host-specific parts (what the URL means, what the listeners recognise, what "look at the
 * page" does) come in as options.
 */
import type { Crm, DealRef } from '@/lib/domain/deal';
import type { DealSnapshot } from '@/lib/domain/snapshot';
import type { CrmProblem } from '@/lib/domain/problem';
import type { GateController } from '@/lib/gate/controller';
import type { OverlayViews } from '@/lib/gate/views';

/** What a content script gives its host adapter. */
export interface HostAdapterOptions<Mapping> {
  controller: GateController;
  views: OverlayViews;
  /** The field mapping in force (read once per page from the settings). */
  mapping(): Promise<Mapping>;
  /** Subscribes to URL changes (SPA navigation); returns the unsubscribe. */
  onUrlChange(listener: () => void): () => void;
}

/** Where a host page stands: not a deal page, one deal's record, or a collection (list, Kanban, board). */
export type HostMode = { kind: 'off' } | { kind: 'record'; deal: DealRef } | { kind: 'collection'; instance: string };

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
  crm: Crm;
  controller: GateController;
  modeOf(url: string): HostMode;
  /** The field mapping in force, read once per page. */
  mapping(): Promise<Mapping>;
  /** A read-only snapshot off the page, for when the API is closed to Baton. */
  pageSnapshot(deal: DealRef, problem: CrmProblem, mapping: Mapping): DealSnapshot | null;
  /** Capture-phase listeners on window, attached only while the page is a record or a collection. */
  listeners: ReadonlyArray<readonly [type: string, listener: (event: Event) => void]>;
  /**
   * Looks at the page (badge, guidance) every CHECK_INTERVAL_MS and on arriving at a record.
   * A slow poll, not a MutationObserver: CRM pages churn constantly, and an observer on them costs
   * the page a record per mutation. Clicks and navigation check at once anyway.
   */
  check(): void;
  hideOverlays(): void;
  /** Subscribes to URL changes (SPA navigation); returns the unsubscribe. */
  onUrlChange(listener: () => void): () => void;
}

export interface HostPage<Mapping> {
  mode(): HostMode;
  /** The instance (org, portal) the page belongs to, or null off deal pages. */
  instance(): string | null;
  /** The mapping, once read (null before, or when the settings could not be read). */
  mapping(): Mapping | null;
  /** Runs f after ms unless the adapter stops first. */
  later(ms: number, f: () => void): void;
  /** After the page's own save: read the record's deal again, if it is still on screen. */
  scheduleRefresh(): void;
  stop(): void;
}

export function followHostPage<Mapping>(options: HostPageOptions<Mapping>): HostPage<Mapping> {
  const { controller } = options;
  let mode: HostMode = { kind: 'off' };
  let mapping: Mapping | null = null;
  let detach: (() => void) | null = null;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const later = (ms: number, f: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      f();
    }, ms);
    timers.add(t);
  };

  const attach = () => {
    for (const [type, listener] of options.listeners) window.addEventListener(type, listener, true);
    const poll = setInterval(options.check, CHECK_INTERVAL_MS);
    return () => {
      for (const [type, listener] of options.listeners) window.removeEventListener(type, listener, true);
      clearInterval(poll);
    };
  };

  const follow = async () => {
    const next = options.modeOf(location.href);
    if (sameMode(next, mode)) return;
    mode = next;
    if (next.kind === 'off') {
      detach?.();
      detach = null;
      controller.disarm();
      options.hideOverlays();
      return;
    }
    detach ??= attach();
    if (mapping === null) {
      mapping = await options.mapping().catch(() => null);
      const m = mapping;
      if (m !== null) controller.setPageFallback((deal, problem) => options.pageSnapshot(deal, problem, m));
    }
    if (next.kind === 'record') {
      options.check();
      await controller.arm(next.deal);
    } else {
      controller.disarm();
      options.hideOverlays();
      await controller.loadStages({ crm: options.crm, instance: next.instance });
    }
  };

  const unsubscribe = options.onUrlChange(() => void follow());
  // After this returns, so the adapter's callbacks can use the HostPage they are given.
  void Promise.resolve().then(follow);

  return {
    mode: () => mode,
    instance: () => (mode.kind === 'record' ? mode.deal.instance : mode.kind === 'collection' ? mode.instance : null),
    mapping: () => mapping,
    later,
    scheduleRefresh: () => {
      if (mode.kind !== 'record') return;
      const deal = mode.deal;
      for (const ms of REFRESH_AFTER_SAVE_MS) {
        later(ms, () => {
          if (mode.kind === 'record' && mode.deal.recordId === deal.recordId) void controller.arm(deal);
        });
      }
    },
    stop: () => {
      unsubscribe();
      detach?.();
      detach = null;
      for (const t of timers) clearTimeout(t);
      controller.disarm();
      options.hideOverlays();
    },
  };
}
