import { seriousViolations } from '../a11y';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { test } from '../fixtures';
import { caption, expect, openConsole, teamSandbox, TODAY } from './fixtures';
import { kindOf } from '@/test/fixtures/team';
import { ACTIVITY_SUBJECTS } from '@/lib/domain/activity';
import { GRACE } from '@/test/fixtures/salesforce/org';

// Each test loads a team's 400 deals from both sandbox CRMs into a fresh console first: up to
// 18 s a test beside two CPU hogs on two cores.
test.slow();

test('lists the team’s won and late-stage deals from both CRMs; filters, search and sort work on all of them', async ({ context, extensionUrl }) => {
  await teamSandbox(context, extensionUrl);
  const page = await openConsole(context, extensionUrl);
  await expect(page.getByText('Salesforce acme: 240 deals')).toBeVisible();
  await expect(page.getByText('HubSpot 12345: 160 deals')).toBeVisible();
  await expect(caption(page)).toHaveText('400 of 400 deals');
  // Virtualized: far fewer rows in the DOM than deals.
  expect(await page.locator('.table-scroll tbody tr[aria-rowindex]').count()).toBeLessThan(100);

  await page.getByLabel('Owner').selectOption('Ada Lovelace');
  await expect(caption(page)).toHaveText('60 of 400 deals');
  await page.getByLabel('Owner').selectOption('');
  await page.getByLabel('CRM').selectOption('hubspot');
  await expect(caption(page)).toHaveText('160 of 400 deals');
  await page.getByLabel('Has an override').check();
  await expect(caption(page)).toHaveText('20 of 400 deals');
  await page.getByLabel('CRM').selectOption('');
  await expect(caption(page)).toHaveText('50 of 400 deals');
  await page.getByLabel('Has an override').uncheck();
  await page.getByLabel('Status').selectOption('open');
  await expect(caption(page)).toHaveText('80 of 400 deals');
  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Score from').fill('90');
  const good = Number(/^(\d+) of/.exec((await caption(page).textContent()) ?? '')?.[1]);
  expect(good).toBeGreaterThan(0);
  expect(good).toBeLessThan(400);
  await page.getByLabel('Score from').fill('0');
  await page.getByRole('searchbox', { name: 'Search' }).fill('PILOT 155 contract');
  await expect(caption(page)).toHaveText('1 of 400 deals');
  await expect(page.getByRole('rowheader')).toHaveText(['HubSpot pilot 155 Brief']);
  await page.getByRole('searchbox', { name: 'Search' }).fill('');

  await page.getByRole('button', { name: 'Deal', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Deal' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('rowheader').first()).toContainText('Acme');
  await page.getByRole('button', { name: 'Deal', exact: true }).click();
  await expect(page.getByRole('rowheader').first()).toContainText('Umbrella');
  // Scrolling to the end shows the last rows (the virtual list renders them on the way).
  await page.locator('.table-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator('.table-scroll tbody tr[aria-rowindex="401"]')).toBeVisible();
});

test('one CRM failing shows on its own line and the other’s deals stay; the view is marked partial', async ({ context, extensionUrl }) => {
  const { org } = await teamSandbox(context, extensionUrl);
  org.sessionValid = false;
  const page = await openConsole(context, extensionUrl);
  await expect(page.getByText(/Salesforce acme: Your Salesforce session has expired/)).toBeVisible();
  await expect(page.getByText('HubSpot 12345: 160 deals')).toBeVisible();
  await expect(caption(page)).toHaveText('160 of 160 deals (partial: see the sources above)');
  org.sessionValid = true;
  await page.getByRole('button', { name: 'Reload from the CRMs' }).click();
  await expect(caption(page)).toHaveText('400 of 400 deals');
});

test('a spot-check sample is reproducible from its seed, and a review is written to the CRM and survives a reload', async ({ context, extensionUrl }) => {
  const { org, portal } = await teamSandbox(context, extensionUrl);
  const page = await openConsole(context, extensionUrl);
  await expect(caption(page)).toHaveText('400 of 400 deals');
  await page.getByRole('tab', { name: 'Spot-check' }).click();
  await page.getByLabel('Sample size').fill('6');
  await page.getByLabel('Seed (empty: a new one)').fill('12345');
  await page.getByRole('button', { name: 'Sample 6 for review' }).click();
  const sampled = page.getByRole('list', { name: 'Sampled deals' }).getByRole('listitem');
  await expect(sampled).toHaveCount(6);
  const first = await sampled.allTextContents();
  await page.getByRole('button', { name: 'End this spot-check' }).click();
  await page.getByRole('button', { name: 'Sample 6 for review' }).click();
  expect(await sampled.allTextContents()).toEqual(first);
  await expect(page.getByText('Reviewed 0 of 6 · seed 12345')).toBeVisible();

  const form = page.getByRole('form', { name: /^Review of / });
  const dealName = ((await form.getAttribute('aria-label')) ?? '').replace('Review of ', '');
  await form.getByRole('button', { name: 'Save review' }).click();
  await expect(form.getByRole('alert')).toHaveText('Score all four criteria and choose a verdict before saving.');
  for (const criterion of ['Use case is specific', 'Success metric is measurable', 'Risks are honest', 'Promises are clear']) {
    await form.getByRole('group', { name: criterion }).getByRole('radio', { name: '2' }).check();
  }
  await form.getByRole('group', { name: 'Verdict' }).getByRole('radio', { name: 'Needs work' }).check();
  await form.getByRole('textbox', { name: 'Comment' }).fill('Risks say "none"; ask the AE.');
  // What the reviewer typed survives a reload before saving.
  await page.reload();
  await page.getByRole('tab', { name: 'Spot-check' }).click();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('Risks say "none"; ask the AE.');
  await page.getByRole('button', { name: 'Save review' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Review of ${dealName} saved to` })).toBeVisible();
  await expect(page.getByText('Reviewed 1 of 6 · seed 12345')).toBeVisible();
  const reviews = [...org.tasks.map((t) => `${t.Subject}\n${t.Description}`), ...portal.notes.map((n) => n.body)].filter((t) => t.includes('Baton: handoff review'));
  expect(reviews).toHaveLength(1);
  expect(reviews[0]).toContain('Needs work (2/5)');
  expect(reviews[0]).toContain('ask the AE');
  await page.reload();
  await page.getByRole('tab', { name: 'Spot-check' }).click();
  await expect(page.getByText('Reviewed 1 of 6 · seed 12345')).toBeVisible();
});

test('CSV of the current view: every row, quoted, formulas neutralised', async ({ context, extensionUrl }) => {
  const { org } = await teamSandbox(context, extensionUrl, { salesforce: 40, hubspot: 0 });
  org.addOpportunity({ name: '=HYPERLINK("http://evil.invalid","click")', stage: 'Closed Won', closeDate: TODAY, ownerName: 'Mallory, "the" AE' });
  const page = await openConsole(context, extensionUrl);
  await expect(caption(page)).toHaveText('41 of 41 deals');
  await page.getByLabel('Has an override').check();
  const overridden = Array.from({ length: 40 }, (_, i) => kindOf(i)).filter((k) => k === 'overridden').length;
  await expect(caption(page)).toHaveText(`${overridden} of 41 deals`);
  await page.getByLabel('Has an override').uncheck();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV of this view' }).click()]);
  const bytes = readFileSync((await download.path()) ?? '');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(42);
  expect(lines[0]).toMatch(/^Deal,CRM,Owner,/);
  const evil = lines.find((l) => l.includes('HYPERLINK'));
  expect(evil?.startsWith(`"'=HYPERLINK(""http://evil.invalid"",""click"")"`)).toBe(true);
  expect(evil).toContain('"Mallory, ""the"" AE"');
});

test('records say who wrote them: a forged acknowledgement by the deal owner is marked and not counted, a deleted override shows as deleted', async ({ context, extensionUrl }) => {
  const { org } = await teamSandbox(context, extensionUrl, { salesforce: 8, hubspot: 0 });
  const opp = org.addOpportunity({ name: 'Forged handoff', stage: 'Closed Won', closeDate: TODAY, ownerName: GRACE.name, handoff: { useCase: 'TBD' } });
  // The rep types Baton's subject into a Task of her own, and deletes the Task Baton wrote for her override.
  org.addTask(opp.id, `${ACTIVITY_SUBJECTS.acknowledgement} (5/5)`, 'Rating: 5/5', `${TODAY}T09:00:00.000Z`, GRACE.name);
  const override = org.addTask(opp.id, `${ACTIVITY_SUBJECTS.override} (closed won anyway)`, 'Reason given: quarter end', `${TODAY}T08:00:00.000Z`, GRACE.name);
  org.deleteTask(override.id, GRACE.id);

  const page = await openConsole(context, extensionUrl);
  await expect(caption(page)).toHaveText('9 of 9 deals');
  await page.getByRole('searchbox', { name: 'Search' }).fill('Forged');
  await expect(caption(page)).toHaveText('1 of 9 deals');
  const row = page.getByRole('row', { name: /Forged handoff/ });
  await expect(row.getByRole('cell', { name: 'No (1 not counted)' })).toBeVisible();
  await expect(row.getByRole('cell', { name: '1 (1 deleted)' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByLabel('Not acknowledged by CS').check();
  await page.getByRole('searchbox', { name: 'Search' }).fill('Forged');
  await expect(caption(page)).toHaveText('1 of 9 deals');

  await row.getByRole('button', { name: 'Records of Forged handoff' }).click();
  const dialog = page.getByRole('dialog', { name: 'Baton’s records on Forged handoff' });
  const items = dialog.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'CS acknowledgement' })).toContainText(`by ${GRACE.name} (${GRACE.email})`);
  await expect(items.filter({ hasText: 'CS acknowledgement' })).toContainText('written by the deal owner — not counted');
  await expect(items.filter({ hasText: 'Override' })).toContainText(`deleted by ${GRACE.name}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

// The views' scans and keyboard walks are separate tests, each on its own 400-deal console: three
// axe scans in one test took 30 s and more on a busy two-core machine.
test('the deals view passes an accessibility scan', async ({ context, extensionUrl }) => {
  await teamSandbox(context, extensionUrl);
  const page = await openConsole(context, extensionUrl);
  await expect(caption(page)).toHaveText('400 of 400 deals');
  expect(await seriousViolations(page)).toEqual([]);
});

/** The seeded console, then from the Deals tab to each of `tabs` in turn with the arrow key alone. */
async function consoleAtTabByKeyboard(context: BrowserContext, extensionUrl: (page: string) => string, tabs: string[]): Promise<Page> {
  await teamSandbox(context, extensionUrl);
  const page = await openConsole(context, extensionUrl);
  await expect(caption(page)).toHaveText('400 of 400 deals');
  await page.getByRole('tab', { name: 'Deals' }).focus();
  for (const name of tabs) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }
  return page;
}

test('the team view and its charts, reached by keyboard, pass an accessibility scan', async ({ context, extensionUrl }) => {
  const page = await consoleAtTabByKeyboard(context, extensionUrl, ['Team']);
  const team = page.getByRole('table', { name: /Per AE/ });
  await expect(team.getByRole('rowheader')).toHaveText(['Ada Lovelace', 'Alan Turing', 'Edsger Dijkstra', 'Grace Hopper', 'Lin Chen', 'Sam Rep']);
  await expect(team.getByRole('row', { name: /Grace Hopper/ })).toContainText('60');
  await expect(page.getByText('Score distribution')).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the spot-check view, reached by keyboard, passes an accessibility scan with a sample drawn', async ({ context, extensionUrl }) => {
  const page = await consoleAtTabByKeyboard(context, extensionUrl, ['Team', 'Spot-check']);
  await page.getByRole('button', { name: /^Sample \d+ for review$/ }).click();
  expect(await seriousViolations(page)).toEqual([]);
});
