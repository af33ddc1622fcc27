import { describe, expect, it } from 'vitest';
import {
  fillMissing,
  migrateSettings,
  runMigrations,
  SETTINGS_MIGRATIONS,
  type SettingsMigration,
} from '@/lib/settings/migrations';
import { defaultSettings, SETTINGS_VERSION } from '@/lib/settings/schema';

describe('settings migrations', () => {
  it('loads version 1 settings as they were saved', () => {
    const saved = defaultSettings();
    saved.enforcement = 'warn';
    saved.fieldMappings.salesforce.useCase = 'Use_Case__c';
    saved.rules.modes.placeholder = 'off';
    const result = migrateSettings(JSON.parse(JSON.stringify(saved)));
    expect(result).toEqual({ ok: true, settings: saved, migratedFrom: null });
  });

  it('has a step for every version below the current one', () => {
    for (let v = 1; v < SETTINGS_VERSION; v++) {
      expect(SETTINGS_MIGRATIONS.some((m) => m.from === v)).toBe(true);
    }
  });

  it('runs the steps in order and carries every user value over (a hypothetical v1 → v3)', () => {
    const steps: SettingsMigration[] = [
      { from: 2, migrate: ({ gateMode, ...rest }) => ({ ...rest, gate: { mode: gateMode } }) },
      { from: 1, migrate: ({ enforcement, ...rest }) => ({ ...rest, gateMode: enforcement }) },
    ];
    const result = runMigrations({ version: 1, enforcement: 'off', role: 'csm' }, steps, 3);
    expect(result).toEqual({ ok: true, from: 1, value: { version: 3, role: 'csm', gate: { mode: 'off' } } });
  });

  it('stops with a message when a step is missing', () => {
    const result = runMigrations({ version: 1 }, [], 2);
    expect(result).toEqual({ ok: false, message: 'No migration from settings version 1.' });
  });

  it('refuses settings saved by a newer Baton instead of guessing', () => {
    const result = migrateSettings({ ...defaultSettings(), version: SETTINGS_VERSION + 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/newer Baton/);
  });

  it('reports where a stored value is invalid', () => {
    const broken = { ...defaultSettings(), enforcement: 'sometimes' };
    const result = migrateSettings(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['enforcement']);
  });

  it.each([null, 'settings', 42, [], { enforcement: 'warn' }])('rejects %j with a message', (value) => {
    const result = migrateSettings(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it('gives a rule added after the settings were saved its default mode', () => {
    const saved = JSON.parse(JSON.stringify(defaultSettings()));
    delete saved.rules.modes['unparsed-lines'];
    saved.rules.modes['vague-commitment'] = 'block';
    const result = migrateSettings(saved);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.settings.rules.modes['unparsed-lines']).toBe('warn');
      expect(result.settings.rules.modes['vague-commitment']).toBe('block');
    }
  });
});

describe('fillMissing', () => {
  it('keeps present values, even invalid ones, and adds absent ones', () => {
    expect(fillMissing({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 'x' } })).toEqual({ a: 1, b: { c: 'x', d: 3 } });
    expect(fillMissing({ a: 1 }, { a: null })).toEqual({ a: null });
  });
});
