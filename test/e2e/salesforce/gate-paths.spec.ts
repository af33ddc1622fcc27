import { test } from '../fixtures';
import {
  GOOD_HANDOFF,
  JUNK_HANDOFF,
  badge,
  closeThroughEditModal,
  closeThroughInlineEdit,
  closeThroughPath,
  expect,
  gateDialog,
  openRecord,
  sandbox,
} from './fixtures';

test.describe('the gate stops every UI path to Closed Won while the handoff is empty', () => {
  test('Path: Closed chevron, Select Closed Stage, Save in the closed-stage modal', async ({ context }) => {
    const box = await sandbox(context);
    const opp = box.org.addOpportunity({ name: 'Empty via Path' });
    const page = await openRecord(context, box, opp.id);
    await closeThroughPath(page, 'Closed Won');
    const dialog = gateDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Use case' })).toBeVisible();
    await expect(dialog).toContainText('The use case is empty');
    expect(box.org.pageSaves).toEqual([]);
    expect(opp.stage).toBe('Negotiation/Review');
  });

  test('Path: Mark Stage as Complete on the last open stage, then the modal', async ({ context }) => {
    const box = await sandbox(context);
    const opp = box.org.addOpportunity({ name: 'Empty via Mark Complete' });
    const page = await openRecord(context, box, opp.id);
    await page.getByRole('button', { name: 'Mark Stage as Complete' }).click();
    const modal = page.locator('section[role="dialog"]').filter({ has: page.locator('select.stepAction') });
    await modal.locator('select').selectOption({ label: 'Closed Won' });
    await modal.getByRole('button', { name: 'Save' }).click();
    await expect(gateDialog(page)).toBeVisible();
    expect(box.org.pageSaves).toEqual([]);
  });

  test('inline edit of Stage, then Save in the docked footer', async ({ context }) => {
    const box = await sandbox(context);
    const opp = box.org.addOpportunity({ name: 'Empty via inline edit' });
    const page = await openRecord(context, box, opp.id);
    await closeThroughInlineEdit(page, 'Closed Won');
    await expect(gateDialog(page)).toBeVisible();
    expect(box.org.pageSaves).toEqual([]);
  });

  test('the Edit modal, then Save', async ({ context }) => {
    const box = await sandbox(context);
    const opp = box.org.addOpportunity({ name: 'Empty via Edit modal' });
    const page = await openRecord(context, box, opp.id);
    await closeThroughEditModal(page, 'Closed Won');
    await expect(gateDialog(page)).toBeVisible();
    expect(box.org.pageSaves).toEqual([]);
  });

  test('Kanban: a card dragged into the Closed Won column', async ({ context }) => {
    const box = await sandbox(context);
    const opp = box.org.addOpportunity({ name: 'Kanban empty' });
    const page = await context.newPage();
    await page.goto(box.kanbanUrl());
    const card = page.locator('.pipelineViewCard').filter({ hasText: 'Kanban empty' });
    const column = page.locator('.runtime_sales_pipelineboardPipelineViewColumn').filter({ has: page.locator('h2[title="Closed Won"]') });
    await card.dragTo(column);
    await expect(gateDialog(page)).toBeVisible();
    await expect(gateDialog(page)).toContainText('Kanban empty');
    expect(box.org.pageSaves).toEqual([]);
    expect(opp.stage).toBe('Negotiation/Review');
  });
});

test('junk text blocks too, and each blocking finding sits under its element', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Junk', handoff: { ...GOOD_HANDOFF, ...JUNK_HANDOFF } });
  const page = await openRecord(context, box, opp.id);
  await expect(badge(page)).toHaveText(/Handoff 0\/3/);
  await closeThroughPath(page, 'Closed Won');
  const dialog = gateDialog(page);
  await expect(dialog).toBeVisible();
  const useCase = dialog.getByRole('textbox', { name: 'Use case' });
  await expect(useCase).toHaveValue('TBD');
  await expect(useCase).toHaveAccessibleDescription(/Blocks closing: The use case holds only placeholder text/);
  await expect(dialog.getByRole('textbox', { name: 'Risk flags' })).toHaveAccessibleDescription(/Blocks closing/);
  for (const name of ['Use case', 'Success metric', 'Risk flags', 'Why they bought', 'Promises made', 'Stakeholders', 'Timeline', 'Known gaps']) {
    await expect(dialog.getByRole('textbox', { name, exact: true })).toBeVisible();
  }
});

test('a good handoff passes untouched: no dialog, and Salesforce saves the stage itself', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Good', handoff: GOOD_HANDOFF });
  const page = await openRecord(context, box, opp.id);
  await expect(badge(page)).toHaveText(/Handoff 3\/3/);
  await closeThroughPath(page, 'Closed Won');
  await expect(page.getByText('Stage changed successfully.')).toBeVisible();
  await expect(gateDialog(page)).toBeHidden();
  expect(box.org.pageSaves).toEqual([{ recordId: opp.id, fields: { StageName: 'Closed Won' } }]);
  expect(opp.stage).toBe('Closed Won');
});

test('moving to a lost or open stage is never held', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Lost it' });
  const page = await openRecord(context, box, opp.id);
  await closeThroughPath(page, 'Closed Lost');
  await expect(page.getByText('Stage changed successfully.')).toBeVisible();
  expect(opp.stage).toBe('Closed Lost');
  await expect(gateDialog(page)).toBeHidden();
});
