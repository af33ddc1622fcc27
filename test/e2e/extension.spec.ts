import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, expect, test } from './fixtures';

declare const chrome: { runtime: { getManifest(): { name: string } } };

test('the built extension loads in Chromium and its service worker runs', async ({ serviceWorker, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const loadedName = await serviceWorker.evaluate(() => chrome.runtime.getManifest().name);
  expect(loadedName).toBe(manifest.name);
});
