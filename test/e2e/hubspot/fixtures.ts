import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';
import { FakeHubSpotPortal, type PortalOptions } from '@/test/fixtures/hubspot/portal';
import type { HubSpotPageVariant } from '@/test/fixtures/hubspot/page';
import { isolate } from '../salesforce/sandbox';
import { serveHubSpot, type HubSpotSandbox } from './sandbox';

export { expect };
export { GOOD_HANDOFF, JUNK_HANDOFF, badge, gateDialog, setSettings } from '../salesforce/fixtures';

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

/** Picks `option` in the dropdown named `name` (its label) inside `scope`, with the pointer. */
export async function pickOption(scope: Locator, name: string, option: string): Promise<void> {
  await scope.getByRole('button', { name, exact: true }).click();
  await scope.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Picks `option` in the dropdown named `name` with the keyboard only: focus its button, an arrow
 * opens the list, arrows move the active option, Enter chooses it. No click on an option.
 */
export async function pickOptionByKeyboard(page: Page, scope: Locator, name: string, option: string): Promise<void> {
  const button = scope.getByRole('button', { name, exact: true });
  await button.focus();
  await page.keyboard.press('ArrowDown');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const wanted = await scope.getByRole('option', { name: option, exact: true }).getAttribute('id');
  const ids = await scope.getByRole('option').evaluateAll((els) => els.map((el) => el.id));
  const from = ids.indexOf((await button.getAttribute('aria-activedescendant')) ?? '');
  const to = ids.indexOf(wanted ?? '');
  for (let i = 0; i < Math.abs(to - from); i++) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  await expect(button).toHaveAttribute('aria-activedescendant', wanted ?? '');
  await page.keyboard.press('Enter');
}

/** HubSpot's create-deal panel, opened from the index page's "Create deal" button. */
export async function openCreatePanel(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Create deal' }).click();
  const panel = page.getByRole('dialog', { name: 'Create Deal' });
  await expect(panel).toBeVisible();
  return panel;
}
