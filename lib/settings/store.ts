import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { Settings, defaultSettings } from './schema';
import { migrateSettings } from './migrations';
import { applyManaged } from './managed';
import { describeIssues, toSettingsIssues, type SettingsIssue } from './issues';

const STORED_KEY = 'local:settings' as const;
// A copy of the last settings that validated: what stays in force when the stored value is broken.
const LAST_VALID_KEY = 'local:settingsLastValid' as const;

export interface SettingsProblem {
  source: 'stored' | 'managed';
  message: string;
  details: string[];
}

export interface SettingsState {
  /** The settings in force: the user's, with the administrator's values on top. */
  settings: Settings;
  /** Dotted paths locked by the administrator. */
  locked: string[];
  /** Problems the user must be told about. Empty when all is well. */
  problems: SettingsProblem[];
}

// The administrator's values as last read, kept for when managed storage is slow to answer.
const MANAGED_SEEN_KEY = 'local:settingsManagedLastSeen' as const;
/**
 * Chromium answers storage.managed only once its policy service has loaded: right after the
 * browser starts this takes seconds (measured here: over 3 s in 2 of 6 fresh starts). Settings are
 * read on every gate decision, so Baton waits this long and then uses the managed values it saw
 * last: an administrator's lock must not lapse, and the gate must not hang.
 */
export const MANAGED_WAIT_MS = 800;

type ManagedRead = { values: unknown } | 'timeout';

async function readManaged(): Promise<unknown> {
  const read: Promise<ManagedRead> = browser.storage.managed.get().then(
    (values) => ({ values: Object.keys(values).length === 0 ? undefined : values }),
    // Firefox without an enterprise policy, and Chrome without a schema, reject here: no managed values.
    () => ({ values: undefined }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = new Promise<ManagedRead>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), MANAGED_WAIT_MS);
  });
  const result = await Promise.race([read, wait]);
  clearTimeout(timer);
  if (result === 'timeout') {
    console.warn(`[baton] Managed settings did not answer within ${MANAGED_WAIT_MS} ms; using the ones seen last.`);
    return (await storage.getItem<unknown>(MANAGED_SEEN_KEY)) ?? undefined;
  }
  await storage.setItem(MANAGED_SEEN_KEY, result.values ?? null);
  return result.values;
}

/** The user's own settings (before the administrator's overlay), with any problem reading them. */
async function readUserSettings(): Promise<{ settings: Settings; problem: SettingsProblem | null }> {
  const stored = await storage.getItem<unknown>(STORED_KEY);
  if (stored === null) return { settings: defaultSettings(), problem: null };
  const migrated = migrateSettings(stored);
  if (migrated.ok) return { settings: migrated.settings, problem: null };

  const lastValid = migrateSettings(await storage.getItem<unknown>(LAST_VALID_KEY));
  const fallback = lastValid.ok ? lastValid.settings : defaultSettings();
  return {
    settings: fallback,
    problem: {
      source: 'stored',
      message: `${migrated.message} ${
        lastValid.ok ? 'Your last valid settings stay in force' : 'Baton uses its default settings'
      } until you save valid settings; the broken ones are kept unchanged for inspection.`,
      details: describeIssues(migrated.issues),
    },
  };
}

export async function readSettings(): Promise<SettingsState> {
  const [{ settings, problem }, managed] = await Promise.all([readUserSettings(), readManaged()]);
  const overlay = applyManaged(settings, managed);
  const problems: SettingsProblem[] = problem ? [problem] : [];
  if (overlay.problems.length > 0) {
    problems.push({
      source: 'managed',
      message: 'Some settings pushed by your administrator are invalid and were not applied.',
      details: overlay.problems,
    });
  }
  return { settings: overlay.settings, locked: overlay.locked, problems };
}

export type WriteResult = { ok: true; settings: Settings } | { ok: false; issues: SettingsIssue[] };

/** Validates the whole object and stores it only when valid: never a partial write. */
export async function writeSettings(candidate: unknown): Promise<WriteResult> {
  const parsed = Settings.safeParse(candidate);
  if (!parsed.success) return { ok: false, issues: toSettingsIssues(parsed.error) };
  await storage.setItems([
    { key: STORED_KEY, value: parsed.data },
    { key: LAST_VALID_KEY, value: parsed.data },
  ]);
  return { ok: true, settings: parsed.data };
}

/** Calls back whenever the user's or the administrator's settings change. */
export function watchSettings(onChange: () => void): () => void {
  const unwatchStored = storage.watch(STORED_KEY, onChange);
  const onManaged = (_changes: unknown, area: string) => {
    if (area === 'managed') onChange();
  };
  browser.storage.onChanged.addListener(onManaged);
  return () => {
    unwatchStored();
    browser.storage.onChanged.removeListener(onManaged);
  };
}
