/**
 * Close anyway while the CRM cannot take the override's record (HubSpot not connected, signed out
 * of Salesforce, Salesforce's API closed): the rep is told plainly at that moment, the side panel
 * and the console list what waits, and it reaches the sandbox CRM once connected, signed in, or
 * retried.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test } from './fixtures';
import { seriousViolations } from './a11y';
import { closeThroughPath, expect, gateDialog, sandbox } from './salesforce/fixtures';
import { connect, hubspotSandbox, openDeal, pickStage } from './hubspot/fixtures';

async function closeAnyway(page: Page, reason: string) {
  const dialog = gateDialog(page);
  await dialog.getByRole('button', { name: 'Close anyway' }).click();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
  await dialog.getByRole('button', { name: 'Close anyway' }).click();
  return dialog;
}

async function waitingList(context: BrowserContext, url: string): Promise<ReturnType<Page['getByRole']>> {
  const page = await context.newPage();
  await page.goto(url);
  return page.getByRole('region', { name: 'Not in the CRM yet' });
}

test('HubSpot not connected: close anyway says the note is not in HubSpot yet, the side panel and console list it, connecting writes it', async ({ context, extensionUrl }) => {
  test.slow(); // a deal page, the side panel, the console and the options page in one story
  const box = await hubspotSandbox(context);
  const deal = box.portal.addDeal({ name: 'No token override', handoff: { useCase: 'TBD' } });
  const page = await openDeal(context, box, deal.id);
  await pickStage(page, 'closedwon');
  const dialog = await closeAnyway(page, 'Signed at the CFO dinner');
  const notice = dialog.getByRole('alert');
  await expect(notice).toContainText('Not recorded in HubSpot yet');
  await expect(notice).toContainText('Your reason is recorded on this computer and will be written to the deal as a note once HubSpot is connected in Baton’s options');
  expect(deal.properties.dealstage).toBe('contractsent'); // not before the rep has read it
  await dialog.getByRole('button', { name: 'OK, complete the move' }).click();
  await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();

  const panel = await waitingList(context, extensionUrl('sidepanel.html'));
  await expect(panel).toContainText(`Close-anyway record on HubSpot deal ${deal.id}`);
  await expect(panel).toContainText('waiting for HubSpot connection');
  const consoleList = await waitingList(context, extensionUrl('console.html'));
  await expect(consoleList).toContainText('waiting for HubSpot connection');
  expect(box.portal.notes).toEqual([]);

  await connect(context, extensionUrl, box.portal.token);
  await expect.poll(() => box.portal.notes.map((n) => n.dealIds)).toEqual([[deal.id]]);
  expect(box.portal.notes[0]?.body).toContain('Reason given: Signed at the CFO dinner');
  await expect(panel).toBeHidden(); // the list empties as the CRM takes what waited
  await expect(consoleList).toBeHidden();
});

test('signed out of Salesforce: the Task waits for the sign-in and is written when a new session appears', async ({ context, extensionUrl }) => {
  const box = await sandbox(context);
  await context.clearCookies(); // no Salesforce session in this browser
  const opp = box.org.addOpportunity({ name: 'Signed out override' });
  const page = await context.newPage();
  await page.goto(box.recordUrl(opp.id));
  await expect(page.getByRole('button', { name: /^Handoff/ })).toHaveText(/Handoff 0\/3/);
  await closeThroughPath(page, 'Closed Won');
  const dialog = await closeAnyway(page, 'Quarter end, signed out');
  await expect(dialog.getByRole('alert')).toContainText('Not recorded in Salesforce yet');
  await expect(dialog.getByRole('alert')).toContainText('written to the deal as a Task once you sign in to Salesforce again in this browser');
  await dialog.getByRole('button', { name: 'OK, complete the move' }).click();
  await expect(page.getByText('Stage changed successfully.')).toBeVisible();

  const consoleList = await waitingList(context, extensionUrl('console.html'));
  await expect(consoleList).toContainText('waiting for Salesforce sign-in');
  expect(box.org.tasks).toEqual([]);
  await context.addCookies([box.org.sessionCookie()]); // the rep signs in again
  await expect.poll(() => box.org.tasks.map((t) => t.WhatId)).toEqual([opp.id]);
  expect(box.org.tasks[0]?.Description).toContain('Reason given: Quarter end, signed out');
  await expect(consoleList).toBeHidden();
});

test('Salesforce API closed: the Task waits, and Retry in the side panel writes it once the API is open', async ({ context, extensionUrl }) => {
  const box = await sandbox(context);
  box.org.apiEnabled = false;
  const opp = box.org.addOpportunity({ name: 'API closed override' });
  const page = await context.newPage();
  await page.goto(box.recordUrl(opp.id));
  await expect(page.getByRole('button', { name: /^Handoff/ })).toHaveText(/Handoff 0\/3/);
  await closeThroughPath(page, 'Closed Won');
  const dialog = await closeAnyway(page, 'API access pending with IT');
  await expect(dialog.getByRole('alert')).toContainText('Not recorded in Salesforce yet');
  // Keyboard and screen reader: the notice is announced, its one button has the focus.
  await expect(dialog.getByRole('button', { name: 'OK, complete the move' })).toBeFocused();
  expect(await seriousViolations(page, 'baton-gate')).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Stage changed successfully.')).toBeVisible();

  const panel = await waitingList(context, extensionUrl('sidepanel.html'));
  await expect(panel).toContainText('waiting for API access to Salesforce');
  expect(await seriousViolations(panel.page(), '.outbox')).toEqual([]);
  box.org.apiEnabled = true; // the admin opens API access
  await panel.getByRole('button', { name: /^Retry: Close-anyway record on/ }).click();
  await expect.poll(() => box.org.tasks.map((t) => t.WhatId)).toEqual([opp.id]);
  await expect(panel).toBeHidden();
});
