/**
 * Switches only Baton's test suite sets. They live in `storage.session`, which Chrome and Firefox
 * keep from content scripts unless the extension opens it to them (Baton does not:
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-session), so neither
 * a page nor Baton's own script in it can turn one on; the background reads them and tells the
 * gate. Gone when the browser closes.
 *
 * - `uiRecognition: false`: the gate no longer recognises moves in the CRM's UI (clicks, drops,
 *   keys), so the end-to-end tests prove that the backstop at the page's save holds every path
 *   on its own (test/e2e/<crm>/backstop.spec.ts).
 */
import { z } from '@/lib/zod';

export const TEST_SWITCHES_KEY = 'batonTestSwitches';

export const TestSwitches = z.object({ uiRecognition: z.boolean().default(true) });
export type TestSwitches = z.infer<typeof TestSwitches>;

/** The switches in force: the defaults unless the test suite set others; a malformed value counts as unset. */
export async function readTestSwitches(session: { get(key: string): Promise<Record<string, unknown>> } | undefined): Promise<TestSwitches> {
  const items: Record<string, unknown> = session ? await session.get(TEST_SWITCHES_KEY).catch(() => ({})) : {};
  const stored = items[TEST_SWITCHES_KEY];
  const parsed = TestSwitches.safeParse(stored ?? {});
  return parsed.success ? parsed.data : { uiRecognition: true };
}
