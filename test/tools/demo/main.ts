/**
 * Baton's demo against the sandbox CRMs: a fake Salesforce org and a fake HubSpot portal served
 * at their real URLs (pages and APIs), seeded by ./seed.ts, and Chromium with the built extension.
 * With a display: real windows to click through. Without one (or BATON_DEMO_HEADLESS=1): the main
 * story walked headlessly, a screenshot of each step under artifacts/demo/, paths printed.
 * BATON_DEMO_DOCS=1 also copies the screenshots into docs/ for the README.
 */
import { chromium, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/fixtures';
import { isolate, serveSalesforce } from '../../e2e/salesforce/sandbox';
import { badge, gateDialog, saveClosedStage, selectClosedChevron } from '../../e2e/salesforce/fixtures';
import { serveHubSpot } from '../../e2e/hubspot/sandbox';
import { connect, pickStage } from '../../e2e/hubspot/fixtures';
import { seedHubSpot, seedSalesforce } from './seed';

const SHOTS = path.resolve('artifacts/demo');
const DOCS = path.resolve('docs');
const headless = !process.env.DISPLAY || process.env.BATON_DEMO_HEADLESS === '1';
const today = new Date().toISOString().slice(0, 10);

async function main() {
  const started = Date.now();
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'baton-demo-')), {
    executablePath: CHROMIUM,
    headless,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  await isolate(context);
  const sf = seedSalesforce(today);
  const hs = seedHubSpot(today);
  const sfBox = await serveSalesforce(context, sf.org, { relatedIds: Object.values(sf.deals).map((d) => d.id) });
  const hsBox = await serveHubSpot(context, hs.portal);
  await connect(context, (page) => `${extensionOrigin}/${page}`, hs.portal.token);

  if (!headless) {
    const hubspot = await context.newPage();
    await hubspot.goto(hsBox.recordUrl(hs.deals.empty.id));
    const page = await context.newPage();
    await page.goto(sfBox.recordUrl(sf.deals.empty.id));
    console.log('Baton is loaded in the Chromium window: a sandbox Salesforce opportunity, and a HubSpot deal in the other tab.');
    console.log('Salesforce: Closed chevron → Select Closed Stage → Closed Won → Save. HubSpot: Deal stage → Closed Won.');
    console.log(`Manager console: ${extensionOrigin}/console.html (or the toolbar button's menu). Close the window to end the demo.`);
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    return;
  }

  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  const saved: string[] = [];
  const shot = async (p: Page, name: string, fullPage = false) => {
    const file = path.join(SHOTS, `${String(saved.length + 1).padStart(2, '0')}-${name}.png`);
    await p.screenshot({ path: file, fullPage });
    saved.push(file);
  };

  // The AE on Salesforce: an opportunity with an empty handoff.
  const page = await context.newPage();
  await page.goto(sfBox.recordUrl(sf.deals.empty.id));
  await badge(page).filter({ hasText: /\d\/3/ }).waitFor();
  await shot(page, 'salesforce-opportunity-with-readiness-badge');
  await selectClosedChevron(page);
  await page.getByRole('region', { name: 'Baton: closed-won handoff' }).waitFor();
  await shot(page, 'salesforce-closed-won-guidance');
  await saveClosedStage(page, 'Closed Won');
  const dialog = gateDialog(page);
  await dialog.waitFor();
  await shot(page, 'salesforce-gate-stops-closed-won');
  await dialog.getByRole('textbox', { name: 'Use case' }).fill('Unify scheduling for 140 nurses across 6 clinics, replacing paper rosters and a shared spreadsheet.');
  await dialog.getByRole('textbox', { name: 'Success metric' }).fill('Cut open shifts from 40 to under 10 a month within 90 days of go-live.');
  await dialog.getByRole('textbox', { name: 'Risk flags' }).fill('[medium] Union review of the new rota rules is pending');
  await shot(page, 'salesforce-handoff-filled-in-place');
  await dialog.getByRole('button', { name: 'Save and close won' }).click();
  await page.getByText('Stage changed successfully.').waitFor();
  await shot(page, 'salesforce-closed-won-after-save');

  const junk = await context.newPage();
  await junk.goto(sfBox.recordUrl(sf.deals.junk.id));
  await badge(junk).filter({ hasText: /\d\/3/ }).click();
  await junk.getByRole('region', { name: 'Handoff details' }).waitFor();
  await shot(junk, 'salesforce-junk-handoff-findings');

  // The same gate on HubSpot: the deal stage dropdown on a deal record.
  const hubspot = await context.newPage();
  await hubspot.goto(hsBox.recordUrl(hs.deals.empty.id));
  await badge(hubspot).filter({ hasText: /\d\/3/ }).waitFor();
  await pickStage(hubspot, 'closedwon');
  await gateDialog(hubspot).waitFor();
  await shot(hubspot, 'hubspot-gate-stops-closed-won');

  // The CSM: the brief of the deal just closed, at side-panel width.
  const brief = await context.newPage();
  await brief.setViewportSize({ width: 420, height: 900 });
  await brief.goto(`${extensionOrigin}/sidepanel.html?deal=${encodeURIComponent(sfBox.recordUrl(sf.deals.empty.id))}`);
  await brief.getByText('Live from the CRM').waitFor();
  await shot(brief, 'cs-brief-side-panel', true);

  // The manager: the console over both CRMs, a spot-check review of that deal, the team view.
  const console_ = await context.newPage();
  await console_.setViewportSize({ width: 1400, height: 900 });
  await console_.goto(`${extensionOrigin}/console.html`);
  await console_.getByRole('button', { name: 'Reload from the CRMs' }).waitFor();
  await console_.getByText(/Salesforce acme: \d+ deals/).waitFor();
  await console_.getByText(/HubSpot [^:]*: \d+ deals/).waitFor();
  await shot(console_, 'manager-console');
  await console_.getByRole('searchbox', { name: 'Search' }).fill(sf.deals.empty.name);
  await console_.getByRole('tab', { name: 'Spot-check' }).click();
  await console_.getByLabel('Sample size').fill('1');
  await console_.getByRole('button', { name: 'Sample 1 for review' }).click();
  const form = console_.getByRole('form', { name: `Review of ${sf.deals.empty.name}` });
  for (const [criterion, score] of [['Use case is specific', '4'], ['Success metric is measurable', '5'], ['Risks are honest', '3'], ['Promises are clear', '2']]) {
    await form.getByRole('group', { name: criterion }).getByRole('radio', { name: score }).check();
  }
  await form.getByRole('group', { name: 'Verdict' }).getByRole('radio', { name: 'Pass' }).check();
  await form.getByRole('textbox', { name: 'Comment' }).fill('Solid metric. No promises recorded: ask the AE whether any were made.');
  await form.getByRole('button', { name: 'Save review' }).click();
  const savedStatus = console_.getByRole('status').filter({ hasText: `Review of ${sf.deals.empty.name} saved to` });
  await savedStatus.waitFor();
  await savedStatus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(console_, 'manager-console-review-saved');
  await console_.getByRole('searchbox', { name: 'Search' }).fill('');
  await console_.getByRole('tab', { name: 'Team' }).click();
  await console_.locator('.recharts-surface').first().waitFor();
  await shot(console_, 'manager-console-team');

  // The administrator: the server-side rules generated from the settings.
  const options = await context.newPage();
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.goto(`${extensionOrigin}/options.html`);
  await options.getByRole('heading', { name: 'Enforce on the CRM server' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(options, 'options-server-side-rules');

  await context.close();
  const won = sf.org.opportunities.get(sf.deals.empty.id);
  const reviews = sf.org.tasks.filter((t) => t.WhatId === sf.deals.empty.id && t.Subject.startsWith('Baton: handoff review')).length;
  console.log(`Demo walk-through done in ${((Date.now() - started) / 1000).toFixed(1)} s. "${sf.deals.empty.name}" is now ${won?.stage}, with ${reviews} review in the org. Saved:`);
  for (const file of saved) console.log(`  ${file}`);
  if (process.env.BATON_DEMO_DOCS === '1') {
    mkdirSync(DOCS, { recursive: true });
    for (const file of saved) copyFileSync(file, path.join(DOCS, path.basename(file)));
    console.log(`Copied ${saved.length} screenshots into ${DOCS}.`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
