import { describe, expect, it, vi } from 'vitest';
import {
  DYNAMIC_CONTENT_SCRIPTS,
  GATE_CONTENT_SCRIPTS,
  SAVE_CONTENT_SCRIPTS,
  createScriptSync,
  gateRegisteredFor,
  saveScriptFor,
  type DynamicContentScript,
  type ScriptRegistry,
} from '@/lib/background/gateScripts';
import { CRM_LIST } from '@/lib/crms';

/** The browser's registry of dynamic content scripts, as scripting.* keeps it. */
function fakeRegistry(initial: DynamicContentScript[] = []) {
  const scripts = new Map(initial.map((s) => [s.id, { ...s }]));
  const registry: ScriptRegistry & { scripts: typeof scripts } = {
    scripts,
    getRegisteredContentScripts: vi.fn(async () => [...scripts.values()]),
    registerContentScripts: vi.fn(async (list: DynamicContentScript[]) => {
      // As the browser: a duplicate id fails the whole call.
      if (list.some((s) => scripts.has(s.id))) throw new Error('Duplicate script ID');
      for (const s of list) scripts.set(s.id, s);
    }),
    updateContentScripts: vi.fn(async (list: DynamicContentScript[]) => {
      for (const s of list) scripts.set(s.id, { ...scripts.get(s.id), ...s });
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      for (const id of ids) scripts.delete(id);
    }),
  };
  return registry;
}

describe('the registered gate scripts', () => {
  it('run each CRM’s gate at document_start, in the top frame, on its deal pages, across sessions', () => {
    expect(GATE_CONTENT_SCRIPTS.map((s) => s.js)).toEqual(CRM_LIST.map((c) => [c.gateScript]));
    for (const [i, script] of GATE_CONTENT_SCRIPTS.entries()) {
      expect(script).toMatchObject({ runAt: 'document_start', allFrames: false, persistAcrossSessions: true, matches: CRM_LIST[i]?.gatePageMatches });
      expect(script.id.startsWith('_')).toBe(false); // reserved by Chrome
    }
    expect(new Set(DYNAMIC_CONTENT_SCRIPTS.map((s) => s.id)).size).toBe(DYNAMIC_CONTENT_SCRIPTS.length);
  });

  it('run each CRM’s page-world script of the backstop in the page’s own world, at document_start, on the same pages', () => {
    expect(SAVE_CONTENT_SCRIPTS.map((s) => s.js)).toEqual(CRM_LIST.map((c) => [c.saveScript]));
    for (const [i, script] of SAVE_CONTENT_SCRIPTS.entries()) {
      expect(script).toMatchObject({ world: 'MAIN', runAt: 'document_start', allFrames: false, persistAcrossSessions: true, matches: CRM_LIST[i]?.gatePageMatches });
    }
    expect(DYNAMIC_CONTENT_SCRIPTS).toEqual([...GATE_CONTENT_SCRIPTS, ...SAVE_CONTENT_SCRIPTS]);
    expect(CRM_LIST.map((c) => saveScriptFor(c.gateScript))).toEqual(CRM_LIST.map((c) => c.saveScript));
    expect(saveScriptFor('/content-scripts/other.js')).toBeNull();
  });

  it('say which loads run a registered gate (the injector waits for those)', () => {
    expect(gateRegisteredFor('https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view')).toBe(true);
    expect(gateRegisteredFor('https://app-eu1.hubspot.com/contacts/147434121/objects/0-3/views/all/board')).toBe(true);
    expect(gateRegisteredFor('https://acme.lightning.force.com/one/one.app#/sObject/006Hs00001abcDEIAY/view')).toBe(false);
    expect(gateRegisteredFor('https://acme.lightning.force.com/lightning/page/home')).toBe(false);
  });

  it('sync registers them once, updates them after, and drops ids no longer wanted', async () => {
    const stale = { ...GATE_CONTENT_SCRIPTS[0], id: 'baton-gate-retired' } as DynamicContentScript;
    const outdated = { ...GATE_CONTENT_SCRIPTS[0], matches: ['https://*.lightning.force.com/*'] } as DynamicContentScript;
    const registry = fakeRegistry([stale, outdated]);
    const sync = createScriptSync(registry);
    // Install and start-up together: the calls queue, none fails on a duplicate id.
    await Promise.all([sync(), sync()]);
    await sync();
    expect([...registry.scripts.values()]).toEqual(DYNAMIC_CONTENT_SCRIPTS);
    expect(registry.registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('a failed sync does not stop the next one', async () => {
    const registry = fakeRegistry();
    vi.mocked(registry.getRegisteredContentScripts).mockRejectedValueOnce(new Error('busy'));
    const sync = createScriptSync(registry);
    await expect(sync()).rejects.toThrow('busy');
    await sync();
    expect([...registry.scripts.keys()]).toEqual(DYNAMIC_CONTENT_SCRIPTS.map((s) => s.id));
  });
});
