/**
 * The backstop at the page's own save (README, "The backstop") on HubSpot: with the gate's
 * recognition of UI moves switched off (a switch only the test suite can set), every path to a won
 * stage the sandbox offers is still held, because HubSpot's save itself is; saves that do not make
 * a deal won go untouched. With recognition on, a save no UI path explains is held too.
 */
import type { Page } from '@playwright/test';
import { test } from '../fixtures';
import { HANDOFF_PROPERTIES } from '@/test/fixtures/hubspot/portal';
import {
  GOOD_HANDOFF,
  card,
  column,
  connect,
  expect,
  gateDialog,
  hubspotSandbox,
  openCreatePanel,
  openDeal,
  pickOption,
  pickOptionByKeyboard,
  pickStage,
  uiRecognitionOff,
} from './fixtures';

/** HubSpot's own failed save, as the sandbox shows it: Baton's refusal is a network error. */
const refusedToast = (page: Page) => page.getByRole('alert').filter({ hasText: 'Baton held this save' });

test.describe('with the UI recognition off, the save itself is held on every path to a won stage', () => {
  test.beforeEach(async ({ serviceWorker }) => {
    await uiRecognitionOff(serviceWorker);
  });

  test('the deal stage dropdown on the record; cancel fails HubSpot’s save, the handoff filled in Baton’s dialog lets it go', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Backstop record' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await openDeal(context, box, deal.id);
    await pickStage(page, 'closedwon');
    const dialog = gateDialog(page);
    await expect(dialog).toContainText('moving to Closed Won');
    await expect(dialog.getByRole('textbox', { name: 'Use case' })).toBeVisible();
    expect(box.portal.pageSaves).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(refusedToast(page)).toBeVisible();
    expect(deal.properties.dealstage).toBe('contractsent');

    await pickStage(page, 'closedwon');
    await dialog.getByRole('textbox', { name: 'Use case' }).fill(GOOD_HANDOFF.useCase);
    await dialog.getByRole('textbox', { name: 'Success metric' }).fill(GOOD_HANDOFF.successMetric);
    await dialog.getByRole('textbox', { name: 'Risk flags' }).fill(GOOD_HANDOFF.riskFlags);
    await dialog.getByRole('button', { name: 'Save and close won' }).click();
    await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();
    expect(deal.properties.dealstage).toBe('closedwon');
    expect(deal.properties[HANDOFF_PROPERTIES.useCase]).toBe(GOOD_HANDOFF.useCase);
  });

  test('the stage dropdown in the record preview panel on the board', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Backstop preview' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    await page.getByRole('link', { name: 'Backstop preview' }).click();
    await pickStage(page, 'closedwon', page.locator('[data-crm-location="CRM_OBJECT_PREVIEW"]'));
    await expect(gateDialog(page)).toContainText('Backstop preview');
    expect(box.portal.pageSaves).toEqual([]);
    expect(deal.properties.dealstage).toBe('contractsent');
  });

  test('a board card dragged with the pointer into the won column', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Backstop drag' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    await card(page, deal.id).dragTo(column(page, 'Closed Won'));
    await expect(gateDialog(page)).toContainText('Backstop drag');
    expect(box.portal.pageSaves).toEqual([]);
    expect(deal.properties.dealstage).toBe('contractsent');
  });

  test('a board card moved with the keyboard into the won column; close anyway is recorded and lets the save go', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Backstop keys' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    await card(page, deal.id).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    const dialog = gateDialog(page);
    await expect(dialog).toContainText('Backstop keys');
    expect(box.portal.pageSaves).toEqual([]);
    await dialog.getByRole('button', { name: 'Close anyway' }).click();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Signed on the phone; kickoff collects the rest');
    await dialog.getByRole('button', { name: 'Close anyway' }).click();
    await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();
    expect(deal.properties.dealstage).toBe('closedwon');
    expect(box.portal.notes.map((n) => n.dealIds)).toEqual([[deal.id]]);
  });

  test('bulk edit of the deal stage: one dialog for the deals HubSpot saves one by one, listing the one that is not ready', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const good = box.portal.addDeal({ name: 'Backstop bulk good', handoff: GOOD_HANDOFF });
    const bad = box.portal.addDeal({ name: 'Backstop bulk empty' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    for (const name of ['Backstop bulk good', 'Backstop bulk empty']) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    await page.locator('[data-test-id="bulk-edit-button"]').click();
    const editor = page.locator('[data-test-id="bulk-edit-dialog"]');
    await editor.locator('select').selectOption('dealstage');
    await editor.locator('[data-selenium-test="property-input-dealstage"] button').click();
    await editor.locator('[role="option"][data-option-value="closedwon"]').click();
    await editor.getByRole('button', { name: 'Update' }).click();
    const dialog = gateDialog(page);
    await expect(dialog).toContainText('1 of 2 deals do not have a complete handoff');
    await expect(dialog.getByRole('link', { name: 'Backstop bulk empty' })).toBeVisible();
    expect(box.portal.pageSaves).toEqual([]);
    expect([good.properties.dealstage, bad.properties.dealstage]).toEqual(['contractsent', 'contractsent']);
  });

  test('the deal stage dropdown chosen with the keyboard only', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Backstop keyboard stage' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await openDeal(context, box, deal.id);
    await pickOptionByKeyboard(page, page.locator('[data-test-id="left-sidebar"]'), 'Deal stage', 'Closed Won');
    await expect(gateDialog(page)).toContainText('moving to Closed Won');
    expect(box.portal.pageSaves).toEqual([]);
    expect(deal.properties.dealstage).toBe('contractsent');
  });

  test('the table view’s inline edit of Deal stage, Save', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Backstop table' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.listUrl());
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Backstop table', exact: true }) });
    await row.getByRole('button', { name: 'Edit Deal stage of Backstop table' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit Deal stage' });
    await pickOption(editor, 'Deal stage', 'Closed Won');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(gateDialog(page)).toContainText('Backstop table');
    expect(box.portal.pageSaves).toEqual([]);
    expect(deal.properties.dealstage).toBe('contractsent');
  });

  test('a deal created in Closed Won from the board’s create panel: judged on the handoff the create request holds', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    const panel = await openCreatePanel(page);
    await panel.getByLabel('Deal name').fill('Backstop created');
    await pickOption(panel, 'Deal stage', 'Closed Won');
    await panel.getByRole('button', { name: 'Create', exact: true }).click();
    const dialog = gateDialog(page);
    await expect(dialog).toContainText('Creating a deal in Closed Won');
    expect(box.portal.pageCreates).toEqual([]);
    await dialog.getByRole('button', { name: 'Back to the form' }).click();
    await panel.getByLabel('Handoff: use case').fill(GOOD_HANDOFF.useCase);
    await panel.getByLabel('Handoff: success metric').fill(GOOD_HANDOFF.successMetric);
    await panel.getByLabel('Handoff: risk flags').fill(GOOD_HANDOFF.riskFlags);
    await panel.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByText('Deal created: Backstop created')).toBeVisible();
    await expect(dialog).toBeHidden();
    expect(box.portal.pageCreates).toHaveLength(1);
  });

  test('saves that do not make a deal won are never held: another stage, a text property', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Backstop open stage' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await openDeal(context, box, deal.id);
    await pickStage(page, 'closedlost');
    await expect(page.getByText('Deal moved to Closed Lost')).toBeVisible();
    const useCase = page.locator(`[data-test-id="left-sidebar"] [data-selenium-test="property-input-${HANDOFF_PROPERTIES.useCase}"]`);
    await useCase.fill('TBD');
    await page.locator('[data-test-id="save-properties"]').click();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    await expect(gateDialog(page)).toBeHidden();
    expect(box.portal.pageSaves).toEqual([
      { dealId: deal.id, properties: { dealstage: 'closedlost' } },
      { dealId: deal.id, properties: { [HANDOFF_PROPERTIES.useCase]: 'TBD' } },
    ]);
  });
});

test('with the UI recognition on, a save to a won stage no UI path explains (the page’s own script) is held too', async ({ context, extensionUrl }) => {
  const box = await hubspotSandbox(context);
  const deal = box.portal.addDeal({ name: 'Scripted won' });
  await connect(context, extensionUrl, box.portal.token);
  const page = await openDeal(context, box, deal.id);
  const saved = page.evaluate(
    (id) =>
      fetch(`/api/crm-objects/v1/objects/0-3/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ properties: { dealstage: 'closedwon' } }) }).then(
        (r) => `status ${r.status}`,
        (e: Error) => `${e.name}: ${e.message}`,
      ),
    deal.id,
  );
  const dialog = gateDialog(page);
  await expect(dialog).toContainText('moving to Closed Won');
  expect(box.portal.pageSaves).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await saved).toMatch(/^TypeError: Failed to fetch: Baton held this save/);
  expect(deal.properties.dealstage).toBe('contractsent');
});
