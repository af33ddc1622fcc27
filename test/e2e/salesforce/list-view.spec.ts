/**
 * Moves to a won stage from an Opportunity list view: the table's inline edit of Stage (pencil,
 * editor, Save in the docked footer), for one deal or several, and the Kanban moved with the
 * keyboard (Space on a card, a column in the menu it opens).
 */
import type { Page } from '@playwright/test';
import { test } from '../fixtures';
import { GOOD_HANDOFF, expect, gateDialog, sandbox } from './fixtures';

/** The pencil on a row's Stage cell, then a stage in the editor: a draft, not saved yet. */
async function draftStage(page: Page, dealName: string, stageLabel: string): Promise<void> {
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: dealName }) });
  await row.getByRole('button', { name: 'Edit Stage' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit Stage' });
  await editor.getByRole('combobox', { name: 'Stage' }).click();
  await editor.getByRole('option', { name: stageLabel }).click();
  await expect(row.getByRole('gridcell', { name: stageLabel })).toBeVisible();
}

const footerSave = (page: Page) => page.locator('lightning-primitive-datatable-status-bar').getByRole('button', { name: 'Save' });

test('list view inline edit: one row to Closed Won is held, nothing saved; a good handoff lets the same Save through', async ({ context }) => {
  const box = await sandbox(context);
  const empty = box.org.addOpportunity({ name: 'List empty' });
  const page = await context.newPage();
  await page.goto(box.listUrl());
  await draftStage(page, 'List empty', 'Closed Won');
  await footerSave(page).click();
  const dialog = gateDialog(page);
  await expect(dialog.getByRole('textbox', { name: 'Use case' })).toBeVisible();
  await expect(dialog).toContainText('List empty');
  expect(box.org.pageSaves).toEqual([]);
  expect(empty.stage).toBe('Negotiation/Review');

  await dialog.getByRole('textbox', { name: 'Use case' }).fill(GOOD_HANDOFF.useCase);
  await dialog.getByRole('textbox', { name: 'Success metric' }).fill(GOOD_HANDOFF.successMetric);
  await dialog.getByRole('textbox', { name: 'Risk flags' }).fill(GOOD_HANDOFF.riskFlags);
  await dialog.getByRole('button', { name: 'Save and close won' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => empty.stage).toBe('Closed Won');
});

test('list view inline edit of several rows: one dialog lists the deals that stop the Save; a good one alone is not held', async ({ context }) => {
  const box = await sandbox(context);
  const a = box.org.addOpportunity({ name: 'Bulk empty A' });
  const b = box.org.addOpportunity({ name: 'Bulk empty B' });
  const good = box.org.addOpportunity({ name: 'Bulk good', handoff: GOOD_HANDOFF });
  const page = await context.newPage();
  await page.goto(box.listUrl());
  await draftStage(page, 'Bulk empty A', 'Closed Won');
  await draftStage(page, 'Bulk empty B', 'Closed Won');
  await draftStage(page, 'Bulk good', 'Closed Won');
  await footerSave(page).click();
  const dialog = gateDialog(page);
  await expect(dialog).toContainText('2 of 3 deals do not have a complete handoff');
  await expect(dialog).toContainText('Bulk empty A');
  await expect(dialog).toContainText('Bulk empty B');
  expect(box.org.pageSaves).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect([a.stage, b.stage, good.stage]).toEqual(['Negotiation/Review', 'Negotiation/Review', 'Negotiation/Review']);

  await page.getByRole('button', { name: 'Cancel' }).click(); // drop the drafts
  await draftStage(page, 'Bulk good', 'Closed Won');
  await footerSave(page).click();
  await expect.poll(() => good.stage).toBe('Closed Won');
  await expect(dialog).toBeHidden();
});

test('Kanban by keyboard: Space on a card, the Closed Won column in its menu, Enter: held, the menu closes meanwhile; a good handoff moves', async ({ context }) => {
  const box = await sandbox(context);
  const empty = box.org.addOpportunity({ name: 'Kanban keys' });
  const good = box.org.addOpportunity({ name: 'Kanban keys good', handoff: GOOD_HANDOFF });
  const page = await context.newPage();
  await page.goto(box.kanbanUrl());
  const card = (name: string) => page.locator('.pipelineViewCard').filter({ hasText: new RegExp(`^${name}USD`) });

  await card('Kanban keys').press(' ');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Closed Won' })).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Closed Won' }).press('Enter');
  const dialog = gateDialog(page);
  await expect(dialog).toContainText('Kanban keys');
  await expect(page.getByRole('menu')).toBeHidden(); // the page's drag ended while Baton holds it
  expect(box.org.pageSaves).toEqual([]);
  expect(empty.stage).toBe('Negotiation/Review');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await card('Kanban keys good').press(' ');
  await page.getByRole('menu').getByRole('menuitem', { name: 'Closed Won' }).press(' ');
  await expect.poll(() => good.stage).toBe('Closed Won');
  await expect(gateDialog(page)).toBeHidden();
});
