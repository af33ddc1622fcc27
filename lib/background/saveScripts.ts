/**
 * The backstop's page-world scripts (entrypoints/<crm>-saves.content; README, "The backstop"): each
 * CRM's runs in the page's own world at document_start on the deal pages its registry entry names
 * (`gatePageMatches`), registered with scripting.registerContentScripts, so it wraps fetch and
 * XMLHttpRequest before the CRM's own scripts take a copy of them. A tab that arrives at a deal by
 * in-app navigation gets it from the injector, with the gate (entrypoints/background.ts).
 *
 * Registration persists across browser restarts; the background registers again at every start,
 * which updates what is there. Chrome: https://developer.chrome.com/docs/extensions/reference/api/scripting#type-RegisteredContentScript
 * (`world`: Chrome 102); Firefox: https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/scripting/RegisteredContentScript
 * (`world`: Firefox 128; Baton's minimum is 142).
 */
import { CRM_LIST } from '@/lib/crms';

/** The fields of scripting.RegisteredContentScript Baton sets (Chrome's and Firefox's common subset). */
export interface SaveContentScript {
  id: string;
  js: string[];
  matches: string[];
  runAt: 'document_start';
  world: 'MAIN';
  allFrames: boolean;
  persistAcrossSessions: boolean;
}

/** Each CRM's page-world script, in the top frame of its deal pages, before the page's own scripts. */
export const SAVE_CONTENT_SCRIPTS: readonly SaveContentScript[] = CRM_LIST.map((crm) => ({
  id: `baton-saves-${crm.id}`,
  js: [crm.saveScript],
  matches: [...crm.gatePageMatches],
  runAt: 'document_start',
  world: 'MAIN',
  allFrames: false,
  persistAcrossSessions: true,
}));

/** The part of browser.scripting registering uses. */
export interface SaveScriptRegistry {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ id: string }>>;
  registerContentScripts(scripts: SaveContentScript[]): Promise<unknown>;
  updateContentScripts(scripts: SaveContentScript[]): Promise<unknown>;
}

/** Registers the page-world scripts, or updates them when a registration persisted (an update, a restart). */
export async function registerSaveScripts(registry: SaveScriptRegistry, scripts: readonly SaveContentScript[] = SAVE_CONTENT_SCRIPTS): Promise<void> {
  const present = new Set((await registry.getRegisteredContentScripts({ ids: scripts.map((s) => s.id) })).map((s) => s.id));
  const update = scripts.filter((s) => present.has(s.id)).map((s) => ({ ...s, js: [...s.js], matches: [...s.matches] }));
  const register = scripts.filter((s) => !present.has(s.id)).map((s) => ({ ...s, js: [...s.js], matches: [...s.matches] }));
  if (update.length > 0) await registry.updateContentScripts(update);
  if (register.length > 0) await registry.registerContentScripts(register);
}

/** The page-world script to inject with a CRM's gate script, for a tab that arrived at a deal in-app. */
export function saveScriptFor(gateScript: string): string | null {
  return CRM_LIST.find((crm) => crm.gateScript === gateScript)?.saveScript ?? null;
}
