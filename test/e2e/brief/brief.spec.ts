import type { BrowserContext, Page } from '@playwright/test';
import { test } from '../fixtures';
import { seriousViolations, tabTo } from '../a11y';
import { GOOD_HANDOFF, JUNK_HANDOFF, expect, openRecord, sandbox } from '../salesforce/fixtures';
import { HANDOFF_FIELDS, RATING_FIELD } from '@/test/fixtures/salesforce/org';
import { RICH_HANDOFF } from '@/test/fixtures/handoffs';
import { FakeHubSpotPortal } from '@/test/fixtures/hubspot/portal';
import { serveHubSpot } from '../hubspot/sandbox';
import { connect } from '../hubspot/fixtures';
import { holdRequests } from '../routes';


async function openBrief(context: BrowserContext, extensionUrl: (p: string) => string, dealUrl?: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(extensionUrl(`sidepanel.html${dealUrl ? `?deal=${encodeURIComponent(dealUrl)}` : ''}`));
  return page;
}

test('a complete handoff, in the order a CSM reads it', async ({ context, extensionUrl }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Globex Retail — EMEA support', accountName: 'Globex Retail', amount: 120_000, handoff: RICH_HANDOFF });
  const page = await openBrief(context, extensionUrl, box.recordUrl(opp.id));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Globex Retail — EMEA support');
  await expect(page.getByText('Live from the CRM')).toBeVisible();
  expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
    'Use case', 'Success metric', 'Risk flags', 'Why they bought', 'Promises made', 'Stakeholders', 'Timeline', 'Known gaps', 'What is missing or weak', 'CS acknowledgement',
  ]);
  await expect(page.getByText('Non-negotiables 3/3')).toBeVisible();
  // The metric's parts picked out.
  const metric = page.locator('.metric');
  await expect(metric).toContainText('Baseline9 hours');
  await expect(metric).toContainText('Target2 hours');
  await expect(metric).toContainText('By whenwithin 90 days of go-live');
  // Promises by tier; the unconfirmed ones stand out.
  const rows = page.getByRole('table', { name: 'Promises made, by certainty' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText('Committed');
  await expect(rows.nth(2)).toContainText('Planned');
  await expect(rows.nth(2)).not.toContainText('not a commitment');
  await expect(rows.nth(3)).toContainText('Exploring — not a commitment');
  await expect(rows.nth(4)).toContainText('Unconfirmed verbal — not a commitment');
  await expect(page.locator('.role.key')).toHaveText(['★ champion', '★ economic buyer']);
  await expect(page.getByRole('img', { name: /Go-live 2027-03-01; Day 30: Admins trained; Day 60: All teams live; Day 90/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // Printed, the buttons go and the brief stays.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Copy as Markdown' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Use case' })).toBeVisible();
});

test('a poor handoff and an empty one say what is missing, never a blank', async ({ context, extensionUrl }) => {
  const box = await sandbox(context);
  const poor = box.org.addOpportunity({ name: 'Junk', handoff: { ...GOOD_HANDOFF, ...JUNK_HANDOFF } });
  const empty = box.org.addOpportunity({ name: 'Empty' });
  let page = await openBrief(context, extensionUrl, box.recordUrl(poor.id));
  await expect(page.getByText('Non-negotiables 0/3 · score')).toBeVisible();
  await expect(page.getByRole('region', { name: 'What is missing or weak' })).toContainText('The use case holds only placeholder text');
  page = await openBrief(context, extensionUrl, box.recordUrl(empty.id));
  for (const name of ['Use case', 'Success metric', 'Risk flags']) {
    await expect(page.getByRole('region', { name })).toContainText('Missing — required to close won.');
  }
  await expect(page.getByRole('region', { name: 'Known gaps' })).toContainText('Missing.');
  expect(await seriousViolations(page)).toEqual([]);
});

test('HTML and script in every field render as text, and nothing runs', async ({ context, extensionUrl }) => {
  const box = await sandbox(context);
  const payload = (n: number) => `<img src=x onerror="window.__xss=${n}"><script>window.__xss=${n}</script>[x](javascript:window.__xss=${n})`;
  const handoff = Object.fromEntries(Object.keys(HANDOFF_FIELDS).map((k, i) => [k, payload(i + 1)]));
  const opp = box.org.addOpportunity({ name: '<b onmouseover="window.__xss=99">Bold</b>', handoff });
  const page = await openBrief(context, extensionUrl, box.recordUrl(opp.id));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<b onmouseover="window.__xss=99">Bold</b>');
  await expect(page.getByRole('region', { name: 'Use case' })).toContainText('<img src=x onerror="window.__xss=1">');
  expect(await page.locator('img, script:not([src]), b').count()).toBe(0);
  // The payload's images point at "x". Once the panel has failed to load "x" for an image of our own,
  // made after the brief rendered, any onerror the brief let through would have run.
  await page.evaluate(
    () =>
      new Promise<void>((settled) => {
        const probe = new Image();
        probe.onerror = probe.onload = () => settled();
        probe.src = 'x';
      }),
  );
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('a 100 KB field does not freeze the panel', async ({ context, extensionUrl }) => {
  const box = await sandbox(context);
  const huge = Array.from({ length: 4000 }, (_, i) => `Gap ${i}: reporting export ${i} is not in the standard package.`).join(' ');
  expect(huge.length).toBeGreaterThan(100_000);
  const opp = box.org.addOpportunity({ name: 'Huge', handoff: { ...GOOD_HANDOFF, knownGaps: huge } });
  const page = await openBrief(context, extensionUrl, box.recordUrl(opp.id));
  const gaps = page.getByRole('region', { name: 'Known gaps' });
  await expect(gaps.getByRole('button', { name: /Show all \(\d+k characters\)/ })).toBeVisible();
  await gaps.getByRole('button', { name: /Show all/ }).click();
  await expect(gaps).toContainText('Gap 3999:');
  // Still interactive after rendering it all: the acknowledgement form opens.
  await page.getByRole('button', { name: 'Acknowledge handoff' }).click();
  await expect(page.getByRole('group', { name: 'Promises clarity' })).toBeVisible();
});

test('copy as Markdown puts the brief on the clipboard', async ({ context, extensionUrl }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Copy *me*', handoff: RICH_HANDOFF });
  const page = await openBrief(context, extensionUrl, box.recordUrl(opp.id));
  await expect(page.getByText('Live from the CRM')).toBeVisible();
  // Playwright cannot grant clipboard permissions to a chrome-extension:// origin ("opaque
  // origin"), so record what the panel writes instead of reading the OS clipboard back.
  await page.evaluate(() => {
    const written: string[] = [];
    Object.assign(window, { __written: written });
    navigator.clipboard.writeText = async (text: string) => void written.push(text);
  });
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByText('Copied the brief as Markdown.')).toBeVisible();
  const md = await page.evaluate(() => (window as unknown as { __written: string[] }).__written.join(''));
  expect(md).toMatch(/^# Handoff brief: Copy \\\*me\\\*\n/);
  expect(md).toContain('| Slack alerts for P1 tickets | Unconfirmed verbal ⚠ |');
  expect(md).toContain('## Success metric');
});

test('a refused clipboard write says so instead of claiming success', async ({ context, extensionUrl }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'No clipboard', handoff: RICH_HANDOFF });
  const page = await openBrief(context, extensionUrl, box.recordUrl(opp.id));
  await expect(page.getByText('Live from the CRM')).toBeVisible();
  await page.evaluate(() => {
    navigator.clipboard.writeText = async () => {
      throw new DOMException('Document is not focused.', 'NotAllowedError');
    };
  });
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByRole('status')).toContainText('Could not copy: Document is not focused.');
  await expect(page.getByText('Copied the brief as Markdown.')).toHaveCount(0);
});

test('the CSM acknowledges the handoff: written to the CRM, with the rating field, and shown after', async ({ context, extensionUrl, serviceWorker }) => {
  const box = await sandbox(context, { ratingField: true });
  const { setSettings } = await import('../salesforce/fixtures');
  await setSettings(serviceWorker, (s) => {
    s.fieldMappings.salesforce.csmRating = RATING_FIELD;
  });
  const opp = box.org.addOpportunity({ name: 'Acknowledge me', handoff: RICH_HANDOFF });
  const page = await openBrief(context, extensionUrl, box.recordUrl(opp.id));
  const ack = page.getByRole('region', { name: 'CS acknowledgement' });
  await expect(ack).toContainText('Not acknowledged yet.');
  await ack.getByRole('button', { name: 'Acknowledge handoff' }).click();
  await ack.getByRole('button', { name: 'Record acknowledgement' }).click();
  await expect(ack.getByRole('alert')).toContainText('Score each line');
  for (const [legend, score] of [['Context (why they bought, use case)', '5'], ['Promises clarity', '3'], ['Stakeholder map', '4'], ['Success criteria', '4']]) {
    await ack.getByRole('group', { name: legend }).getByRole('radio', { name: score }).check();
  }
  await ack.getByRole('textbox', { name: 'Comment' }).fill('Clear handoff; the Slack promise needs a product answer.');
  await ack.getByRole('button', { name: 'Record acknowledgement' }).click();
  await expect(ack.getByRole('status')).toContainText('Acknowledged and recorded in the CRM, rating field updated.');
  expect(box.org.tasks).toHaveLength(1);
  expect(box.org.tasks[0]).toMatchObject({ WhatId: opp.id, Subject: 'Baton: handoff acknowledged by CS (4/5)' });
  expect(box.org.tasks[0]?.Description).toContain('Promises clarity: 3/5');
  expect(box.org.tasks[0]?.Description).toContain('Comment: Clear handoff; the Slack promise needs a product answer.');
  expect(box.org.ratings.get(opp.id)).toBe(4);
  await expect(ack).toContainText('Baton: handoff acknowledged by CS (4/5) — Grace Hopper');
});

test('on HubSpot the acknowledgement is a note on the deal, plus the mapped rating property', async ({ context, extensionUrl, serviceWorker }) => {
  const portal = new FakeHubSpotPortal();
  const hs = await serveHubSpot(context, portal);
  const { setSettings } = await import('../salesforce/fixtures');
  await setSettings(serviceWorker, (s) => {
    s.fieldMappings.hubspot.csmRating = 'handoff_csm_rating';
  });
  await connect(context, extensionUrl, portal.token);
  const deal = portal.addDeal({ name: 'HubSpot acknowledgement', handoff: RICH_HANDOFF });
  const page = await openBrief(context, extensionUrl, hs.recordUrl(deal.id));
  const ack = page.getByRole('region', { name: 'CS acknowledgement' });
  await expect(ack).toContainText('Not acknowledged yet.');
  await ack.getByRole('button', { name: 'Acknowledge handoff' }).click();
  for (const legend of ['Context (why they bought, use case)', 'Promises clarity', 'Stakeholder map', 'Success criteria']) {
    await ack.getByRole('group', { name: legend }).getByRole('radio', { name: '2' }).check();
  }
  await ack.getByRole('button', { name: 'Record acknowledgement' }).click();
  await expect(ack.getByRole('status')).toContainText('Acknowledged and recorded in the CRM, rating field updated.');
  expect(portal.notes).toHaveLength(1);
  expect(portal.notes[0]?.dealIds).toEqual([deal.id]);
  expect(portal.notes[0]?.body).toContain('Baton: handoff acknowledged by CS (2/5)');
  expect(portal.deals.get(deal.id)?.properties.handoff_csm_rating).toBe('2');
  await expect(ack).toContainText('Baton: handoff acknowledged by CS (2/5)');
});

test('shows the cached brief at once, follows CRM saves, and works offline from the cache', async ({ context, extensionUrl }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Live deal', amount: 120_000, currency: 'EUR', handoff: GOOD_HANDOFF });
  let page = await openBrief(context, extensionUrl, box.recordUrl(opp.id));
  await expect(page.getByText('Live from the CRM')).toBeVisible();
  const amount = (p: Page) => p.locator('.facts div').filter({ hasText: 'Amount' }).locator('dd');
  await expect(amount(page)).toHaveText('EUR 120,000');
  box.org.editElsewhere(opp.id, { [HANDOFF_FIELDS.useCase]: 'Edited in Salesforce a moment ago by the AE' });
  // The panel re-reads every 5 s (REFRESH_MS in components/brief/BriefApp.tsx), then the read itself.
  await expect(page.getByRole('region', { name: 'Use case' })).toContainText('Edited in Salesforce a moment ago by the AE', { timeout: 20_000 });
  await page.close();
  // Reopened on a slow CRM: the saved brief shows first, marked with its age, then the live one.
  const slowCrm = await holdRequests(context, (url) => url.host === box.org.apiHost);
  page = await openBrief(context, extensionUrl, box.recordUrl(opp.id));
  await expect(page.getByText('Saved by Baton, as of')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Use case' })).toContainText('Edited in Salesforce a moment ago by the AE');
  slowCrm.release();
  await expect(page.getByText('Live from the CRM')).toBeVisible();
  await page.close();
  box.org.failNext({ path: /^ui-api\/records\//, status: 503, times: 20 });
  page = await openBrief(context, extensionUrl, box.recordUrl(opp.id));
  await expect(page.getByText('Saved by Baton, as of')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Offline or unreachable: showing what Baton saved');
  await expect(page.getByRole('region', { name: 'Use case' })).toContainText('Edited in Salesforce a moment ago by the AE');
  // The saved header is the live one: the amount keeps its currency.
  await expect(amount(page)).toHaveText('EUR 120,000');
});

test('follows the active tab, from a Salesforce deal to a HubSpot deal; elsewhere it says so and lists recent deals', async ({ context, extensionUrl }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Salesforce side', handoff: GOOD_HANDOFF });
  const portal = new FakeHubSpotPortal();
  const hs = await serveHubSpot(context, portal);
  const deal = portal.addDeal({ name: 'HubSpot side', handoff: GOOD_HANDOFF });
  await connect(context, extensionUrl, portal.token);
  const panel = await openBrief(context, extensionUrl);
  await expect(panel.getByText('Open a Salesforce opportunity or a HubSpot deal')).toBeVisible();
  const sf = await openRecord(context, box, opp.id);
  await sf.bringToFront();
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Salesforce side');
  // Lightning moves between records without a page load; the panel follows the URL.
  const next = box.org.addOpportunity({ name: 'Reached by SPA', handoff: GOOD_HANDOFF });
  await sf.evaluate((id) => {
    history.pushState({}, '', `/lightning/r/Opportunity/${id}/view`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, next.id);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Reached by SPA');
  const hubspot = await context.newPage();
  await hubspot.goto(hs.recordUrl(deal.id));
  await hubspot.bringToFront();
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('HubSpot side');
  const other = await context.newPage();
  await other.goto(`https://${box.org.lightningHost}/lightning/page/home`);
  await other.bringToFront();
  await expect(panel.getByText('This page is not a Salesforce opportunity or a HubSpot deal.')).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Recently viewed deals' }).getByRole('link')).toHaveText(['HubSpot side', 'Reached by SPA', 'Salesforce side']);
});

/**
 * Makes the page note, in window.__snapshotAnswers, the record id of each "deal/snapshot" answer it
 * receives, before Baton's code sees the answer. Baton's messaging client sends through
 * chrome.runtime.sendMessage (lib/messaging/client.ts; webextension-polyfill, when it wraps it,
 * passes a callback, else a promise comes back); this wraps it before the page's scripts run.
 */
async function recordSnapshotAnswers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const answers: string[] = [];
    Object.assign(window, { __snapshotAnswers: answers });
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(...args: unknown[]): unknown } } }).chrome.runtime;
    const send = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (...args: unknown[]) => {
      const message = args.find((a): a is { type: string; payload: { deal?: { recordId: string } } } => typeof a === 'object' && a !== null && 'type' in a);
      const note = () => {
        if (message?.type === 'deal/snapshot' && message.payload.deal) answers.push(message.payload.deal.recordId);
      };
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        return send(...args.slice(0, -1), (answer: unknown) => {
          note();
          callback(answer);
        });
      }
      return (send(...args) as Promise<unknown>).finally(note);
    };
  });
}

