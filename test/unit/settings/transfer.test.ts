import { describe, expect, it } from 'vitest';
import { exportSettingsJson, importSettingsJson } from '@/lib/settings/transfer';
import { defaultSettings } from '@/lib/settings/schema';

describe('settings import and export', () => {
  it('round-trips through the exported JSON', () => {
    const settings = defaultSettings();
    settings.rules.modes['copied-between-elements'] = 'block';
    settings.hubspot = { method: 'oauth', oauthClientId: 'abcd-1234-efgh' };
    expect(importSettingsJson(exportSettingsJson(settings))).toEqual({ ok: true, settings });
  });

  it('never exports a token', () => {
    expect(exportSettingsJson(defaultSettings())).not.toMatch(/token|secret|password/i);
  });

  it('rejects a file that is not JSON', () => {
    const result = importSettingsJson('{ enforcement: warn');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe('The file is not valid JSON.');
  });

  it('rejects a partly invalid file whole and names every bad value', () => {
    const file = { ...defaultSettings(), enforcement: 'never' } as Record<string, unknown>;
    (file.rules as { thresholds: { copiedMinChars: number } }).thresholds.copiedMinChars = 2;
    const result = importSettingsJson(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^Nothing was imported/);
      expect(result.details.join('\n')).toMatch(/enforcement/);
      expect(result.details.join('\n')).toMatch(/rules\.thresholds\.copiedMinChars/);
    }
  });
});
