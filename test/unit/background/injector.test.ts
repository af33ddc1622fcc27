import { describe, expect, it, vi } from 'vitest';
import { createInjector, gateScriptFor } from '@/lib/background/injector';
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

describe('ensureGate', () => {
  it('injects once into a tab without a gate, never into a page that is not a deal', async () => {
    const inject = vi.fn(async (_tabId: number, _script: string) => {});
    let present = false;
    const ensure = createInjector({ hasGate: async () => present, inject: async (...a) => { await inject(...a); present = true; } });
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
    const ensure = createInjector({ hasGate: async () => false, inject: async () => { throw new Error('No tab with id: 9'); } });
    expect(await ensure(9, 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view')).toBe(false);
  });
});
