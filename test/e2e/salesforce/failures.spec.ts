import { test } from '../fixtures';
import { HANDOFF_FIELDS } from '@/test/fixtures/salesforce/org';
import { GOOD_HANDOFF, badge, closeThroughPath, expect, gateDialog, openRecord, sandbox } from './fixtures';
import { holdRequests } from '../routes';

const fillNonNegotiables = async (dialog: ReturnType<typeof gateDialog>) => {
  await dialog.getByRole('textbox', { name: 'Use case' }).fill(GOOD_HANDOFF.useCase);
  await dialog.getByRole('textbox', { name: 'Success metric' }).fill(GOOD_HANDOFF.successMetric);
  await dialog.getByRole('textbox', { name: 'Risk flags' }).fill(GOOD_HANDOFF.riskFlags);
};

test('fail-safe: when Salesforce errors at the moment of closing, the gate says so and never passes silently', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Outage', handoff: GOOD_HANDOFF });
  const page = await openRecord(context, box, opp.id);
  box.org.failNext({ path: /^ui-api\/records\//, status: 503, body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Down for maintenance' }] });
  await closeThroughPath(page, 'Closed Won');
  const dialog = gateDialog(page);
  await expect(dialog).toContainText('Baton could not check the handoff');
  await expect(dialog).toContainText('Salesforce is unavailable right now (HTTP 503)');
  expect(box.org.pageSaves).toEqual([]);
  // Salesforce is back: retry checks again, and this good handoff goes through.
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('Stage changed successfully.')).toBeVisible();
  expect(opp.stage).toBe('Closed Won');
});

test('fail-safe: close anyway from the error, with a reason, is recorded', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Outage override' });
  const page = await openRecord(context, box, opp.id);
  box.org.failNext({ path: /^ui-api\/records\//, status: 500, times: 1 });
  await closeThroughPath(page, 'Closed Won');
  const dialog = gateDialog(page);
  await dialog.getByRole('button', { name: 'Close anyway' }).click();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Quarter end, Salesforce was down');
  await dialog.getByRole('button', { name: 'Close anyway' }).click();
  await expect(page.getByText('Stage changed successfully.')).toBeVisible();
  expect(box.org.tasks[0]?.Description).toContain('Quarter end, Salesforce was down (Baton could not check the handoff: Salesforce is unavailable');
});

test('a slow Salesforce: the rep sees that Baton is checking', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Slow' });
  const page = await openRecord(context, box, opp.id);
  // Salesforce answers once the rep has seen Baton checking (a fixed latency can be over before a busy machine looks).
  const slowCrm = await holdRequests(context, (url) => url.host === box.org.apiHost);
  await closeThroughPath(page, 'Closed Won');
  await expect(page.getByRole('dialog', { name: 'Checking the handoff…' })).toBeVisible();
  slowCrm.release();
  await expect(gateDialog(page)).toContainText('Complete the handoff before closing won');
});

