import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';
import { FakeHubSpotPortal, type PortalOptions } from '@/test/fixtures/hubspot/portal';
import type { HubSpotPageVariant } from '@/test/fixtures/hubspot/page';
import { isolate } from '../salesforce/sandbox';
import { serveHubSpot, type HubSpotSandbox } from './sandbox';

export { expect };
export { GOOD_HANDOFF, JUNK_HANDOFF, badge, gateDialog, setSettings, uiRecognitionOff } from '../salesforce/fixtures';

export async function hubspotSandbox(context: BrowserContext, options: PortalOptions = {}, variant: HubSpotPageVariant = {}): Promise<HubSpotSandbox> {
  await isolate(context);
  return serveHubSpot(context, new FakeHubSpotPortal(options), variant);
}

/** Connects Baton to the portal through the options page, as a person would. */
export async function connect(context: BrowserContext, extensionUrl: (page: string) => string, token: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(extensionUrl('options.html'));
  await page.getByLabel('Private app access token or service key').fill(token);
  await page.getByRole('button', { name: 'Connect HubSpot' }).click();
  await expect(page.getByText(/Connected to HubSpot portal/)).toBeVisible();
  await page.close();
}

export async function openDeal(context: BrowserContext, box: HubSpotSandbox, id: string, url = box.recordUrl(id)): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('button', { name: /^Handoff/ })).toHaveText(/Handoff \d\/3 · \d+/);
  return page;
}

/** Picks a stage in a deal stage dropdown (the sidebar's, or the preview panel's with `within`). */
export async function pickStage(page: Page, stageId: string, within: Locator = page.locator('[data-test-id="left-sidebar"]')): Promise<void> {
  const row = within.locator('[data-selenium-test="property-input-dealstage"]');
  await row.locator('button').click();
  await row.locator(`[role="option"][data-option-value="${stageId}"]`).click();
}

export const card = (page: Page, dealId: string) => page.locator(`[data-test-id="cdb-column-item"][data-selenium-id="${dealId}"] [data-rbd-drag-handle-draggable-id]`);
export const column = (page: Page, name: string) => page.locator('[data-test-id="cdb-column"]').filter({ has: page.locator('[data-test-id="cdb-column-name"]', { hasText: name }) });