test('a slow answer about the deal the panel left does not replace the deal it shows now', async ({ context, extensionUrl }) => {
  const box = await sandbox(context);
  const slow = box.org.addOpportunity({ name: 'Slow to answer', handoff: GOOD_HANDOFF });
  const quick = box.org.addOpportunity({ name: 'Quick to answer', handoff: GOOD_HANDOFF });
  const panel = await context.newPage();
  await recordSnapshotAnswers(panel);
  await panel.goto(extensionUrl('sidepanel.html'));
  // The CRM answers about the slow deal when the test says so (a fixed delay can be shorter than
  // this test's own steps on a busy machine, and then the answer is no longer late).
  const slowAnswer = await holdRequests(context, (url) => url.host === box.org.apiHost && url.pathname.endsWith(`/ui-api/records/${slow.id}`));
  const first = await context.newPage();
  await first.goto(box.recordUrl(slow.id), { waitUntil: 'commit' });
  await first.bringToFront();
  await expect(panel.getByText('Reading the deal…')).toBeVisible();
  // Both the gate in that tab and the panel have asked for the slow deal: the panel's read is in flight.
  await expect.poll(() => slowAnswer.held.length).toBeGreaterThanOrEqual(2);
  const second = await context.newPage();
  await second.goto(box.recordUrl(quick.id), { waitUntil: 'commit' });
  await second.bringToFront();
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Quick to answer');
  // Every heading the panel shows from now on, until the slow answer has arrived.
  await panel.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { __headings: seen });
    new MutationObserver(() => seen.push(document.querySelector('h1')?.textContent ?? '')).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  slowAnswer.release();
  // Until the slow answer has reached the panel, and the panel has had a turn to act on it.
  await expect.poll(() => panel.evaluate(() => (window as unknown as { __snapshotAnswers: string[] }).__snapshotAnswers)).toContain(slow.id);
  await panel.evaluate(() => new Promise((turn) => setTimeout(turn, 0)));
  const seen = await panel.evaluate(() => (window as unknown as { __headings: string[] }).__headings);
  expect(seen.filter((h) => h !== 'Quick to answer')).toEqual([]);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Quick to answer');
});

test('the CSM acknowledges with the keyboard alone', async ({ context, extensionUrl }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Keyboard acknowledgement', handoff: RICH_HANDOFF });
  const page = await openBrief(context, extensionUrl, box.recordUrl(opp.id));
  const ack = page.getByRole('region', { name: 'CS acknowledgement' });
  await expect(ack).toContainText('Not acknowledged yet.');
  await tabTo(page, 'Acknowledge handoff');
  await page.keyboard.press('Enter');
  // Each rubric line is a radio group: Tab enters it, arrow keys pick the score.
  for (const legend of ['Context (why they bought, use case)', 'Promises clarity', 'Stakeholder map', 'Success criteria']) {
    const group = ack.getByRole('group', { name: legend });
    await tabTo(page, '1');
    await expect(group.getByRole('radio', { name: '1' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(group.getByRole('radio', { name: '4' })).toBeChecked();
  }
  await tabTo(page, 'Record acknowledgement');
  await page.keyboard.press('Enter');
  await expect(ack.getByRole('status')).toContainText('Acknowledged and recorded in the CRM');
  expect(box.org.tasks[0]).toMatchObject({ WhatId: opp.id, Subject: 'Baton: handoff acknowledged by CS (4/5)' });
});