test('API access refused: the deal is read from the page (read-only), said so, and close anyway still works', async ({ context }) => {
  const box = await sandbox(context, {}, { ownerInShadowRoot: true });
  box.org.apiEnabled = false;
  const opp = box.org.addOpportunity({ name: 'No API', ownerName: 'Ada Lovelace', handoff: { useCase: 'TBD' } });
  const page = await context.newPage();
  await page.goto(box.recordUrl(opp.id));
  await expect(badge(page)).toHaveText(/Handoff 0\/3/);
  await closeThroughPath(page, 'Closed Won');
  const dialog = gateDialog(page);
  await expect(dialog).toContainText('Read from the page');
  await expect(dialog).toContainText('does not let Baton use its API');
  // The owner lookup renders into a real shadow root; the page reading looks inside.
  await expect(dialog).toContainText('owner Ada Lovelace');
  await expect(dialog.getByRole('textbox', { name: 'Use case' })).toHaveValue('TBD');
  await expect(dialog.getByRole('button', { name: 'Save and close won' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close anyway' }).click();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('API access pending with IT');
  await dialog.getByRole('button', { name: 'Close anyway' }).click();
  // The API is closed: the Task waits in the outbox, and the rep is told before the move completes.
  await expect(dialog.getByRole('alert')).toContainText('Not recorded in Salesforce yet');
  await dialog.getByRole('button', { name: 'OK, complete the move' }).click();
  await expect(page.getByText('Stage changed successfully.')).toBeVisible();
  expect(opp.stage).toBe('Closed Won');
  expect(box.org.tasks).toEqual([]);
});

test('an expired session falls back to the page too', async ({ context }) => {
  const box = await sandbox(context);
  box.org.sessionValid = false;
  const opp = box.org.addOpportunity({ name: 'Expired', handoff: GOOD_HANDOFF });
  const page = await context.newPage();
  await page.goto(box.recordUrl(opp.id));
  await expect(badge(page)).toHaveText(/Handoff 3\/3/);
  await badge(page).click();
  await expect(page.getByRole('region', { name: 'Handoff details' })).toContainText('session has expired');
});

test('Salesforce refuses the save (validation rule): its message shows, nothing moves, the text is kept', async ({ context }) => {
  const box = await sandbox(context);
  box.org.validationRule = (_opp, changes) => (HANDOFF_FIELDS.useCase in changes ? 'Use case must mention the product tier.' : null);
  const opp = box.org.addOpportunity({ name: 'Validation' });
  const page = await openRecord(context, box, opp.id);
  await closeThroughPath(page, 'Closed Won');
  const dialog = gateDialog(page);
  await fillNonNegotiables(dialog);
  await dialog.getByRole('button', { name: 'Save and close won' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Salesforce refused the change: Use case must mention the product tier.');
  await expect(dialog.getByRole('textbox', { name: 'Use case' })).toHaveValue(GOOD_HANDOFF.useCase);
  expect(opp.stage).toBe('Negotiation/Review');
  expect(opp.fields[HANDOFF_FIELDS.useCase]).toBeNull();
});

test('rate limited: the write waits in the outbox, the rep sees it pending, and retry sends it', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Busy org' });
  const page = await openRecord(context, box, opp.id);
  await closeThroughPath(page, 'Closed Won');
  const dialog = gateDialog(page);
  await fillNonNegotiables(dialog);
  box.org.failNext({ method: 'PATCH', status: 429, headers: { 'Retry-After': '30' }, body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'ConcurrentPerOrgLongTxn Limit exceeded.' }] });
  await dialog.getByRole('button', { name: 'Save and close won' }).click();
  await expect(dialog.getByRole('alert')).toContainText('wait in Baton and are sent automatically');
  await expect(dialog).toContainText('1 change waits to sync');
  expect(opp.stage).toBe('Negotiation/Review');
  await dialog.getByRole('button', { name: 'Retry now' }).click();
  await expect.poll(() => opp.fields[HANDOFF_FIELDS.useCase]).toBe(GOOD_HANDOFF.useCase);
});

test('a conflicting edit made elsewhere is never overwritten unseen', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Conflict' });
  const page = await openRecord(context, box, opp.id);
  await closeThroughPath(page, 'Closed Won');
  const dialog = gateDialog(page);
  await fillNonNegotiables(dialog);
  box.org.editElsewhere(opp.id, { [HANDOFF_FIELDS.useCase]: 'Written by the CSM in another tab' });
  await dialog.getByRole('button', { name: 'Save and close won' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Someone changed these fields in the CRM');
  await expect(dialog).toContainText('Now in the CRM (saved by someone else): “Written by the CSM in another tab”');
  expect(opp.fields[HANDOFF_FIELDS.useCase]).toBe('Written by the CSM in another tab');
  expect(opp.stage).toBe('Negotiation/Review');
  // Seen: saving again replaces it knowingly and completes the move.
  await dialog.getByRole('button', { name: 'Save and close won' }).click();
  await expect(page.getByText('Stage changed successfully.')).toBeVisible();
  expect(opp.fields[HANDOFF_FIELDS.useCase]).toBe(GOOD_HANDOFF.useCase);
});
