/**
 * The gate holds for as long as the page is open, from its first input on:
 *  - nothing the page does switches it off: WXT's "content script started" event (whose name WXT
 *    used to post to the page), any message the page saw from the extension, replayed;
 *  - a move made while the page is still loading (a script at the end of the body still on its
 *    way, so the load never completes) is held and judged, not missed;
 *  - it takes itself out only when its extension context is gone.
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { withLateScript } from './routes';
import { badge, closeThroughPath, gateDialog, openRecord, sandbox } from './salesforce/fixtures';
import { card, column, connect, hubspotSandbox, openDeal, pickStage } from './hubspot/fixtures';
import { recordPage } from '@/test/fixtures/salesforce/page';
import { hubspotBoardPage } from '@/test/fixtures/hubspot/page';
import { DYNAMIC_CONTENT_SCRIPTS } from '@/lib/background/gateScripts';

/** Records, in the page's own world, every window message it receives (what a page can learn from an extension). */
async function recordWindowMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { seenMessages: unknown[] }).seenMessages = seen;
    window.addEventListener('message', (event) => {
      try {
        seen.push(JSON.parse(JSON.stringify(event.data)));
      } catch {
        seen.push(String(event.data));
      }
    }, true);
  });
}

/**
 * Everything a hostile page can try with what it could have seen: each recorded message posted
 * again, and WXT's script-started event dispatched under every name it could know (from the
 * messages, and built from the extension's id, which is public, and each gate's entrypoint name).
 */
async function tryToSwitchBatonOff(page: Page, extensionId: string): Promise<unknown[]> {
  return page.evaluate((id) => {
    const seen = (window as unknown as { seenMessages: unknown[] }).seenMessages;
    const names = new Set<string>();
    for (const entry of ['salesforce-gate', 'hubspot-gate']) names.add(`${id}:${entry}:wxt:content-script-started`);
    for (const m of seen) {
      window.postMessage(m, '*');
      if (m && typeof m === 'object' && typeof (m as { type?: unknown }).type === 'string') names.add((m as { type: string }).type);
    }
    for (const name of names) {
      for (const contentScriptName of ['salesforce-gate', 'hubspot-gate']) {
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName, messageId: 'from-the-page' } }));
        window.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName, messageId: 'from-the-page' } }));
      }
    }
    return seen;
  }, extensionId);
}

test.describe('the page cannot switch the gate off', () => {
  test('Salesforce: after WXT’s script-started event and every message replayed, a move to won is still held', async ({ context, extensionId }) => {
    const box = await sandbox(context);
    const opp = box.org.addOpportunity({ name: 'Hostile page' });
    const page = await context.newPage();
    await recordWindowMessages(page);
    await page.goto(box.recordUrl(opp.id));
    await expect(badge(page)).toHaveText(/Handoff 0\/3/);
    const seen = await tryToSwitchBatonOff(page, extensionId);
    // Baton announced nothing to the page.
    expect(JSON.stringify(seen)).not.toContain('content-script-started');
    await expect(badge(page)).toBeVisible();
    await closeThroughPath(page, 'Closed Won');
    await expect(gateDialog(page)).toContainText('Hostile page');
    expect(box.org.pageSaves).toEqual([]);
    expect(opp.stage).toBe('Negotiation/Review');
  });

  test('HubSpot: after WXT’s script-started event and every message replayed, a move to won is still held', async ({ context, extensionId, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Hostile portal' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await recordWindowMessages(page);
    await page.goto(box.recordUrl(deal.id));
    await expect(badge(page)).toHaveText(/Handoff 0\/3/);
    const seen = await tryToSwitchBatonOff(page, extensionId);
    expect(JSON.stringify(seen)).not.toContain('content-script-started');
    await expect(badge(page)).toBeVisible();
    await pickStage(page, 'closedwon');
    await expect(gateDialog(page)).toContainText('Hostile portal');
    expect(box.portal.pageSaves).toEqual([]);
    expect(deal.properties.dealstage).toBe('contractsent');
  });
});

/** Waits until the background has registered Baton's document_start scripts (it does so as it starts). */
async function scriptsRegistered(serviceWorker: Worker): Promise<void> {
  const wanted = DYNAMIC_CONTENT_SCRIPTS.map((s) => s.id).sort();
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => {
        const scripting = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> } } }).chrome.scripting;
        return (await scripting.getRegisteredContentScripts()).map((s) => s.id).sort();
      }),
    )
    .toEqual(wanted);
}

test.describe('a move made while the page is still loading is held', () => {
  test('Salesforce: the Path to Closed Won right after the Path appears, on a page still loading', async ({ context, serviceWorker }) => {
    const box = await sandbox(context);
    const opp = box.org.addOpportunity({ name: 'Early bird' });
    await scriptsRegistered(serviceWorker);
    const url = box.recordUrl(opp.id);
    const loading = await withLateScript(context, url, () => recordPage(box.org, opp.id) ?? '');
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('.active li[data-name="Closed"] a').waitFor();
    await closeThroughPath(page, 'Closed Won');
    const dialog = gateDialog(page);
    await expect(dialog).toContainText('Early bird');
    await expect(dialog.getByRole('textbox', { name: 'Use case' })).toBeVisible();
    expect(box.org.pageSaves).toEqual([]);
    expect(opp.stage).toBe('Negotiation/Review');
    // The page finishes loading; the background's late look finds the gate there: still one.
    loading.release();
    await page.waitForLoadState('load');
    await expect(badge(page)).toHaveCount(1);
    await expect(page.locator('baton-gate')).toHaveCount(1);
  });

  test('HubSpot: a board card dragged into Closed Won right after the cards appear, on a page still loading', async ({ context, extensionUrl, serviceWorker }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Early drag' });
    await connect(context, extensionUrl, box.portal.token);
    await scriptsRegistered(serviceWorker);
    const url = box.boardUrl();
    const loading = await withLateScript(context, url, () => hubspotBoardPage(box.portal));
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await card(page, deal.id).waitFor();
    await card(page, deal.id).dragTo(column(page, 'Closed Won'));
    const dialog = gateDialog(page);
    await expect(dialog).toContainText('Early drag');
    await expect(dialog.getByRole('textbox', { name: 'Use case' })).toBeVisible();
    expect(box.portal.pageSaves).toEqual([]);
    expect(deal.properties.dealstage).toBe('contractsent');
    loading.release();
    await page.waitForLoadState('load');
    await expect(page.locator('baton-gate')).toHaveCount(1);
  });
});

test('when the extension reloads, the gate left behind takes itself out of the page', async ({ context, serviceWorker }) => {
  // Its context is gone: it could not read a deal or record a decision any more. (Whether the
  // reloaded extension comes back here is the browser's business: with --load-extension it
  // sometimes stays off, so this test asks nothing of the new gate.)
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Outlived an update' });
  const page = await openRecord(context, box, opp.id);
  const oldBadge = await page.locator('baton-badge').elementHandle();
  // The worker ends as it reloads the extension, so its evaluate may not answer.
  await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => {});
  await expect.poll(() => oldBadge?.evaluate((el) => el.isConnected)).toBe(false);
});
