import { test } from '../fixtures';
import { HANDOFF_PROPERTIES } from '@/test/fixtures/hubspot/portal';
import { GOOD_HANDOFF, connect, expect, gateDialog, hubspotSandbox, openDeal, pickOptionByKeyboard } from './fixtures';

// The board's keyboard drag (Space, arrows, Space) is in gate.spec.ts.
test.describe('HubSpot: the deal stage dropdown chosen with the keyboard only', () => {
  test('on the record: held before HubSpot saves, then saved once the handoff is filled', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Keyboard stage' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await openDeal(context, box, deal.id);
    await pickOptionByKeyboard(page, page.locator('[data-test-id="left-sidebar"]'), 'Deal stage', 'Closed Won');

    const dialog = gateDialog(page);
    await expect(dialog).toContainText('moving to Closed Won');
    expect(box.portal.pageSaves).toEqual([]);
    expect(deal.properties.dealstage).toBe('contractsent');
    await dialog.getByRole('textbox', { name: 'Use case' }).fill(GOOD_HANDOFF.useCase);
    await dialog.getByRole('textbox', { name: 'Success metric' }).fill(GOOD_HANDOFF.successMetric);
    await dialog.getByRole('textbox', { name: 'Risk flags' }).fill(GOOD_HANDOFF.riskFlags);
    await dialog.getByRole('button', { name: 'Save and close won' }).click();
    await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();
    expect(deal.properties.dealstage).toBe('closedwon');
    expect(deal.properties[HANDOFF_PROPERTIES.useCase]).toBe(GOOD_HANDOFF.useCase);
  });

  test('in the record preview panel on the board: held; close anyway records a note and moves it', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Previewed by keyboard' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    await page.getByRole('link', { name: 'Previewed by keyboard' }).click();
    await pickOptionByKeyboard(page, page.locator('[data-crm-location="CRM_OBJECT_PREVIEW"]'), 'Deal stage', 'Closed Won');

    const dialog = gateDialog(page);
    await expect(dialog).toContainText('Previewed by keyboard');
    expect(box.portal.pageSaves).toEqual([]);
    await dialog.getByRole('button', { name: 'Close anyway' }).click();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Signed; CS collects the rest at kickoff');
    await dialog.getByRole('button', { name: 'Close anyway' }).click();
    await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();
    expect(deal.properties.dealstage).toBe('closedwon');
    expect(box.portal.notes.map((n) => n.dealIds)).toEqual([[deal.id]]);
  });

  test('bulk edit with the deal stage chosen by keyboard is held at Update', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Bulk by keyboard' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    await page.getByRole('checkbox', { name: 'Select Bulk by keyboard' }).check();
    await page.locator('[data-test-id="bulk-edit-button"]').click();
    const bulk = page.getByRole('dialog', { name: /Bulk edit/ });
    await bulk.getByLabel('Property to update').selectOption('dealstage');
    await pickOptionByKeyboard(page, bulk, 'Deal stage', 'Closed Won');
    await bulk.getByRole('button', { name: 'Update' }).click();
    await expect(gateDialog(page)).toContainText('Bulk by keyboard');
    expect(box.portal.pageSaves).toEqual([]);
    expect(deal.properties.dealstage).toBe('contractsent');
  });
});
