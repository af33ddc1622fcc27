/** The gate fails closed on Salesforce too (issue 13): page data never passes silently; a check can be cancelled. */
import { test } from '../fixtures';
import { GOOD_HANDOFF, closeThroughPath, expect, gateDialog, openRecord, sandbox } from './fixtures';
import { holdRequests } from '../routes';

test('API access refused: a good handoff on the page is not a silent pass; the dialog says why and offers the audited close-anyway', async ({ context }) => {
  const box = await sandbox(context);
  box.org.apiEnabled = false;
  const opp = box.org.addOpportunity({ name: 'Good on the page', handoff: GOOD_HANDOFF });
  const page = await context.newPage();
  await page.goto(box.recordUrl(opp.id));
  await closeThroughPath(page, 'Closed Won');
  const dialog = gateDialog(page);
  await expect(dialog).toContainText('Baton could not confirm the handoff in the CRM');
  await expect(dialog).toContainText('does not let Baton use its API');
  await expect(dialog).toContainText('The page shows a complete handoff');
  expect(box.org.pageSaves).toEqual([]);
  await dialog.getByRole('button', { name: 'Close anyway' }).click();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('API access pending with IT');
  await dialog.getByRole('button', { name: 'Close anyway' }).click();
  // The API is closed: the record waits in the outbox, and the rep is told before the move completes.
  await expect(dialog.getByRole('alert')).toContainText('Not recorded in Salesforce yet');
  await dialog.getByRole('button', { name: 'OK, complete the move' }).click();
  await expect(page.getByText('Stage changed successfully.')).toBeVisible();
  expect(opp.stage).toBe('Closed Won');
});

test('the "Checking…" dialog can be cancelled: the deal stays as it was, and the late answer changes nothing', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Cancelled check', handoff: GOOD_HANDOFF });
  const page = await openRecord(context, box, opp.id);
  const slowCrm = await holdRequests(context, (url) => url.host === box.org.apiHost);
  await closeThroughPath(page, 'Closed Won');
  const checking = page.getByRole('dialog', { name: 'Checking the handoff…' });
  await checking.getByRole('button', { name: 'Cancel' }).click();
  await expect(checking).toBeHidden();
  expect(slowCrm.held.length).toBeGreaterThan(0);
  const readsBefore = box.org.requests.length;
  slowCrm.release();
  // The held read reaches the CRM and its answer comes back to the page: the gate drops it.
  await expect.poll(() => box.org.requests.length).toBeGreaterThan(readsBefore);
  expect(box.org.pageSaves).toEqual([]);
  expect(opp.stage).not.toBe('Closed Won');
  // The rep tries again in the page's own closed-stage dialog, still open: one check, one save.
  await page.locator('section[role="dialog"]').filter({ has: page.locator('select.stepAction') }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Stage changed successfully.')).toBeVisible();
  expect(box.org.pageSaves).toHaveLength(1);
  expect(opp.stage).toBe('Closed Won');
});
