import { test } from '../fixtures';
import { HANDOFF_PROPERTIES } from '@/test/fixtures/hubspot/portal';
import { GOOD_HANDOFF, badge, card, column, connect, expect, gateDialog, hubspotSandbox, openDeal, pickStage, setSettings } from './fixtures';

test('an EU portal on app-eu1.hubspot.com', async ({ context, extensionUrl }) => {
  const box = await hubspotSandbox(context, { appHost: 'app-eu1.hubspot.com', portalId: '147434121' });
  const deal = box.portal.addDeal({ name: 'EU deal' });
  await connect(context, extensionUrl, box.portal.token);
  const page = await openDeal(context, box, deal.id);
  expect(page.url()).toContain('app-eu1.hubspot.com/contacts/147434121/record/0-3/');
  await pickStage(page, 'closedwon');
  await expect(gateDialog(page)).toBeVisible();
});

test('the legacy /deal/ URL', async ({ context, extensionUrl }) => {
  const box = await hubspotSandbox(context);
  const deal = box.portal.addDeal({ name: 'Legacy URL deal' });
  await connect(context, extensionUrl, box.portal.token);
  const page = await openDeal(context, box, deal.id, box.legacyUrl(deal.id));
  await pickStage(page, 'closedwon');
  await expect(gateDialog(page)).toContainText('Legacy URL deal');
});

test('a custom pipeline: numeric stage ids, labels with zero-width characters, one of two closed stages won', async ({ context, extensionUrl }) => {
  const box = await hubspotSandbox(context, { customPipeline: true });
  const renewal = box.portal.addDeal({ name: 'Renewal deal', pipeline: '75849321', stage: '110384572' });
  const churn = box.portal.addDeal({ name: 'Churn deal', pipeline: '75849321', stage: '110384572' });
  await connect(context, extensionUrl, box.portal.token);
  let page = await openDeal(context, box, renewal.id);
  await pickStage(page, '110384573'); // "Renewed\u200d": closed, probability 1.0
  await expect(gateDialog(page)).toContainText('moving to Renewed');
  page = await openDeal(context, box, churn.id);
  await pickStage(page, '110384574'); // "Churned": closed, probability 0: not won
  await expect(page.getByText('Deal moved to Churned')).toBeVisible();
  expect(churn.properties.dealstage).toBe('110384574');
  // On the pipeline's board, the won column is found by its name, zero-width characters and all.
  const board = await context.newPage();
  await board.goto(`${box.boardUrl()}?pipeline=75849321`);
  await card(board, renewal.id).dragTo(column(board, 'Renewed'));
  await expect(gateDialog(board)).toContainText('Renewal deal');
  expect(renewal.properties.dealstage).toBe('110384572');
});

test('mapped properties missing from the portal: a setup message names them', async ({ context, extensionUrl }) => {
  const box = await hubspotSandbox(context, { missingProperties: [HANDOFF_PROPERTIES.timeline] });
  const deal = box.portal.addDeal({ name: 'Half set up' });
  await connect(context, extensionUrl, box.portal.token);
  const page = await openDeal(context, box, deal.id);
  await badge(page).click();
  await expect(page.getByRole('region', { name: 'Handoff details' })).toContainText('handoff_timeline does not exist in this portal');
});

test('not connected: the deal is read from the page, read-only, and said so', async ({ context }) => {
  const box = await hubspotSandbox(context);
  const deal = box.portal.addDeal({ name: 'No token', handoff: { useCase: 'TBD' } });
  const page = await openDeal(context, box, deal.id);
  await badge(page).click();
  await expect(page.getByRole('region', { name: 'Handoff details' })).toContainText('HubSpot is not connected');
  await pickStage(page, 'closedwon');
  const dialog = gateDialog(page);
  await expect(dialog).toContainText('Read from the page');
  await expect(dialog.getByRole('textbox', { name: 'Use case' })).toHaveValue('TBD');
  await expect(dialog.getByRole('button', { name: 'Save and close won' })).toBeDisabled();
  expect(box.portal.requests.filter((r) => new URL(r.url).host === 'api.hubapi.com')).toEqual([]);
});

test('warn and off modes on HubSpot', async ({ context, extensionUrl, serviceWorker }) => {
  const box = await hubspotSandbox(context);
  const deal = box.portal.addDeal({ name: 'Warn HubSpot' });
  await connect(context, extensionUrl, box.portal.token);
  await setSettings(serviceWorker, (s) => {
    s.enforcement = 'warn';
  });
  const page = await openDeal(context, box, deal.id);
  await pickStage(page, 'closedwon');
  await gateDialog(page).getByRole('button', { name: 'Close won without changes' }).click();
  await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();
  const second = box.portal.addDeal({ name: 'Off HubSpot' });
  await setSettings(serviceWorker, (s) => {
    s.enforcement = 'off';
  });
  const page2 = await openDeal(context, box, second.id);
  await pickStage(page2, 'closedwon');
  await expect(page2.getByText('Deal moved to Closed Won')).toBeVisible();
  expect(second.properties.dealstage).toBe('closedwon');
  void GOOD_HANDOFF;
});
