import { test } from '../fixtures';
import { HANDOFF_FIELDS } from '@/test/fixtures/salesforce/org';
import { GOOD_HANDOFF, badge, closeThroughPath, expect, gateDialog, openRecord, sandbox } from './fixtures';

test('a sandbox org on its partitioned host, with its own API host', async ({ context }) => {
  const box = await sandbox(context, { instance: 'acme--uat.sandbox' });
  const opp = box.org.addOpportunity({ name: 'Sandbox deal' });
  const page = await openRecord(context, box, opp.id);
  expect(page.url()).toContain('acme--uat.sandbox.lightning.force.com');
  await closeThroughPath(page, 'Closed Won');
  await expect(gateDialog(page)).toBeVisible();
  expect(box.org.requests.every((r) => new URL(r.url).host === 'acme--uat.sandbox.my.salesforce.com' || r.url.includes('/aura'))).toBe(true);
});

test('a German-language org: detection does not rest on English labels', async ({ context }) => {
  const box = await sandbox(context, { language: 'de' });
  const opp = box.org.addOpportunity({ name: 'Müller Maschinenbau' });
  const page = await openRecord(context, box, opp.id);
  await closeThroughPath(page, 'Geschlossen und gewonnen', { select: 'Abgeschlossene Phase auswählen', save: 'Speichern' });
  const dialog = gateDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('moving to Geschlossen und gewonnen');
  // Inline edit in German: the Stage picklist is "Phase". Baton's Cancel leaves Salesforce's modal open, as it was.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('section[role="dialog"]').getByRole('button', { name: 'Abbrechen' }).click();
  await page.getByRole('button', { name: 'Phase bearbeiten' }).click();
  await page.getByRole('combobox', { name: 'Phase' }).click();
  await page.locator('lightning-base-combobox-item').filter({ hasText: 'Geschlossen und gewonnen' }).click();
  await page.locator('button[name="SaveEdit"]').click();
  await expect(dialog).toBeVisible();
  expect(box.org.pageSaves).toEqual([]);
});

test('an org with a second won stage gates both; a lost stage still passes', async ({ context }) => {
  const box = await sandbox(context, { secondWonStage: true });
  const opp = box.org.addOpportunity({ name: 'Renewal' });
  const page = await openRecord(context, box, opp.id);
  await closeThroughPath(page, 'Closed Won - Renewal');
  const dialog = gateDialog(page);
  await expect(dialog).toContainText('moving to Closed Won - Renewal');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Salesforce's modal is still open, as it was: the rep picks Closed Lost there instead.
  const modal = page.locator('section[role="dialog"]').filter({ has: page.locator('select.stepAction') });
  await modal.locator('select').selectOption({ label: 'Closed Lost' });
  await modal.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Stage changed successfully.')).toBeVisible();
  expect(opp.stage).toBe('Closed Lost');
});

test('mapped fields missing from the org: a setup message names them, and the gate still works', async ({ context }) => {
  const box = await sandbox(context, { missingFields: [HANDOFF_FIELDS.knownGaps] });
  const opp = box.org.addOpportunity({ name: 'Half set up' });
  const page = await openRecord(context, box, opp.id);
  await badge(page).click();
  await expect(page.getByRole('region', { name: 'Handoff details' })).toContainText('Handoff_Known_Gaps__c is not on Opportunity in this org');
  await closeThroughPath(page, 'Closed Won');
  const dialog = gateDialog(page);
  await expect(dialog.getByRole('textbox', { name: 'Known gaps' })).toHaveAttribute('readonly', '');
  await expect(dialog.getByRole('textbox', { name: 'Known gaps' })).toHaveAccessibleDescription(/Handoff_Known_Gaps__c does not exist/);
  for (const [name, value] of [['Use case', GOOD_HANDOFF.useCase], ['Success metric', GOOD_HANDOFF.successMetric], ['Risk flags', GOOD_HANDOFF.riskFlags]] as const) {
    await dialog.getByRole('textbox', { name }).fill(value);
  }
  await dialog.getByRole('button', { name: 'Save and close won' }).click();
  await expect(page.getByText('Stage changed successfully.')).toBeVisible();
  expect(opp.fields[HANDOFF_FIELDS.useCase]).toBe(GOOD_HANDOFF.useCase);
});

