/**
 * Baton's demo against the sandbox Salesforce: a fake org with realistic deals (a good handoff,
 * a junk one, an empty one), served at its real Lightning URLs, and Chromium with the built
 * extension. With a display: a real window you can click through (close a deal won from the
 * Path and see the gate). Without one: a headless walk-through of the main story that saves a
 * screenshot of each step under artifacts/demo/ and prints the paths.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/fixtures';
import { isolate, serveSalesforce } from '../e2e/salesforce/sandbox';
import { seedOrg } from '../fixtures/team';
import { FakeSalesforceOrg } from '../fixtures/salesforce/org';

const SHOTS = path.resolve('artifacts/demo');
const headless = !process.env.DISPLAY || process.env.BATON_DEMO_HEADLESS === '1';

function seed(org: FakeSalesforceOrg) {
  const empty = org.addOpportunity({ name: 'Northwind Health — platform rollout', accountName: 'Northwind Health', amount: 84_000 });
  const good = org.addOpportunity({
    name: 'Globex Retail — EMEA support',
    accountName: 'Globex Retail',
    amount: 120_000,
    handoff: {
      useCase: 'Route all inbound support email and chat for 300 agents in EMEA through one shared queue, replacing Zendesk.',
      successMetric: 'Cut median first response time from 9 hours to 2 hours within 90 days of go-live.',
      riskFlags: '[high] Champion Maria Lopez may move to another team in Q2\n[medium] Legal has not reviewed the DPA yet',
      whyBought: 'Their ticket backlog doubled after the merger and the old tool cannot route by region or language.',
      promises: '[committed] SSO with Okta live before go-live | owner: Dana Lee | due: 2027-02-01 | sign-off: VP CS\n[verbal] Slack alerts for P1 tickets | promised by: Sam Rep',
      stakeholders: 'Maria Lopez | champion | maria@globex.example\nTom Berg | economic buyer | tom@globex.example\nAli Khan | technical owner',
      timeline: 'Go-live: 2027-03-01\n30 days: Admins trained\n90 days: First health check',
      knownGaps: 'No native Jira Server integration; the customer accepted the cloud connector for now.',
    },
  });
  const junk = org.addOpportunity({
    name: 'Initech Insurance — claims',
    accountName: 'Initech Insurance',
    amount: 56_000,
    handoff: { useCase: 'TBD', successMetric: 'n/a', riskFlags: 'none', whyBought: 'asdf', promises: 'we can definitely work with you on that' },
  });
  return { empty, good, junk };
}

async function main() {
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'baton-demo-')), {
    executablePath: CHROMIUM,
    headless,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  await isolate(context);
  const org = new FakeSalesforceOrg();
  const deals = seed(org);
  // The rest of the team's quarter, for the manager console.
  seedOrg(org, { count: 120, today: new Date().toISOString().slice(0, 10) });
  const box = await serveSalesforce(context, org, { relatedIds: [deals.empty.id, deals.good.id, deals.junk.id] });
  const page = await context.newPage();
  await page.goto(box.recordUrl(deals.empty.id));

  if (!headless) {
    console.log('Baton is loaded in the Chromium window, on a sandbox Salesforce opportunity.');
    console.log('Try: Closed chevron → Select Closed Stage → Closed Won → Save. Close the window to end the demo.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    return;
  }

  mkdirSync(SHOTS, { recursive: true });
  const saved: string[] = [];
  const shot = async (p: Page, name: string) => {
    const file = path.join(SHOTS, `${name}.png`);
    await p.screenshot({ path: file });
    saved.push(file);
  };
  const badge = page.getByRole('button', { name: /^Handoff/ });
  await badge.filter({ hasText: /\d\/3/ }).waitFor();
  await shot(page, '01-opportunity-with-readiness-badge');

  await page.locator('.active li[data-name="Closed"] a').click();
  await page.getByRole('region', { name: 'Baton: closed-won handoff' }).waitFor();
  await shot(page, '02-closed-won-guidance');

  await page.getByRole('button', { name: 'Select Closed Stage' }).click();
  const modal = page.locator('section[role="dialog"]').filter({ has: page.locator('select.stepAction') });
  await modal.locator('select').selectOption({ label: 'Closed Won' });
  await modal.getByRole('button', { name: 'Save' }).click();
  const dialog = page.getByRole('dialog', { name: /handoff/i });
  await dialog.waitFor();
  await shot(page, '03-gate-stops-closed-won');

  await dialog.getByRole('textbox', { name: 'Use case' }).fill('Unify scheduling for 140 nurses across 6 clinics, replacing paper rosters and a shared spreadsheet.');
  await dialog.getByRole('textbox', { name: 'Success metric' }).fill('Cut open shifts from 40 to under 10 a month within 90 days of go-live.');
  await dialog.getByRole('textbox', { name: 'Risk flags' }).fill('[medium] Union review of the new rota rules is pending');
  await shot(page, '04-handoff-filled-in-place');
  await dialog.getByRole('button', { name: 'Save and close won' }).click();
  await page.getByText('Stage changed successfully.').waitFor();
  await shot(page, '05-closed-won-after-save');

  const other = await context.newPage();
  await other.goto(box.recordUrl(deals.junk.id));
  await other.getByRole('button', { name: /^Handoff/ }).filter({ hasText: /\d\/3/ }).click();
  await other.getByRole('region', { name: 'Handoff details' }).waitFor();
  await shot(other, '06-junk-handoff-findings');

  // The CSM's side: the brief of the won-ready deal, as the side panel shows it (side-panel width).
  const brief = await context.newPage();
  await brief.setViewportSize({ width: 420, height: 900 });
  await brief.goto(`${extensionOrigin}/sidepanel.html?deal=${encodeURIComponent(box.recordUrl(deals.good.id))}`);
  await brief.getByText('Live from the CRM').waitFor();
  const file = path.join(SHOTS, '07-cs-brief-side-panel.png');
  await brief.screenshot({ path: file, fullPage: true });
  saved.push(file);

  // The manager's side: the console over the team's deals, then the team view.
  const console_ = await context.newPage();
  await console_.setViewportSize({ width: 1400, height: 900 });
  await console_.goto(`${extensionOrigin}/console.html`);
  await console_.getByText(/Salesforce acme: \d+ deals/).waitFor();
  await shot(console_, '08-manager-console');
  await console_.getByRole('tab', { name: 'Team' }).click();
  await console_.locator('.recharts-surface').first().waitFor();
  await shot(console_, '09-manager-console-team');

  await context.close();
  console.log(`Demo walk-through saved (the fake org now has "${deals.empty.name}" in ${org.opportunities.get(deals.empty.id)?.stage}):`);
  for (const file of saved) console.log(`  ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
