import { test } from '../fixtures';
import { GOOD_HANDOFF, connect, expect, gateDialog, hubspotSandbox, openDeal, pickStage } from './fixtures';

declare const chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> }; sync: { get(k: null): Promise<Record<string, unknown>> } } };

test('the HubSpot token never reaches page-visible storage, the DOM, or what a content script can read', async ({ context, extensionUrl, serviceWorker }) => {
  const box = await hubspotSandbox(context);
  const deal = box.portal.addDeal({ name: 'Secret keeper' });
  await connect(context, extensionUrl, box.portal.token);
  const page = await openDeal(context, box, deal.id);
  await pickStage(page, 'closedwon');
  await expect(gateDialog(page)).toBeVisible();
  const token = box.portal.token;

  // Everything the page (and Baton's content script inside it) can see.
  const visible = await page.evaluate(() => {
    const deep = (root: Document | ShadowRoot): string =>
      [...root.querySelectorAll('*')].map((el) => (el.shadowRoot ? el.outerHTML + deep(el.shadowRoot) : '')).join('') + (root instanceof Document ? root.documentElement.outerHTML : '');
    return JSON.stringify({ dom: deep(document), local: { ...localStorage }, session: { ...sessionStorage }, cookies: document.cookie });
  });
  expect(visible).not.toContain(token);
  // chrome.storage.local and .sync are readable from content scripts: the token is in neither.
  const storage = await serviceWorker.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]));
  expect(storage).not.toContain(token);
  // The API calls went from the background with the token; the page's own requests never carried it.
  const apiCalls = box.portal.requests.filter((r) => new URL(r.url).host === 'api.hubapi.com');
  expect(apiCalls.length).toBeGreaterThan(0);
  expect(apiCalls.every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
  const pageCalls = box.portal.requests.filter((r) => new URL(r.url).host !== 'api.hubapi.com');
  expect(JSON.stringify(pageCalls)).not.toContain(token);
});

test('connecting refuses a token HubSpot rejects, and says why', async ({ context, extensionUrl }) => {
  const box = await hubspotSandbox(context);
  const page = await context.newPage();
  await page.goto(extensionUrl('options.html'));
  await page.getByLabel('Private app access token or service key').fill('pat-na1-00000000-1111-2222-3333-444444444444');
  await page.getByRole('button', { name: 'Connect HubSpot' }).click();
  await expect(page.getByRole('alert')).toContainText('HubSpot refused Baton’s token');
  await expect(page.getByText('HubSpot is not connected')).toBeVisible();
  // The right one works; disconnecting forgets it.
  await page.getByLabel('Private app access token or service key').fill(box.portal.token);
  await page.getByRole('button', { name: 'Connect HubSpot' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected to HubSpot portal 12345' })).toContainText(`…${box.portal.token.slice(-4)}`);
  await page.getByRole('button', { name: 'Disconnect HubSpot' }).click();
  await expect(page.getByText('HubSpot is not connected')).toBeVisible();
});

test('a revoked token: the gate falls back to the page and never passes silently', async ({ context, extensionUrl }) => {
  const box = await hubspotSandbox(context);
  const deal = box.portal.addDeal({ name: 'Revoked' });
  await connect(context, extensionUrl, box.portal.token);
  box.portal.tokens.clear(); // revoked in HubSpot
  const page = await openDeal(context, box, deal.id);
  await pickStage(page, 'closedwon');
  await expect(gateDialog(page)).toContainText('HubSpot refused Baton’s token');
  expect(deal.properties.dealstage).toBe('contractsent');
});

test('a revoked token on a page that draws its fields late: the badge reads them once they are there', async ({ context, extensionUrl }) => {
  // The 401 comes back before the record is drawn; the badge must not stay "unavailable".
  const box = await hubspotSandbox(context, {}, { renderDelayMs: 4000 });
  const deal = box.portal.addDeal({ name: 'Revoked, slow page' });
  await connect(context, extensionUrl, box.portal.token);
  box.portal.tokens.clear();
  await openDeal(context, box, deal.id);
});

test('rate limited on save: the write waits with HubSpot’s Retry-After, the deal does not move', async ({ context, extensionUrl }) => {
  const box = await hubspotSandbox(context);
  const deal = box.portal.addDeal({ name: 'Busy portal' });
  await connect(context, extensionUrl, box.portal.token);
  const page = await openDeal(context, box, deal.id);
  await pickStage(page, 'closedwon');
  const dialog = gateDialog(page);
  await dialog.getByRole('textbox', { name: 'Use case' }).fill(GOOD_HANDOFF.useCase);
  await dialog.getByRole('textbox', { name: 'Success metric' }).fill(GOOD_HANDOFF.successMetric);
  await dialog.getByRole('textbox', { name: 'Risk flags' }).fill(GOOD_HANDOFF.riskFlags);
  box.portal.failNext({ method: 'PATCH', status: 429, headers: { 'Retry-After': '30' }, body: { status: 'error', message: 'You have reached your secondly limit.', category: 'RATE_LIMITS' } });
  await dialog.getByRole('button', { name: 'Save and close won' }).click();
  await expect(dialog.getByRole('alert')).toContainText('HubSpot is limiting requests');
  await expect(dialog).toContainText('1 change waits to sync');
  expect(deal.properties.dealstage).toBe('contractsent');
});

test('HubSpot unavailable at the moment of the move: the fail-safe dialog', async ({ context, extensionUrl }) => {
  const box = await hubspotSandbox(context);
  const deal = box.portal.addDeal({ name: 'Outage' });
  await connect(context, extensionUrl, box.portal.token);
  const page = await openDeal(context, box, deal.id);
  box.portal.failNext({ path: /objects\/deals\/\d+$/, status: 503, times: 1 });
  await pickStage(page, 'closedwon');
  await expect(gateDialog(page)).toContainText('Baton could not check the handoff');
  await expect(gateDialog(page)).toContainText('HubSpot is unavailable right now (HTTP 503)');
  expect(deal.properties.dealstage).toBe('contractsent');
});
