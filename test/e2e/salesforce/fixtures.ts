import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from '../fixtures';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import { FakeSalesforceOrg, type OrgOptions } from '@/test/fixtures/salesforce/org';
import type { PageVariant } from '@/test/fixtures/salesforce/page';
import { isolate, serveSalesforce, type Sandbox } from './sandbox';

export { expect };

/** A good handoff: no blocking finding with the default rules. */
export { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

export const JUNK_HANDOFF = {
  useCase: 'TBD',
  successMetric: 'n/a',
  riskFlags: 'none',
  whyBought: 'asdf',
};

export async function setSettings(serviceWorker: Worker, change: (s: Settings) => void): Promise<void> {
  const settings = defaultSettings();
  change(settings);
  await serviceWorker.evaluate((value) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ settings: value, settingsLastValid: value }), settings);
}

/** Turns the gate's recognition of UI moves off for the pages opened from now on: only the backstop holds (lib/background/testSwitches.ts). */
export async function uiRecognitionOff(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }).chrome.storage.session.set({ batonTestSwitches: { uiRecognition: false } }),
  );
}

export async function sandbox(context: BrowserContext, options: OrgOptions = {}, variant: PageVariant = {}): Promise<Sandbox> {
  await isolate(context);
  return serveSalesforce(context, new FakeSalesforceOrg(options), variant);
}

/** Opens a record page and waits until Baton has read the deal (the badge shows a score). */
export async function openRecord(context: BrowserContext, box: Sandbox, id: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(box.recordUrl(id));
  await expect(badge(page)).toHaveText(/Handoff \d\/3 · \d+/);
  return page;
}

export const badge = (page: Page) => page.getByRole('button', { name: /^Handoff/ });
export const gateDialog = (page: Page) => page.getByRole('dialog', { name: /handoff/i });

/** Path → the Closed chevron (Lightning then shows the closed-won guidance and "Select Closed Stage"). */
export async function selectClosedChevron(page: Page): Promise<void> {
  // Only the container on screen: Lightning keeps earlier pages in the DOM, hidden.
  await page.locator('.active li[data-name="Closed"] a').click();
}

/** With the Closed chevron selected: "Select Closed Stage" → pick the stage in the modal → Save. */
export async function saveClosedStage(page: Page, stageLabel: string, labels = { select: 'Select Closed Stage', save: 'Save' }): Promise<void> {
  await page.locator('.active').getByRole('button', { name: labels.select }).click();
  const modal = page.locator('section[role="dialog"]').filter({ has: page.locator('select.stepAction') });
  await modal.locator('select').selectOption({ label: stageLabel });
  await modal.getByRole('button', { name: labels.save }).click();
}

/** Path → Closed chevron → "Select Closed Stage" → pick the stage in the modal → Save. */
export async function closeThroughPath(page: Page, stageLabel: string, labels = { select: 'Select Closed Stage', save: 'Save' }): Promise<void> {
  await selectClosedChevron(page);
  await saveClosedStage(page, stageLabel, labels);
}

/** Inline edit: the Stage pencil, pick the stage, Save in the docked footer. */
export async function closeThroughInlineEdit(page: Page, stageLabel: string): Promise<void> {
  await page.getByRole('button', { name: 'Edit Stage' }).first().click();
  await page.getByRole('combobox', { name: 'Stage' }).click();
  await page.locator('lightning-base-combobox-item').filter({ hasText: stageLabel }).first().click();
  await page.locator('records-form-footer button[name="SaveEdit"]').click();
}

/** The Edit action: the record form in a modal, pick the stage, Save. */
export async function closeThroughEditModal(page: Page, stageLabel: string): Promise<void> {
  await page.locator('button[name="Edit"]').click();
  const modal = page.locator('section[role="dialog"]').filter({ has: page.locator('button[name="SaveEdit"]') });
  await modal.getByRole('combobox', { name: 'Stage' }).click();
  await modal.locator('lightning-base-combobox-item').filter({ hasText: stageLabel }).first().click();
  await modal.locator('button[name="SaveEdit"]').click();
}
