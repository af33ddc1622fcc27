import { Settings, SETTINGS_VERSION, defaultSettings } from './schema';
import { toSettingsIssues, type SettingsIssue } from './issues';

/**
 * A step that turns stored settings of version `from` into version `from + 1`.
 * Steps transform; they never drop a value the user set (rename or move it instead).
 */
export interface SettingsMigration {
  from: number;
  migrate(old: Record<string, unknown>): Record<string, unknown>;
}

// Version 1 is the first released shape. Add a step here for every version bump, with its test.
export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [];

export type MigrationResult =
  | { ok: true; settings: Settings; migratedFrom: number | null }
  | { ok: false; message: string; issues: SettingsIssue[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Adds keys that the stored object lacks (a rule or mapping introduced after it was saved), taking
 * them from the defaults. Values that are present, even invalid ones, are kept so validation can
 * report them rather than hide them.
 */
export function fillMissing(defaults: unknown, stored: unknown): unknown {
  if (!isRecord(defaults) || !isRecord(stored)) return stored;
  const out: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(defaults)) {
    out[key] = key in stored ? fillMissing(value, stored[key]) : value;
  }
  return out;
}

type RunResult = { ok: true; value: Record<string, unknown>; from: number } | { ok: false; message: string };

/** Applies the steps from the stored version up to `currentVersion`; validates nothing else. */
export function runMigrations(
  stored: unknown,
  migrations: readonly SettingsMigration[],
  currentVersion: number,
): RunResult {
  if (!isRecord(stored)) return { ok: false, message: 'The saved settings are not a settings object.' };
  const version = stored.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'The saved settings have no valid version number.' };
  }
  if (version > currentVersion) {
    return {
      ok: false,
      message: `The saved settings are version ${version}, made by a newer Baton than this one (version ${currentVersion}).`,
    };
  }
  let value: Record<string, unknown> = stored;
  for (let v = version; v < currentVersion; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, message: `No migration from settings version ${v}.` };
    value = { ...step.migrate(value), version: v + 1 };
  }
  return { ok: true, value, from: version };
}

export function migrateSettings(stored: unknown): MigrationResult {
  const run = runMigrations(stored, SETTINGS_MIGRATIONS, SETTINGS_VERSION);
  if (!run.ok) return { ok: false, message: run.message, issues: [] };
  const parsed = Settings.safeParse(fillMissing(defaultSettings(), run.value));
  if (!parsed.success) {
    return { ok: false, message: 'The saved settings are not valid.', issues: toSettingsIssues(parsed.error) };
  }
  return { ok: true, settings: parsed.data, migratedFrom: run.from === SETTINGS_VERSION ? null : run.from };
}
