import { test } from '../fixtures';
import { HANDOFF_PROPERTIES } from '@/test/fixtures/hubspot/portal';
import { GOOD_HANDOFF, connect, expect, gateDialog, hubspotSandbox, openCreatePanel, pickOption, pickOptionByKeyboard } from './fixtures';

test.describe('HubSpot: a deal created directly in a won stage', () => {
  test('from the board’s create panel is held until the form holds a good handoff, then HubSpot creates it', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    const panel = await openCreatePanel(page);
    await panel.getByLabel('Deal name').fill('Acme expansion');
    await pickOption(panel, 'Deal stage', 'Closed Won');
    await panel.getByRole('button', { name: 'Create', exact: true }).click();

    const dialog = gateDialog(page);
    await expect(dialog).toContainText('Creating a deal in Closed Won');
    await expect(dialog.getByText('Use case', { exact: true })).toBeVisible();
    expect(box.portal.pageCreates).toEqual([]);

    // Back to HubSpot's form, which still holds what the rep typed; fill the handoff there.
    await dialog.getByRole('button', { name: 'Back to the form' }).click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByLabel('Deal name')).toHaveValue('Acme expansion');
    await panel.getByLabel('Handoff: use case').fill(GOOD_HANDOFF.useCase);
    await panel.getByLabel('Handoff: success metric').fill(GOOD_HANDOFF.successMetric);
    await panel.getByLabel('Handoff: risk flags').fill(GOOD_HANDOFF.riskFlags);
    await panel.getByRole('button', { name: 'Create', exact: true }).click();

    await expect(page.getByText('Deal created: Acme expansion')).toBeVisible();
    await expect(dialog).toBeHidden();
    expect(box.portal.pageCreates).toHaveLength(1);
    const created = box.portal.deals.get(box.portal.pageCreates[0]?.dealId ?? '');
    expect(created?.properties.dealstage).toBe('closedwon');
    expect(created?.properties[HANDOFF_PROPERTIES.useCase]).toBe(GOOD_HANDOFF.useCase);
  });

  test('by keyboard, with “Create and add another”, is held too, and a handoff property the form does not show is named', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context, {}, { createFormHandoff: ['useCase', 'successMetric'] });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    const panel = await openCreatePanel(page);
    await panel.getByLabel('Deal name').fill('Keyboard-made deal');
    await panel.getByLabel('Handoff: use case').fill(GOOD_HANDOFF.useCase);
    await panel.getByLabel('Handoff: success metric').fill(GOOD_HANDOFF.successMetric);
    await pickOptionByKeyboard(page, panel, 'Deal stage', 'Closed Won');
    await panel.getByRole('button', { name: 'Create and add another' }).focus();
    await page.keyboard.press('Enter');

    const dialog = gateDialog(page);
    await expect(dialog).toContainText('The form does not show Risk flags');
    expect(box.portal.pageCreates).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(box.portal.pageCreates).toEqual([]);
  });

  test('in an open stage, from the table view, goes through untouched', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.listUrl());
    const panel = await openCreatePanel(page);
    await panel.getByLabel('Deal name').fill('Early deal');
    await pickOption(panel, 'Deal stage', 'Qualified To Buy');
    await panel.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByText('Deal created: Early deal')).toBeVisible();
    await expect(gateDialog(page)).toBeHidden();
    expect(box.portal.pageCreates.map((c) => c.properties.dealstage)).toEqual(['qualifiedtobuy']);
  });
});
