import { test } from '../fixtures';
import { HANDOFF_PROPERTIES } from '@/test/fixtures/hubspot/portal';
import { GOOD_HANDOFF, card, column, connect, expect, gateDialog, hubspotSandbox, openDeal, pickStage } from './fixtures';

test('the record preview panel on the board counts as that deal', async ({ context, extensionUrl }) => {
  const box = await hubspotSandbox(context);
  const other = box.portal.addDeal({ name: 'Other deal', handoff: GOOD_HANDOFF });
  const deal = box.portal.addDeal({ name: 'Previewed deal' });
  await connect(context, extensionUrl, box.portal.token);
  const page = await context.newPage();
  await page.goto(box.boardUrl());
  await page.getByRole('link', { name: 'Previewed deal' }).click();
  const preview = page.locator('[data-crm-location="CRM_OBJECT_PREVIEW"]');
  await pickStage(page, 'closedwon', preview);
  await expect(gateDialog(page)).toContainText('Previewed deal');
  expect(deal.properties.dealstage).toBe('contractsent');
  expect(other.properties.dealstage).toBe('contractsent');
});

test('HubSpot’s own required-properties dialog comes after Baton’s gate, and the two never fight', async ({ context, extensionUrl }) => {
  const box = await hubspotSandbox(context, { requiredForStage: { closedwon: ['closed_won_reason'] } });
  const deal = box.portal.addDeal({ name: 'Has stage rules' });
  await connect(context, extensionUrl, box.portal.token);
  const page = await openDeal(context, box, deal.id);
  await pickStage(page, 'closedwon');
  const baton = gateDialog(page);
  await expect(baton).toBeVisible();
  // HubSpot's dialog has not opened yet: Baton held the choice before HubSpot saw it.
  await expect(page.locator('[data-test-id="stage-required-properties"]')).toHaveCount(0);
  await baton.getByRole('textbox', { name: 'Use case' }).fill(GOOD_HANDOFF.useCase);
  await baton.getByRole('textbox', { name: 'Success metric' }).fill(GOOD_HANDOFF.successMetric);
  await baton.getByRole('textbox', { name: 'Risk flags' }).fill(GOOD_HANDOFF.riskFlags);
  await baton.getByRole('button', { name: 'Save and close won' }).click();
  await expect(baton).toBeHidden();
  const hubspotDialog = page.locator('[data-test-id="stage-required-properties"]');
  await expect(hubspotDialog).toBeVisible();
  await hubspotDialog.locator('input').fill('Best price and the Okta integration');
  await hubspotDialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();
  expect(deal.properties.dealstage).toBe('closedwon');
  expect(deal.properties.closed_won_reason).toBe('Best price and the Okta integration');
  expect(deal.properties[HANDOFF_PROPERTIES.useCase]).toBe(GOOD_HANDOFF.useCase);
});

test.describe('bulk edit of the deal stage', () => {
  async function bulkToWon(page: import('@playwright/test').Page, names: string[]) {
    for (const name of names) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    await page.locator('[data-test-id="bulk-edit-button"]').click();
    const dialog = page.locator('[data-test-id="bulk-edit-dialog"]');
    await dialog.locator('select').selectOption('dealstage');
    await dialog.locator('[data-selenium-test="property-input-dealstage"] button').click();
    await dialog.locator('[role="option"][data-option-value="closedwon"]').click();
    await dialog.getByRole('button', { name: 'Update' }).click();
  }

  test('is stopped when a selected deal’s handoff blocks; close anyway records a note on each such deal', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const good = box.portal.addDeal({ name: 'Bulk good', handoff: GOOD_HANDOFF });
    const bad = box.portal.addDeal({ name: 'Bulk empty' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    await bulkToWon(page, ['Bulk good', 'Bulk empty']);
    const dialog = gateDialog(page);
    await expect(dialog).toContainText('1 of 2 deals do not have a complete handoff');
    await expect(dialog.getByRole('link', { name: 'Bulk empty' })).toHaveAttribute('href', new RegExp(`/record/0-3/${bad.id}`));
    expect(good.properties.dealstage).toBe('contractsent');
    await dialog.getByRole('button', { name: 'Close anyway' }).click();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('End-of-quarter batch close');
    await dialog.getByRole('button', { name: 'Close anyway' }).click();
    await expect(page.getByText('2 records updated')).toBeVisible();
    expect([good.properties.dealstage, bad.properties.dealstage]).toEqual(['closedwon', 'closedwon']);
    expect(box.portal.notes.map((n) => n.dealIds)).toEqual([[bad.id]]);
  });

  test('goes through untouched when every selected handoff is good', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const a = box.portal.addDeal({ name: 'Bulk A', handoff: GOOD_HANDOFF });
    const b = box.portal.addDeal({ name: 'Bulk B', handoff: GOOD_HANDOFF });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    await bulkToWon(page, ['Bulk A', 'Bulk B']);
    await expect(page.getByText('2 records updated')).toBeVisible();
    await expect(gateDialog(page)).toBeHidden();
    expect([a.properties.dealstage, b.properties.dealstage]).toEqual(['closedwon', 'closedwon']);
  });
});

test('a cancelled drag leaves the card where it was', async ({ context, extensionUrl }) => {
  const box = await hubspotSandbox(context);
  const deal = box.portal.addDeal({ name: 'Cancel the drag' });
  await connect(context, extensionUrl, box.portal.token);
  const page = await context.newPage();
  await page.goto(box.boardUrl());
  await card(page, deal.id).dragTo(column(page, 'Closed Won'));
  await gateDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(gateDialog(page)).toBeHidden();
  // Moving the mouse and clicking elsewhere does not drop the card anywhere.
  await page.mouse.move(50, 50);
  await page.mouse.down();
  await page.mouse.up();
  await expect(column(page, 'Contract Sent').locator(`[data-selenium-id="${deal.id}"]`)).toBeVisible();
  expect(deal.properties.dealstage).toBe('contractsent');
  expect(box.portal.pageSaves).toEqual([]);
});
