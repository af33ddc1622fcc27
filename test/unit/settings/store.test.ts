import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings, writeSettings, watchSettings } from '@/lib/settings/store';
import { defaultSettings } from '@/lib/settings/schema';

describe('settings store', () => {
  it('starts from the defaults: enforce, and the Handoff_* fields and properties', async () => {
    const state = await readSettings();
    expect(state.problems).toEqual([]);
    expect(state.settings.enforcement).toBe('enforce');
    expect(state.settings.fieldMappings.salesforce.useCase).toBe('Handoff_Use_Case__c');
    expect(state.settings.fieldMappings.hubspot.knownGaps).toBe('handoff_known_gaps');
  });

  it('saves valid settings and reads them back', async () => {
    const next = defaultSettings();
    next.enforcement = 'warn';
    next.rules.thresholds.minWords.useCase = 12;
    expect(await writeSettings(next)).toEqual({ ok: true, settings: next });
    expect((await readSettings()).settings).toEqual(next);
  });

  it('refuses an invalid object whole and writes nothing', async () => {
    const good = defaultSettings();
    good.role = 'csm';
    await writeSettings(good);
    const bad = { ...defaultSettings(), role: 'manager', fieldMappings: { ...good.fieldMappings, salesforce: { ...good.fieldMappings.salesforce, useCase: 'Use Case!' } } };
    const result = await writeSettings(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe('fieldMappings.salesforce.useCase');
    expect((await readSettings()).settings.role).toBe('csm');
  });

  it('keeps the last valid settings in force when the stored ones are broken, and says so', async () => {
    const good = defaultSettings();
    good.enforcement = 'warn';
    await writeSettings(good);
    const broken = { ...good, enforcement: 'maybe' };
    await fakeBrowser.storage.local.set({ settings: broken });

    const state = await readSettings();
    expect(state.settings.enforcement).toBe('warn');
    expect(state.problems).toHaveLength(1);
    expect(state.problems[0]?.message).toMatch(/last valid settings stay in force/);
    expect(state.problems[0]?.details.join()).toMatch(/enforcement/);
    // The broken value is left for inspection, not overwritten.
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(broken);
  });

  it('falls back to defaults only when nothing valid was ever saved, and says so', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 1, enforcement: 7 } });
    const state = await readSettings();
    expect(state.settings).toEqual(defaultSettings());
    expect(state.problems[0]?.message).toMatch(/default settings/);
  });

  it('lets administrator values win and reports them as locked', async () => {
    const mine = defaultSettings();
    mine.enforcement = 'off';
    await writeSettings(mine);
    await fakeBrowser.storage.managed.set({
      enforcement: 'enforce',
      rules: { modes: { placeholder: 'block' } },
      fieldMappings: { hubspot: { useCase: 'acme_use_case' } },
    });
    const state = await readSettings();
    expect(state.settings.enforcement).toBe('enforce');
    expect(state.settings.fieldMappings.hubspot.useCase).toBe('acme_use_case');
    expect(state.locked.sort()).toEqual(['enforcement', 'fieldMappings.hubspot.useCase', 'rules.modes.placeholder']);
    expect(state.problems).toEqual([]);
  });

  it('applies the valid administrator values and reports the invalid ones', async () => {
    await fakeBrowser.storage.managed.set({ enforcement: 'warn', role: 'pilot', unknownPolicy: true });
    const state = await readSettings();
    expect(state.settings.enforcement).toBe('warn');
    expect(state.settings.role).toBe('ae');
    expect(state.locked).toEqual(['enforcement']);
    expect(state.problems).toHaveLength(1);
    expect(state.problems[0]?.source).toBe('managed');
    expect(state.problems[0]?.details.join(' ')).toMatch(/role/);
  });

  it('tells watchers when the settings change', async () => {
    let calls = 0;
    const stop = watchSettings(() => calls++);
    await writeSettings(defaultSettings());
    await fakeBrowser.storage.managed.set({ enforcement: 'off' });
    stop();
    await writeSettings(defaultSettings());
    expect(calls).toBe(2);
  });
});

describe('managed settings that are slow to answer', () => {
  it('do not hang the read: after a short wait the administrator’s values seen last stay in force', async () => {
    const { vi } = await import('vitest');
    const { MANAGED_WAIT_MS } = await import('@/lib/settings/store');
    const managed = vi.spyOn(fakeBrowser.storage.managed, 'get');
    managed.mockResolvedValueOnce({ enforcement: 'enforce' });
    const first = await readSettings();
    expect(first.locked).toContain('enforcement');

    const local = defaultSettings();
    local.enforcement = 'off';
    await writeSettings(local);
    managed.mockImplementationOnce(() => new Promise(() => {})); // the policy service is still loading
    vi.useFakeTimers();
    try {
      const pending = readSettings();
      await vi.advanceTimersByTimeAsync(MANAGED_WAIT_MS + 10);
      const state = await pending;
      expect(state.settings.enforcement).toBe('enforce');
      expect(state.locked).toContain('enforcement');
    } finally {
      vi.useRealTimers();
      managed.mockRestore();
    }
  });
});
