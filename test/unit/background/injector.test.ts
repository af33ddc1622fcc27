import { describe, expect, it, vi } from 'vitest';
import { REGISTERED_GRACE_MS, createInjector, gateScriptFor, type InjectorDeps } from '@/lib/background/injector';
import { DETECTORS } from '../crms/detectors';

describe('gateScriptFor', () => {
  it('wants the gate on opportunity records and opportunity lists only', () => {
    expect(gateScriptFor('https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view')).toBe('/content-scripts/salesforce-gate.js');
    expect(gateScriptFor('https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Kanban')).toBe('/content-scripts/salesforce-gate.js');
    for (const url of [
      'https://acme.lightning.force.com/lightning/page/home',
      'https://acme.lightning.force.com/lightning/r/Account/001Hs00001xyzAAAAA/view',
      'https://example.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view',
      undefined,
    ]) {
      expect(gateScriptFor(url)).toBeNull();
    }
  });

  it('agrees with every detector', () => {
    for (const d of DETECTORS) for (const url of d.examples) expect(gateScriptFor(url), url).not.toBeNull();
  });
});

const OPPORTUNITY = 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view';
/** No registered scripts, no waiting: the injector as it was before scripts were registered. */
const unregistered = { registeredFor: async () => false, wait: async () => {} } satisfies Partial<InjectorDeps>;

describe('ensureGate', () => {
  it('injects once into a tab without a gate, never into a page that is not a deal', async () => {
    const inject = vi.fn(async (_tabId: number, _script: string) => {});
    let present = false;
    const ensure = createInjector({ ...unregistered, hasGate: async () => present, inject: async (...a) => { await inject(...a); present = true; } });
    expect(await ensure(1, 'https://acme.lightning.force.com/lightning/page/home')).toBe(false);
    const url = 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view';
    const [a, b] = await Promise.all([ensure(1, url), ensure(1, url)]); // URL change and "complete" together
    expect([a, b]).toEqual([true, true]);
    expect(await ensure(1, url)).toBe(false); // the gate answers now
    expect(inject).toHaveBeenCalledTimes(1);
    expect(inject).toHaveBeenCalledWith(1, '/content-scripts/salesforce-gate.js');
  });

  it('a tab that closed meanwhile is not an error', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ensure = createInjector({ ...unregistered, hasGate: async () => false, inject: async () => { throw new Error('No tab with id: 9'); } });
    expect(await ensure(9, 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view')).toBe(false);
  });

  it('a page loading where a registered script runs is only looked at after a grace, and a newer change of the tab looks instead', async () => {
    const waits: Array<() => void> = [];
    let present = false;
    const inject = vi.fn(async () => {});
    const ensure = createInjector({
      hasGate: async () => present,
      inject,
      registeredFor: async (url) => url === OPPORTUNITY,
      wait: (ms) => {
        expect(ms).toBe(REGISTERED_GRACE_MS);
        return new Promise((resolve) => waits.push(resolve));
      },
    });
    // A full load: the document_start script answers by the time the grace is over.
    const load = ensure(1, OPPORTUNITY, { loading: true });
    await vi.waitFor(() => expect(waits).toHaveLength(1));
    present = true;
    waits.shift()?.();
    expect(await load).toBe(false);
    expect(inject).not.toHaveBeenCalled();

    // A same-document navigation: "loading" then "complete" at once; the complete looks now.
    present = false;
    const navigating = ensure(2, OPPORTUNITY, { loading: true });
    await vi.waitFor(() => expect(waits).toHaveLength(1));
    expect(await ensure(2, OPPORTUNITY)).toBe(true);
    waits.shift()?.();
    expect(await navigating).toBe(false);
    expect(inject).toHaveBeenCalledTimes(1);

    // A deal URL no registered script covers (fragment routing) is looked at at once, loading or not.
    expect(await ensure(3, 'https://acme.lightning.force.com/one/one.app#/sObject/006Hs00001abcDEIAY/view', { loading: true })).toBe(true);
  });
});
