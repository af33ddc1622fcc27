import type { Page } from '@playwright/test';
import { test } from '../fixtures';
import { HANDOFF_PROPERTIES } from '@/test/fixtures/hubspot/portal';
import { GOOD_HANDOFF, connect, expect, gateDialog, hubspotSandbox, pickOption, pickOptionByKeyboard } from './fixtures';

const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
const editor = (page: Page) => page.getByRole('dialog', { name: 'Edit Deal stage' });

test.describe('HubSpot: inline edit of Deal stage in the deals table view', () => {
  test('with the pointer: held at Save; saved once the handoff is filled', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Table deal' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.listUrl());
    await row(page, 'Table deal').getByRole('button', { name: 'Edit Deal stage of Table deal' }).click();
    await pickOption(editor(page), 'Deal stage', 'Closed Won');
    await editor(page).getByRole('button', { name: 'Save' }).click();

    const dialog = gateDialog(page);
    await expect(dialog).toContainText('Table deal');
    await expect(dialog).toContainText('moving to Closed Won');
    expect(box.portal.pageSaves).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Use case' }).fill(GOOD_HANDOFF.useCase);
    await dialog.getByRole('textbox', { name: 'Success metric' }).fill(GOOD_HANDOFF.successMetric);
    await dialog.getByRole('textbox', { name: 'Risk flags' }).fill(GOOD_HANDOFF.riskFlags);
    await dialog.getByRole('button', { name: 'Save and close won' }).click();
    await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();
    expect(deal.properties.dealstage).toBe('closedwon');
    expect(deal.properties[HANDOFF_PROPERTIES.useCase]).toBe(GOOD_HANDOFF.useCase);
    await expect(row(page, 'Table deal')).toContainText('Closed Won');
  });

  test('with the keyboard: pencil, arrows, Enter, Tab to Save, Enter — held; Cancel leaves the deal as it was', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Keyboard table deal' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.listUrl());
    await row(page, 'Keyboard table deal').getByRole('button', { name: 'Edit Deal stage of Keyboard table deal' }).focus();
    await page.keyboard.press('Enter');
    await pickOptionByKeyboard(page, editor(page), 'Deal stage', 'Closed Won');
    await page.keyboard.press('Tab');
    await expect(editor(page).getByRole('button', { name: 'Save' })).toBeFocused();
    await page.keyboard.press('Enter');

    const dialog = gateDialog(page);
    await expect(dialog).toContainText('Keyboard table deal');
    expect(box.portal.pageSaves).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(box.portal.pageSaves).toEqual([]);
    expect(deal.properties.dealstage).toBe('contractsent');
  });

  test('where the picked value is saved at once (no Save button): held at the pick; a good handoff passes untouched', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context, {}, { inlineEditSavesOnPick: true });
    const empty = box.portal.addDeal({ name: 'Saves on pick' });
    const good = box.portal.addDeal({ name: 'Ready to close', handoff: GOOD_HANDOFF });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.listUrl());

    await row(page, 'Ready to close').getByRole('button', { name: 'Edit Deal stage of Ready to close' }).click();
    await pickOption(editor(page), 'Deal stage', 'Closed Won');
    await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();
    expect(good.properties.dealstage).toBe('closedwon');

    await row(page, 'Saves on pick').getByRole('button', { name: 'Edit Deal stage of Saves on pick' }).click();
    await pickOption(editor(page), 'Deal stage', 'Closed Won');
    await expect(gateDialog(page)).toContainText('Saves on pick');
    expect(empty.properties.dealstage).toBe('contractsent');
    expect(box.portal.pageSaves.map((s) => s.dealId)).toEqual([good.id]);
  });
});
