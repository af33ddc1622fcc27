import { Settings } from './schema';
import { migrateSettings } from './migrations';
import { describeIssues } from './issues';

/** Settings as a JSON file a person can read, keep and import elsewhere. Holds no secrets. */
export function exportSettingsJson(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; message: string; details: string[] };

/** Validates an imported file whole (migrating older versions); nothing is applied unless all of it is valid. */
export function importSettingsJson(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: 'The file is not valid JSON.', details: [String((error as Error).message)] };
  }
  const migrated = migrateSettings(data);
  if (!migrated.ok) {
    return {
      ok: false,
      message: `Nothing was imported. ${migrated.message.replace('saved settings', 'file')}`,
      details: describeIssues(migrated.issues),
    };
  }
  return { ok: true, settings: migrated.settings };
}
