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
}

export function createInjector(deps: InjectorDeps) {
  // One look per tab at a time: a URL change and the load's "complete" often arrive together.
  const inFlight = new Map<number, Promise<boolean>>();

  async function look(tabId: number, script: GateScript): Promise<boolean> {
    if (await deps.hasGate(tabId)) return false;
    await deps.inject(tabId, script);
    return true;
  }

  /** Injects the gate into the tab if its URL needs one and it has none. Resolves to whether it injected. */
  return function ensureGate(tabId: number, url: string | undefined): Promise<boolean> {
    const script = gateScriptFor(url);
    if (script === null) return Promise.resolve(false);
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
}
