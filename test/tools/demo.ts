import { chromium, type BrowserContext } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/fixtures';

// Until the CRM overlays land, the demo is the options page of the built extension.
const SHOTS = path.resolve('artifacts/demo');
const headless = !process.env.DISPLAY || process.env.BATON_DEMO_HEADLESS === '1';

async function extensionId(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

async function main() {
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'baton-demo-')), {
    executablePath: CHROMIUM,
    headless,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await page.getByRole('heading', { name: 'Baton settings' }).waitFor();

  if (!headless) {
    console.log('Baton is loaded in the Chromium window. Close the window to end the demo.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    return;
  }
  mkdirSync(SHOTS, { recursive: true });
  const saved: string[] = [];
  const shot = async (name: string) => {
    const file = path.join(SHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    saved.push(file);
  };
  await shot('01-options');
  await page.getByRole('textbox', { name: 'Use case (required) — Salesforce' }).fill('Use Case!');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('alert').waitFor();
  await shot('02-options-validation-error');
  await context.close();
  console.log('Demo walk-through saved:');
  for (const file of saved) console.log(`  ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