test('a console app subtab URL', async ({ context }) => {
  const box = await sandbox(context, {}, { console: true });
  const opp = box.org.addOpportunity({ name: 'Console deal' });
  const page = await context.newPage();
  await page.goto(`${box.recordUrl(opp.id)}?ws=%2Flightning%2Fr%2FAccount%2F001Hs00001xyzAAAAA%2Fview`);
  await expect(badge(page)).toHaveText(/Handoff 0\/3/);
  await closeThroughPath(page, 'Closed Won');
  await expect(gateDialog(page)).toBeVisible();
});

test('the legacy one.app URL', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'One app' });
  const page = await context.newPage();
  await page.goto(`https://${box.org.lightningHost}/one/one.app#/sObject/${opp.id}/view`);
  await expect(badge(page)).toHaveText(/Handoff 0\/3/);
  await closeThroughPath(page, 'Closed Won');
  await expect(gateDialog(page)).toBeVisible();
});

test('a hidden page container of another deal is ignored', async ({ context }) => {
  const box = await sandbox(context);
  const hidden = box.org.addOpportunity({ name: 'Hidden good deal', handoff: GOOD_HANDOFF });
  const shown = box.org.addOpportunity({ name: 'Shown empty deal' });
  await context.route(`https://${box.org.lightningHost}/lightning/r/Opportunity/${shown.id}/view`, async (route) => {
    const { recordPage } = await import('@/test/fixtures/salesforce/page');
    await route.fulfill({ status: 200, headers: { 'content-type': 'text/html' }, body: recordPage(box.org, shown.id, { hiddenOpportunityId: hidden.id }) ?? '' });
  });
  const page = await openRecord(context, box, shown.id);
  await expect(page.locator('.lafPageHost')).toHaveCount(2);
  // One badge, in the container on screen.
  await expect(page.locator('baton-badge')).toHaveCount(1);
  await expect(page.locator('.lafPageHost.active baton-badge')).toHaveCount(1);
  await expect(badge(page)).toHaveText(/Handoff 0\/3/);
  await closeThroughPath(page, 'Closed Won');
  await expect(gateDialog(page)).toContainText('Shown empty deal');
});

test('SPA navigation from one opportunity to another arms the gate for the deal on screen, both ways', async ({ context }) => {
  const box = await sandbox(context);
  const good = box.org.addOpportunity({ name: 'Good neighbour', handoff: GOOD_HANDOFF });
  const empty = box.org.addOpportunity({ name: 'Empty neighbour' });
  await context.route(`https://${box.org.lightningHost}/lightning/r/Opportunity/${good.id}/view`, async (route) => {
    const { recordPage } = await import('@/test/fixtures/salesforce/page');
    await route.fulfill({ status: 200, headers: { 'content-type': 'text/html' }, body: recordPage(box.org, good.id, { relatedIds: [empty.id] }) ?? '' });
  });
  const page = await openRecord(context, box, good.id);
  await expect(badge(page)).toHaveText(/Handoff 3\/3/);
  let loads = 0;
  page.on('load', () => loads++);
  await page.getByRole('link', { name: 'Empty neighbour' }).click();
  await expect(page).toHaveURL(new RegExp(empty.id));
  // Immediately, without waiting for Baton's URL polling: the gate must be for the deal now shown.
  await closeThroughPath(page, 'Closed Won');
  await expect(gateDialog(page)).toContainText('Empty neighbour');
  await gateDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await page.locator('section[role="dialog"]').getByRole('button', { name: 'Cancel' }).click();
  await expect(badge(page)).toHaveText(/Handoff 0\/3/);
  // And back: the good deal passes untouched.
  await page.goBack();
  await expect(badge(page)).toHaveText(/Handoff 3\/3/);
  await closeThroughPath(page, 'Closed Won');
  await expect(page.getByText('Stage changed successfully.')).toBeVisible();
  expect(good.stage).toBe('Closed Won');
  expect(empty.stage).toBe('Negotiation/Review');
  expect(loads).toBe(0);
});
