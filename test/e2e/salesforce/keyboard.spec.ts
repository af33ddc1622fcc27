/**
 * Moves to a won stage made with the keyboard only, on the record page: the Path's buttons with
 * Enter and Space (a keyboard "click"), the Stage picklist chosen with the arrows and Enter, and
 * the inline edit saved with Enter in a field (the record form's submit).
 */
import { test } from '../fixtures';
import { HANDOFF_FIELDS } from '@/test/fixtures/salesforce/org';
import { GOOD_HANDOFF, expect, gateDialog, openRecord, sandbox } from './fixtures';

test('the Path by keyboard: Enter on the Closed chevron, Space on Select Closed Stage, the arrows in the modal, Enter on Save', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Path by keyboard' });
  const page = await openRecord(context, box, opp.id);
  await page.locator('.active li[data-name="Closed"] a').press('Enter');
  await page.locator('.active').getByRole('button', { name: 'Select Closed Stage' }).press(' ');
  const modal = page.getByRole('dialog', { name: 'Close This Opportunity' });
  await modal.getByRole('combobox', { name: 'Stage' }).press('ArrowDown');
  await expect(modal.getByRole('combobox', { name: 'Stage' })).toHaveValue('Closed Won');
  await modal.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(gateDialog(page)).toBeVisible();
  expect(box.org.pageSaves).toEqual([]);
  expect(opp.stage).toBe('Negotiation/Review');
});

test('inline edit by keyboard: Stage chosen with the arrows and Enter, saved with Enter in a field, is held; a good handoff in the dialog lets it through', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Inline by keyboard' });
  const page = await openRecord(context, box, opp.id);
  await page.getByRole('button', { name: 'Edit Stage' }).first().press('Enter');
  const stage = page.getByRole('combobox', { name: 'Stage' });
  await stage.press('ArrowDown'); // from Negotiation/Review to the next option
  await expect(page.locator('lightning-base-combobox-item.slds-has-focus')).toHaveAttribute('data-value', 'Closed Won');
  await stage.press('Enter');
  await expect(stage).toHaveText('Closed Won');
  await page.getByRole('textbox', { name: 'Amount' }).press('Enter');

  const dialog = gateDialog(page);
  await expect(dialog.getByRole('textbox', { name: 'Use case' })).toBeVisible();
  expect(box.org.pageSaves).toEqual([]);
  expect(opp.stage).toBe('Negotiation/Review');

  await dialog.getByRole('textbox', { name: 'Use case' }).fill(GOOD_HANDOFF.useCase);
  await dialog.getByRole('textbox', { name: 'Success metric' }).fill(GOOD_HANDOFF.successMetric);
  await dialog.getByRole('textbox', { name: 'Risk flags' }).fill(GOOD_HANDOFF.riskFlags);
  await dialog.getByRole('button', { name: 'Save and close won' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Opportunity "Inline by keyboard" was saved.')).toBeVisible();
  expect(opp.stage).toBe('Closed Won');
  expect(opp.fields[HANDOFF_FIELDS.useCase]).toBe(GOOD_HANDOFF.useCase);
});

test('Stage chosen with the arrows and Enter, no click on an option, then Save clicked: held', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Picked by keyboard' });
  const page = await openRecord(context, box, opp.id);
  await page.getByRole('button', { name: 'Edit Stage' }).first().click();
  const stage = page.getByRole('combobox', { name: 'Stage' });
  await stage.press('ArrowDown');
  await stage.press('Enter');
  await page.locator('records-form-footer button[name="SaveEdit"]').click();
  await expect(gateDialog(page)).toBeVisible();
  expect(box.org.pageSaves).toEqual([]);
});

test('the Edit modal saved with Enter in a field is held too', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Modal by keyboard' });
  const page = await openRecord(context, box, opp.id);
  await page.locator('button[name="Edit"]').press('Enter');
  const modal = page.getByRole('dialog', { name: 'Edit Modal by keyboard' });
  const stage = modal.getByRole('combobox', { name: 'Stage' });
  await stage.press('ArrowDown');
  await stage.press('Enter');
  await modal.getByRole('textbox', { name: 'Opportunity Name' }).press('Enter');
  await expect(gateDialog(page)).toBeVisible();
  expect(box.org.pageSaves).toEqual([]);
});
