import { afterEach, describe, expect, it } from 'vitest';
import { applyManaged } from '@/lib/settings/managed';
import { migrateSettings } from '@/lib/settings/migrations';
import { defaultSettings } from '@/lib/settings/schema';
import { importSettingsJson } from '@/lib/settings/transfer';

const ORIGINAL_TO_STRING = Object.prototype.toString;

afterEach(() => {
  // A failing run must not poison the rest of the suite.
  Object.prototype.toString = ORIGINAL_TO_STRING; // eslint-disable-line no-extend-native
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('settings from outside Baton never reach Object.prototype', () => {
  it('managed settings: a __proto__ path is ignored and reported, the other values apply', () => {
    const managed = JSON.parse('{"__proto__": {"toString": "pwned", "polluted": true}, "enforcement": "warn"}');
    const overlay = applyManaged(defaultSettings(), managed);
    expect(Object.prototype.toString).toBe(ORIGINAL_TO_STRING);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(overlay.settings.enforcement).toBe('warn');
    expect(overlay.locked).toEqual(['enforcement']);
    expect(overlay.problems.join(' ')).toMatch(/__proto__/);
  });

  it('managed settings: constructor.prototype paths are ignored', () => {
    const managed = JSON.parse('{"constructor": {"prototype": {"toString": "pwned"}}, "rules": {"constructor": {"prototype": {"polluted": 1}}}}');
    const overlay = applyManaged(defaultSettings(), managed);
    expect(Object.prototype.toString).toBe(ORIGINAL_TO_STRING);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(overlay.locked).toEqual([]);
  });

  it('stored or imported settings: __proto__ keys are dropped before validation', () => {
    const stored = JSON.parse(`{"version": ${defaultSettings().version}, "__proto__": {"polluted": true}, "enforcement": "off"}`);
    const migrated = migrateSettings(stored);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(migrated.ok && migrated.settings.enforcement).toBe('off');
    const imported = importSettingsJson(JSON.stringify({ ...defaultSettings(), constructor: { prototype: { polluted: true } } }));
    expect(imported.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
