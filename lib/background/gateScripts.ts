/**
 * The content scripts Baton registers with the browser (scripting.registerContentScripts) rather
 * than injecting them: scripts that must be in a page before the page can take input. Each CRM's
 * gate script runs at document_start on the deal pages its registry entry names
 * (`gatePageMatches`), so a move made while the page is still loading its subresources is held,
 * not missed; the injector (injector.ts) still brings the gate on in-app navigation into a deal.
 *
 * Every dynamically registered content script of Baton is in DYNAMIC_CONTENT_SCRIPTS: syncing
 * registers what is missing, updates what is there, and unregisters any other id, so a script a
 * newer version dropped or renamed does not linger. Append a script to the list; do not register
 * one elsewhere.
 *
 * Registration persists across browser restarts (persistAcrossSessions); the background syncs on
 * every start anyway, which is idempotent, so an install, an update or a lost registration is
 * mended the next time the worker starts. Chrome: https://developer.chrome.com/docs/extensions/reference/api/scripting#method-registerContentScripts
 * Firefox (102+, persistAcrossSessions 105+): https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/scripting/registerContentScripts
 */
import { MatchPattern } from 'wxt/utils/match-patterns';
import { CRM_LIST } from '@/lib/crms';

/** The fields of scripting.RegisteredContentScript Baton sets (Chrome's and Firefox's common subset). */
export interface DynamicContentScript {
  id: string;
  js: string[];
  matches: string[];
  runAt: 'document_start' | 'document_end' | 'document_idle';
  world?: 'ISOLATED' | 'MAIN';
  allFrames: boolean;
  persistAcrossSessions: boolean;
}

/** Each CRM's gate, in the top frame of its deal pages, before the page's own scripts. */
export const GATE_CONTENT_SCRIPTS: readonly DynamicContentScript[] = CRM_LIST.map((crm) => ({
  id: `baton-gate-${crm.id}`,
  js: [crm.gateScript],
  matches: [...crm.gatePageMatches],
  runAt: 'document_start',
  allFrames: false,
  persistAcrossSessions: true,
}));

/**
 * Each CRM's page-world script of the backstop (entrypoints/<crm>-saves.content; README, "The
 * backstop"), in the page's own world on the same pages, so it wraps fetch and XMLHttpRequest before
 * the CRM's scripts take a copy of them. `world`: Chrome 102
 * (https://developer.chrome.com/docs/extensions/reference/api/scripting#type-RegisteredContentScript),
 * Firefox 128 (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/scripting/RegisteredContentScript);
 * Baton's Firefox minimum is 142.
 */
export const SAVE_CONTENT_SCRIPTS: readonly DynamicContentScript[] = CRM_LIST.map((crm) => ({
  id: `baton-saves-${crm.id}`,
  js: [crm.saveScript],
  matches: [...crm.gatePageMatches],
  runAt: 'document_start',
  world: 'MAIN',
  allFrames: false,
  persistAcrossSessions: true,
}));

/** Every content script Baton registers dynamically. */
export const DYNAMIC_CONTENT_SCRIPTS: readonly DynamicContentScript[] = [...GATE_CONTENT_SCRIPTS, ...SAVE_CONTENT_SCRIPTS];

/** The backstop's page-world script to inject with a CRM's gate script, in a tab that arrived at a deal in-app. */
export function saveScriptFor(gateScript: string): string | null {
  return CRM_LIST.find((crm) => crm.gateScript === gateScript)?.saveScript ?? null;
}

/** Whether a document loaded at `url` runs a registered gate script (before its own scripts). */
export function gateRegisteredFor(url: string, scripts: readonly DynamicContentScript[] = GATE_CONTENT_SCRIPTS): boolean {
  return scripts.some((script) => script.matches.some((pattern) => new MatchPattern(pattern).includes(url)));
}

/** The part of browser.scripting that syncing uses. */
export interface ScriptRegistry {
  getRegisteredContentScripts(): Promise<Array<{ id: string }>>;
  registerContentScripts(scripts: DynamicContentScript[]): Promise<unknown>;
  updateContentScripts(scripts: DynamicContentScript[]): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
}

/**
 * Makes the browser's registered scripts exactly `wanted`. Safe to call at every start and more
 * than once at a time: calls are queued one after another.
 */
export function createScriptSync(registry: ScriptRegistry, wanted: readonly DynamicContentScript[] = DYNAMIC_CONTENT_SCRIPTS) {
  let queue: Promise<void> = Promise.resolve();

  async function sync(): Promise<void> {
    const present = new Set((await registry.getRegisteredContentScripts()).map((s) => s.id));
    const wantedIds = new Set(wanted.map((s) => s.id));
    const stale = [...present].filter((id) => !wantedIds.has(id));
    if (stale.length > 0) await registry.unregisterContentScripts({ ids: stale });
    const update = wanted.filter((s) => present.has(s.id));
    const register = wanted.filter((s) => !present.has(s.id));
    if (update.length > 0) await registry.updateContentScripts(update.map((s) => ({ ...s })));
    if (register.length > 0) await registry.registerContentScripts(register.map((s) => ({ ...s })));
  }

  return function syncContentScripts(): Promise<void> {
    const run = queue.then(sync);
    queue = run.catch(() => {});
    return run;
  };
}
