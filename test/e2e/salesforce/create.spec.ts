/**
 * A deal created directly in a won stage, in Salesforce's New form: the modal the list view's New
 * button opens over the list (/lightning/o/Opportunity/new), and the full-page form of a console
 * app, saved with Save, Save & New or Enter. Held while the form's handoff is not good enough;
 * with a good one the creation goes through.
 */
import type { Locator, Page } from '@playwright/test';
import { test } from '../fixtures';
import { HANDOFF_FIELDS } from '@/test/fixtures/salesforce/org';
import { GOOD_HANDOFF, expect, gateDialog, sandbox } from './fixtures';

async function fillBasics(form: Locator, name: string, stage: string): Promise<void> {
  await form.getByRole('textbox', { name: 'Opportunity Name' }).fill(name);
  await form.getByRole('textbox', { name: 'Amount' }).fill('50000');
  await form.getByRole('combobox', { name: 'Stage' }).click();
  await form.getByRole('option', { name: stage }).click();
}

async function fillHandoff(form: Locator, fields: Partial<typeof GOOD_HANDOFF> = GOOD_HANDOFF): Promise<void> {
  const labels = { useCase: 'Handoff: Use Case', successMetric: 'Handoff: Success Metric', riskFlags: 'Handoff: Risk Flags' } as const;
  for (const key of ['useCase', 'successMetric', 'riskFlags'] as const) {
    const text = fields[key];
    if (text !== undefined) await form.getByRole('textbox', { name: labels[key] }).fill(text);
  }
}

/** The list view, then its New button: the form opens over the list and the URL says so. */
async function openNewFromList(page: Page, listUrl: string): Promise<Locator> {
  await page.goto(listUrl);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page).toHaveURL(/\/lightning\/o\/Opportunity\/new\?.*backgroundContext=/);
  return page.getByRole('dialog', { name: 'New Opportunity' });
}

test('the New modal over a list view: Save with a won stage and an empty handoff is held, nothing is created; filled in, it goes through', async ({ context }) => {
  const box = await sandbox(context);
  const page = await context.newPage();
  const form = await openNewFromList(page, box.listUrl());
  await fillBasics(form, 'Created won', 'Closed Won');
  await form.getByRole('button', { name: 'Save', exact: true }).click();

  const dialog = gateDialog(page);
  await expect(dialog).toContainText('Complete the handoff before creating this deal won');
  await expect(dialog).toContainText('The use case is empty');
  expect(box.org.pageCreates).toEqual([]);

  await dialog.getByRole('button', { name: 'Back to the form' }).click();
  await expect(dialog).toBeHidden();
  await fillHandoff(form);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Opportunity "Created won" was created.')).toBeVisible();
  await expect(page).toHaveURL(/\/lightning\/r\/Opportunity\/006\w+\/view$/);
  expect(box.org.pageCreates).toHaveLength(1);
  const created = box.org.opportunities.get(box.org.pageCreates[0]?.recordId ?? '');
  expect(created?.stage).toBe('Closed Won');
  expect(created?.fields[HANDOFF_FIELDS.useCase]).toBe(GOOD_HANDOFF.useCase);
});

test('the New form is not held for an open stage', async ({ context }) => {
  const box = await sandbox(context);
  const page = await context.newPage();
  const form = await openNewFromList(page, box.listUrl());
  await fillBasics(form, 'Created open', 'Prospecting');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Opportunity "Created open" was created.')).toBeVisible();
  await expect(gateDialog(page)).toBeHidden();
  expect(box.org.pageCreates).toHaveLength(1);
});

test('the full-page New form (console app), opened at its URL: Enter in a field is held too, and a handoff field the layout lacks is named', async ({ context }) => {
  const box = await sandbox(context, { missingFields: [HANDOFF_FIELDS.riskFlags] }, { console: true });
  const page = await context.newPage();
  await page.goto(box.newUrl());
  const form = page.getByRole('region', { name: 'New Opportunity' });
  await fillBasics(form, 'Console create', 'Closed Won');
  await fillHandoff(form, { useCase: GOOD_HANDOFF.useCase, successMetric: GOOD_HANDOFF.successMetric });
  await form.getByRole('textbox', { name: 'Opportunity Name' }).press('Enter');

  const dialog = gateDialog(page);
  await expect(dialog).toContainText('The form does not show Risk flags');
  expect(box.org.pageCreates).toEqual([]);
  await dialog.getByRole('button', { name: 'Back to the form' }).click();
  expect(box.org.pageCreates).toEqual([]);
});

test('Save & New in the New form: held with an empty handoff, goes through with a good one', async ({ context }) => {
  const box = await sandbox(context);
  const page = await context.newPage();
  const form = await openNewFromList(page, box.listUrl());
  await fillBasics(form, 'Save and new', 'Closed Won');
  await form.getByRole('button', { name: 'Save & New' }).click();
  const dialog = gateDialog(page);
  await expect(dialog).toContainText('Complete the handoff before creating this deal won');
  expect(box.org.pageCreates).toEqual([]);
  await dialog.getByRole('button', { name: 'Back to the form' }).click();
  await fillHandoff(form);
  await form.getByRole('button', { name: 'Save & New' }).click();
  await expect(page.getByText('Opportunity "Save and new" was created.')).toBeVisible();
  expect(box.org.pageCreates).toHaveLength(1);
  // Save & New: a blank form again.
  await expect(page.getByRole('dialog', { name: 'New Opportunity' }).getByRole('textbox', { name: 'Opportunity Name' })).toHaveValue('');
});
