/**
 * Not connected, Baton reads the deal off the page: only what HubSpot saved counts, and even a good
 * handoff there never lets a move to won through untouched (issue 13).
 */
import { test } from '../fixtures';
import { HANDOFF_LABELS } from '@/test/fixtures/hubspot/portal';
import { GOOD_HANDOFF, expect, gateDialog, hubspotSandbox, openDeal, pickStage } from './fixtures';

test('not connected: a handoff typed into the sidebar and not saved does not count; the move is held', async ({ context }) => {
  const box = await hubspotSandbox(context);
  const deal = box.portal.addDeal({ name: 'Typed not saved' });
  const page = await openDeal(context, box, deal.id);
  const sidebar = page.locator('[data-test-id="left-sidebar"]');
  await sidebar.getByRole('textbox', { name: HANDOFF_LABELS.useCase }).fill(GOOD_HANDOFF.useCase);
  await sidebar.getByRole('textbox', { name: HANDOFF_LABELS.successMetric }).fill(GOOD_HANDOFF.successMetric);
  await sidebar.getByRole('textbox', { name: HANDOFF_LABELS.riskFlags }).fill(GOOD_HANDOFF.riskFlags);
  await pickStage(page, 'closedwon');
  const dialog = gateDialog(page);
  await expect(dialog).toContainText('Baton could not check the handoff');
  await expect(dialog).toContainText('HubSpot is not connected');
  await expect(dialog).toContainText('holds edits not saved yet');
  await expect(dialog.getByRole('button', { name: 'Close anyway' })).toBeVisible();
  expect(deal.properties.dealstage).not.toBe('closedwon');
  // Saved in HubSpot, then Try again: the saved handoff is what Baton now shows, still unconfirmed.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await sidebar.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => deal.properties.handoff_use_case).toBe(GOOD_HANDOFF.useCase);
  await pickStage(page, 'closedwon');
  await expect(gateDialog(page)).toContainText('Baton could not confirm the handoff in the CRM');
  expect(deal.properties.dealstage).not.toBe('closedwon');
});

test('not connected: a good handoff saved on the page still needs the audited close-anyway, never a silent pass', async ({ context }) => {
  const box = await hubspotSandbox(context);
  const deal = box.portal.addDeal({ name: 'Looks good on the page', handoff: GOOD_HANDOFF });
  const page = await openDeal(context, box, deal.id);
  await pickStage(page, 'closedwon');
  const dialog = gateDialog(page);
  await expect(dialog).toContainText('Baton could not confirm the handoff in the CRM');
  await expect(dialog).toContainText('HubSpot is not connected');
  await expect(dialog).toContainText('The page shows a complete handoff');
  await expect(dialog.getByRole('textbox', { name: 'Use case' })).toHaveValue(GOOD_HANDOFF.useCase);
  expect(deal.properties.dealstage).not.toBe('closedwon');
  await dialog.getByRole('button', { name: 'Close anyway' }).click();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Signed today; IT connects Baton next week');
  await dialog.getByRole('button', { name: 'Close anyway' }).click();
  // The API is closed: the record waits in the outbox, and the rep is told before the move completes.
  await expect(dialog.getByRole('alert')).toContainText('Not recorded in HubSpot yet');
  await dialog.getByRole('button', { name: 'OK, complete the move' }).click();
  await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();
  expect(deal.properties.dealstage).toBe('closedwon');
});
