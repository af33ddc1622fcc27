/**
 * Puts the gate into the pages that need it when they did not load as one. A deal page loaded
 * from its URL has the gate from document_start (registered, gateScripts.ts); a tab that arrives
 * at a deal by in-app navigation (tabs.onUpdated also reports Lightning's and HubSpot's
 * history-API navigation), a deal URL no match pattern can name, and tabs open before Baton
 * started get it here: the background injects the gate script when the URL is a deal page, once
 * per document (a gate already there answers a ping, and a second script in the same document
 * steps aside: components/overlay/runGate.ts). So a Salesforce or HubSpot page that is not a deal
 * (or a deals board) costs Baton nothing at all.
 */
import { gateCrmFor, type CrmEntry } from '@/lib/crms';

export type GateScript = CrmEntry['gateScript'];

/** The gate script a page needs, from its URL alone; null for every other page. */
export function gateScriptFor(url: string | undefined): GateScript | null {
  return gateCrmFor(url)?.gateScript ?? null;
}

export interface InjectorDeps {
  /** Whether the tab's top document already runs a Baton gate (it answers a ping). */
  hasGate(tabId: number): Promise<boolean>;
  inject(tabId: number, script: GateScript): Promise<void>;
  /** Whether a document loaded at `url` gets the gate from a registered script (gateScripts.ts). */
  registeredFor(url: string): Promise<boolean>;
  /** Resolves after `ms` (a timer in the background). */
  wait(ms: number): Promise<void>;
}

/**
 * A tab loading a URL the registered scripts cover has its gate from document_start; looking at
 * once would often find the document's script not started yet and inject a second copy (which
 * steps aside, but costs the page a second run of the script). So the look waits this long, as
 * a backstop only: a same-document navigation reports "complete" at once, and that look is
 * immediate; a page that rewrote its URL into a deal page while loading gets the gate after this.
 */
export const REGISTERED_GRACE_MS = 1000;

export interface TabChange {
  /** The tab's document is loading (a new document, or a same-document navigation that has not finished). */
  loading: boolean;
}

export function createInjector(deps: InjectorDeps) {
  // One look per tab at a time: a URL change and the load's "complete" often arrive together.
  const inFlight = new Map<number, Promise<boolean>>();
  // The latest change seen per tab: a look that waited gives way to a newer one.
  const latest = new Map<number, number>();
  let changes = 0;

  async function look(tabId: number, script: GateScript): Promise<boolean> {
    if (await deps.hasGate(tabId)) return false;
    await deps.inject(tabId, script);
    return true;
  }

  const now = (tabId: number, script: GateScript): Promise<boolean> => {
    const pending = inFlight.get(tabId);
    if (pending) return pending;
    const run = look(tabId, script)
      .catch((error: unknown) => {
        // A tab that closed or navigated to a page without our host permission: nothing to do.
        console.warn(`[baton] Could not put the gate into tab ${tabId}.`, error);
        return false;
      })
      .finally(() => inFlight.delete(tabId));
    inFlight.set(tabId, run);
    return run;
  };

  /** Injects the gate into the tab if its URL needs one and it has none. Resolves to whether it injected. */
  return async function ensureGate(tabId: number, url: string | undefined, change: TabChange = { loading: false }): Promise<boolean> {
    const seen = ++changes;
    latest.set(tabId, seen);
    const script = gateScriptFor(url);
    if (script === null || url === undefined) return false;
    if (change.loading && (await deps.registeredFor(url).catch(() => false))) {
      await deps.wait(REGISTERED_GRACE_MS);
      if (latest.get(tabId) !== seen) return false; // a newer change of this tab looks instead
    }
    return now(tabId, script);
  };
}
