import type { Page } from '@playwright/test';
import { test } from '../fixtures';
import { FakeSalesforceOrg } from '@/test/fixtures/salesforce/org';
import { badge, closeThroughPath, expect, gateDialog, openRecord, sandbox } from './fixtures';
import { serveSalesforce } from './sandbox';

const shortcuts = (page: Page) => page.evaluate(() => (window as unknown as { __fixture: { shortcuts: number } }).__fixture.shortcuts);

test('typing in Baton’s dialog does not trigger the page’s keyboard shortcuts', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Shortcuts' });
  const page = await openRecord(context, box, opp.id);
  // The page's shortcut works (control): "e" outside any input opens inline edit.
  await page.locator('h1').first().click();
  await page.keyboard.press('e');
  expect(await shortcuts(page)).toBe(1);
  await page.locator('records-form-footer button[name="CancelEdit"]').click();

  await closeThroughPath(page, 'Closed Won');
  const useCase = gateDialog(page).getByRole('textbox', { name: 'Use case' });
  await useCase.click();
  await page.keyboard.type('We eventually expect everyone here');
  await expect(useCase).toHaveValue('We eventually expect everyone here');
  expect(await shortcuts(page)).toBe(1);
});

test('styles leak neither way: the page’s hostile CSS does not reach Baton, Baton’s does not reach the page', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Styles' });
  const page = await context.newPage();
  await page.goto(box.recordUrl(opp.id));
  const pathTitle = page.locator('.active .slds-path__title').first();
  await expect(pathTitle).toBeVisible();
  const before = await pathTitle.evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, font: s.fontFamily, size: s.fontSize, spacing: s.letterSpacing };
  });
  await expect(badge(page)).toHaveText(/Handoff \d\/3/);
  const after = await pathTitle.evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, font: s.fontFamily, size: s.fontSize, spacing: s.letterSpacing };
  });
  expect(after).toEqual(before);
  expect(after.color).toBe('rgb(1, 2, 3)');

  const badgeStyle = await badge(page).evaluate((el) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, size: s.fontSize, border: s.borderStyle };
  });
  expect(badgeStyle.background).not.toBe('rgb(255, 0, 255)');
  expect(badgeStyle.size).not.toBe('17px');
  expect(badgeStyle.border).not.toBe('dashed');

  await closeThroughPath(page, 'Closed Won');
  const dialog = gateDialog(page);
  const textarea = await dialog.getByRole('textbox', { name: 'Use case' }).evaluate((el) => getComputedStyle(el).fontSize);
  expect(textarea).not.toBe('21px');
  const cancel = await dialog.getByRole('button', { name: 'Cancel' }).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(cancel).not.toBe('rgb(255, 0, 255)');
  const frame = await dialog.evaluate((el) => getComputedStyle(el).borderTopColor);
  expect(frame).not.toBe('rgb(255, 0, 0)');
});

test('the dialog works with the keyboard alone', async ({ context }) => {
  // A sentence typed key by key and 40 Tabs: up to 16 s beside two CPU hogs.
  test.slow();
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Keyboard' });
  const page = await openRecord(context, box, opp.id);
  await closeThroughPath(page, 'Closed Won');
  const dialog = gateDialog(page);
  // Focus starts on the first blocking field.
  await expect(dialog.getByRole('textbox', { name: 'Use case' })).toBeFocused();
  await page.keyboard.type('Route all inbound support email and chat for 300 agents in EMEA through one queue.');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'Success metric' })).toBeFocused();
  // Focus stays inside the modal dialog: Shift+Tab from the first control does not reach the page.
  for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
  const focusedInBaton = await page.evaluate(() => document.activeElement?.tagName.toLowerCase());
  expect(['baton-gate', 'body']).toContain(focusedInBaton);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('nothing of Baton on a Salesforce page that is not an opportunity', async ({ context }) => {
  const box = await sandbox(context);
  const page = await context.newPage();
  await page.goto(`https://${box.org.lightningHost}/lightning/page/home`);
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  // Nothing happening has no moment to wait for; a later page that does get the gate has one. The
  // background handles tab loads as they come (lib/background/injector.ts), so once an opportunity
  // of another org, opened after the home page loaded, shows its badge, the home page's turn is past.
  const later = await serveSalesforce(context, new FakeSalesforceOrg({ instance: 'globex' }));
  await openRecord(context, later, later.org.addOpportunity({ name: 'Opened later' }).id);
  await expect(page.locator('baton-badge, baton-gate, baton-guidance')).toHaveCount(0);
  expect(box.org.requests.filter((r) => r.url.includes('/services/data/'))).toEqual([]);
});

test('arriving at an opportunity by SPA navigation from another Salesforce page brings the gate', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Reached by SPA' });
  const page = await context.newPage();
  await page.goto(`https://${box.org.lightningHost}/lightning/page/home`);
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  await page.evaluate((id) => {
    history.pushState({}, '', `/lightning/r/Opportunity/${id}/view`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, opp.id);
  await expect(badge(page)).toHaveText(/Handoff 0\/3/);
  await closeThroughPath(page, 'Closed Won');
  await expect(gateDialog(page)).toContainText('Reached by SPA');
});
