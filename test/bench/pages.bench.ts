/**
 * Benchmark of Baton in the CRM pages, in Chromium, with and without the built extension in the
 * same run. Run: npm run bench (builds first). On a heavy sandbox Lightning page (thousands of
 * feed nodes, DOM churn every 50 ms) it measures, per configuration, the median over ROUNDS
 * interleaved rounds of:
 *  - Baton's own main-thread time: CPU-profile samples (100 µs) in Baton's content-script frames,
 *    from navigation to WINDOW_S seconds after load — on an Opportunity page and on a Salesforce
 *    page that is not one;
 *  - the page's total main-thread task time from navigation to the end of the window (CDP
 *    TaskDuration), with and without Baton: the base of the percentage, and a cross-check;
 *  - time from the deal data arriving to the gate armed (performance marks of the content script);
 *  - time from navigation to the interceptor in place (the capture listeners on window) and to the
 *    gate armed (the deal read and judged): a move before the first is not seen by Baton at all, a
 *    move between the two is held ("checking") and judged once the deal is read;
 *  - JS heap after a GC, with minus without Baton (content script and page share the isolate);
 *  - the content script's size, raw and gzip.
 * Goals (issue 3): ≤ 2 ms added on a non-Opportunity page, ≤ 5 % added main-thread time on the
 * Opportunity page, gate armed within 100 ms of the data, content script ≤ 100 KB gzip.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, CHROMIUM_ARGS, EXTENSION_DIR } from '@/test/e2e/fixtures';
import { isolate, serveSalesforce } from '@/test/e2e/salesforce/sandbox';
import { serveHubSpot } from '@/test/e2e/hubspot/sandbox';
import { FakeSalesforceOrg } from '@/test/fixtures/salesforce/org';
import { FakeHubSpotPortal } from '@/test/fixtures/hubspot/portal';
import { recordPage } from '@/test/fixtures/salesforce/page';
import { hubspotBoardPage, hubspotRecordPage } from '@/test/fixtures/hubspot/page';
import { withLateScript } from '@/test/e2e/routes';

const ROUNDS = Number(process.env.BATON_BENCH_ROUNDS ?? 3);
const WINDOW_S = Number(process.env.BATON_BENCH_SECONDS ?? 10);
const HEAVY_NODES = 3000;
const BASE_ARGS = CHROMIUM_ARGS.filter((a) => !a.includes('extension'));

type PageKind = 'sf-opportunity' | 'sf-other' | 'hs-record' | 'hs-board' | 'hs-other';
const DEAL_PAGES: readonly PageKind[] = ['sf-opportunity', 'hs-record', 'hs-board'];
const BOARD_CARDS = 500;
/** How long after navigation the last script of a still-loading page arrives. */
const LATE_SCRIPT_MS = 3000;

interface Sample {
  batonMs: number;
  taskMs: number;
  heapBytes: number;
  armMs: number | null;
  /** From navigation start to the gate armed (includes the sandbox API's answer time). */
  armedAtMs: number | null;
  /** From navigation start to Baton's capture listeners on window. */
  readyAtMs: number | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

async function launch(withBaton: boolean): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'baton-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: withBaton ? CHROMIUM_ARGS : BASE_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  if (withBaton) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Measured in a browser that has settled: right after a start Chromium's managed storage takes
    // seconds to answer, and Baton then waits 800 ms on each settings read (README, "Managed
    // settings that answer late"), which would count a browser start as Baton's time.
    await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<unknown> } } } }).chrome.storage.managed.get().catch(() => null));
    // Deal pages get the gate from scripts Baton registers as it starts (kept across sessions):
    // measure them as they are once that is done. A build that registers none goes on after 1 s.
    for (let i = 0; i < 10; i++) {
      const registered = await worker.evaluate(async () => {
        const scripting = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome.scripting;
        return (await scripting.getRegisteredContentScripts()).length;
      });
      if (registered > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { context, profile };
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
}

/** Milliseconds of samples whose frame is in a chrome-extension:// script (Baton's content script). */
function batonTime(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): number {
  const ours = new Set(profile.nodes.filter((n) => n.callFrame.url.startsWith('chrome-extension://')).map((n) => n.id));
  let micros = 0;
  profile.samples?.forEach((id, i) => {
    if (ours.has(id)) micros += profile.timeDeltas?.[i] ?? 0;
  });
  return micros / 1000;
}

/** Connects Baton to the sandbox portal through its options page. */
async function connectHubSpot(context: BrowserContext, token: string): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
  await page.getByLabel('Private app access token or service key').fill(token);
  await page.getByRole('button', { name: 'Connect HubSpot' }).click();
  await page.getByText(/Connected to HubSpot portal/).waitFor();
  await page.close();
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

interface Served {
  url: string;
  /** A selector the page shows once drawn. */
  ready: string;
  /** The page's HTML as the sandbox serves it. */
  html(): string;
}

/** Serves the sandbox CRM of `kind` in `context`; the deal page Baton is measured on. */
async function serve(context: BrowserContext, kind: PageKind, withBaton: boolean): Promise<Served> {
  if (kind.startsWith('sf-')) {
    const org = new FakeSalesforceOrg();
    const opp = org.addOpportunity({ name: 'Benchmark deal', handoff: { useCase: 'TBD' } });
    const variant = { heavyNodes: HEAVY_NODES, renderDelayMs: 50 };
    const box = await serveSalesforce(context, org, variant);
    const url = kind === 'sf-opportunity' ? box.recordUrl(opp.id) : `https://${org.lightningHost}/lightning/page/home`;
    return { url, ready: '.cuf-feedElement', html: () => recordPage(org, opp.id, variant) ?? '' };
  }
  const portal = new FakeHubSpotPortal();
  let first = '';
  for (let i = 0; i < BOARD_CARDS; i++) {
    const stage = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'][i % 5];
    const deal = portal.addDeal({ name: `Board deal ${i}`, stage, handoff: { useCase: i % 3 ? 'TBD' : 'Route support email for 40 agents' } });
    first ||= deal.id;
  }
  const variant = { renderDelayMs: 50, activityItems: HEAVY_NODES };
  const box = await serveHubSpot(context, portal, variant);
  if (withBaton) await connectHubSpot(context, portal.token);
  const url = kind === 'hs-record' ? box.recordUrl(first) : kind === 'hs-board' ? box.boardUrl() : `https://${portal.appHost}/contacts/${portal.portalId}/objects/0-1/views/all/list`;
  const ready = kind === 'hs-record' ? '[data-test-id="left-sidebar"]' : kind === 'hs-board' ? '[data-test-id="cdb-column-item"]' : '.TimelineEvent-x1';
  return { url, ready, html: () => (kind === 'hs-board' ? hubspotBoardPage(portal, variant) : (hubspotRecordPage(portal, first, variant) ?? '')) };
}

const batonMarks = (page: Page) =>
  page.evaluate(() => ({
    armedAtMs: performance.getEntriesByName('baton:gate-armed')[0]?.startTime ?? null,
    readyAtMs: performance.getEntriesByName('baton:interceptor-ready')[0]?.startTime ?? null,
  }));

async function measure(withBaton: boolean, kind: PageKind): Promise<Sample> {
  const { context, profile } = await launch(withBaton);
  try {
    await isolate(context);
    const cdp = await (async () => {
      const page = await context.newPage();
      return { page, session: await context.newCDPSession(page) };
    })();
    const { page } = cdp;
    const { url, ready } = await serve(context, kind, withBaton);
    const session = cdp.session;
    await session.send('Performance.enable');
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    await session.send('Profiler.start');
    // The page's own work counts from navigation: loading and rendering it, then WINDOW_S of life.
    const task0 = await taskSeconds(session);
    await page.goto(url);
    await page.locator(ready).first().waitFor();
    await page.waitForTimeout(WINDOW_S * 1000);
    const task1 = await taskSeconds(session);
    const { profile: cpu } = await session.send('Profiler.stop');
    await session.send('HeapProfiler.collectGarbage');
    const { metrics } = await session.send('Performance.getMetrics');
    const heapBytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    const readArm = () =>
      page.evaluate(() => {
        const data = performance.getEntriesByName('baton:deal-data')[0];
        const armed = performance.getEntriesByName('baton:gate-armed')[0];
        return data && armed ? armed.startTime - data.startTime : null;
      });
    let armMs = await readArm();
    // The sandbox API answers through Playwright's request routing, which is slow on a busy
    // machine; the data can arrive late. What is measured is data → armed, so wait for it.
    const armsGate = kind === 'sf-opportunity' || kind === 'hs-record';
    for (let i = 0; withBaton && armsGate && armMs === null && i < 40; i++) {
      await page.waitForTimeout(500);
      armMs = await readArm();
    }
    if (withBaton && armsGate && armMs === null) {
      const badge = await page.locator('baton-badge').evaluate((el) => el.shadowRoot?.textContent ?? '(no shadow)').catch(() => '(no badge)');
      throw new Error(`Baton never armed the gate on the benchmark page (badge: ${badge})`);
    }
    const { armedAtMs, readyAtMs } = await batonMarks(page);
    if (withBaton && readyAtMs === null && kind !== 'sf-other' && kind !== 'hs-other') throw new Error(`Baton never put its interceptor into the ${kind} page`);
    return { batonMs: batonTime(cpu as never), taskMs: (task1 - task0) * 1000, heapBytes, armMs, armedAtMs, readyAtMs };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

interface LoadingSample {
  /** From navigation start to the deal page drawn (the page takes input from here). */
  shownAtMs: number;
  readyAtMs: number | null;
  armedAtMs: number | null;
}

/**
 * A deal page drawn and usable while its load is still pending: the last script at the end of
 * its body arrives LATE_SCRIPT_MS after navigation (as a CRM's last bundles do), so the document
 * is not idle and the tab not "complete" until then. Baton with the extension only.
 */
async function measureLoading(kind: PageKind): Promise<LoadingSample> {
  const { context, profile } = await launch(true);
  try {
    await isolate(context);
    const served = await serve(context, kind, true);
    const late = await withLateScript(context, served.url, served.html);
    const page = await context.newPage();
    await page.goto(served.url, { waitUntil: 'commit' });
    const released = setTimeout(late.release, LATE_SCRIPT_MS);
    const shown = await page.waitForFunction((selector) => (document.querySelector(selector) ? performance.now() : 0), served.ready, { polling: 'raf', timeout: 60_000 });
    const shownAtMs = (await shown.jsonValue()) as number;
    await page.waitForLoadState('load', { timeout: 60_000 });
    clearTimeout(released);
    let marks = await batonMarks(page);
    for (let i = 0; kind !== 'hs-board' && marks.armedAtMs === null && i < 40; i++) {
      await page.waitForTimeout(500);
      marks = await batonMarks(page);
    }
    return { shownAtMs, ...marks };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function sizes(file: string) {
  const bytes = readFileSync(path.join(EXTENSION_DIR, 'content-scripts', file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const LABELS: Record<PageKind, string> = {
  'sf-other': 'Salesforce page that is not an opportunity',
  'sf-opportunity': 'Salesforce opportunity (heavy page)',
  'hs-other': 'HubSpot page that is not a deal',
  'hs-record': 'HubSpot deal record',
  'hs-board': `HubSpot deals board, ${BOARD_CARDS} cards`,
};

async function main() {
  const all: PageKind[] = ['sf-other', 'sf-opportunity', 'hs-other', 'hs-record', 'hs-board'];
  // BATON_BENCH_PAGES=sf-opportunity,hs-board measures only those pages.
  const only = process.env.BATON_BENCH_PAGES?.split(',');
  const kinds = only ? all.filter((k) => only.includes(k)) : all;
  const results: Record<string, Sample[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of kinds) {
      for (const withBaton of [false, true]) {
        (results[`${kind}:${withBaton ? 'baton' : 'none'}`] ??= []).push(await measure(withBaton, kind));
        process.stderr.write('.');
      }
    }
  }
  const loading: Record<string, LoadingSample[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of DEAL_PAGES.filter((k) => kinds.includes(k))) {
      (loading[kind] ??= []).push(await measureLoading(kind));
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  const med = (key: string, f: (s: Sample) => number | null) => median((results[key] ?? []).map(f).filter((v): v is number => v !== null));
  const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

  console.log('Baton in Chromium, with and without the extension, same run');
  console.log(`Every page: ${HEAVY_NODES} activity items re-rendered every 50 ms; HubSpot: ${BOARD_CARDS} deals. ${ROUNDS} interleaved rounds, ${WINDOW_S} s windows, medians.`);
  console.log('Baton time = CPU-profile samples in Baton\'s content-script frames, from navigation to the end of the window.');
  console.log('');
  for (const kind of kinds) {
    const baton = med(`${kind}:baton`, (x) => x.batonMs);
    const none = med(`${kind}:none`, (x) => x.taskMs);
    const withTask = med(`${kind}:baton`, (x) => x.taskMs);
    const isDeal = DEAL_PAGES.includes(kind);
    const share = (baton / none) * 100;
    const goal = isDeal ? `${fmt(share, 2)} % of the page's ${fmt(none, 0)} ms   goal ≤ 5 %: ${verdict(share <= 5)}` : `goal ≤ 2 ms: ${verdict(baton <= 2)}`;
    console.log(`  ${LABELS[kind].padEnd(46)} Baton ${fmt(baton, 2).padStart(7)} ms   ${goal}`);
    console.log(`  ${''.padEnd(46)} page task time without ${fmt(none, 0)} ms, with ${fmt(withTask, 0)} ms (ratio ${fmt(withTask / none, 3)})`);
  }
  for (const kind of DEAL_PAGES.filter((k) => kinds.includes(k))) {
    const ready = med(`${kind}:baton`, (x) => x.readyAtMs);
    const armed = med(`${kind}:baton`, (x) => x.armedAtMs);
    const armedWords = kind === 'hs-board' ? 'no single deal to arm' : `gate armed ${fmt(armed, 0)} ms (incl. the sandbox API)`;
    console.log(`  ${LABELS[kind]}: navigation → interceptor ready ${fmt(ready, 0)} ms, → ${armedWords}`);
  }
  console.log(`  The same deal pages while still loading (their last script arrives after ${LATE_SCRIPT_MS} ms):`);
  for (const kind of DEAL_PAGES.filter((k) => kinds.includes(k))) {
    const samples = loading[kind] ?? [];
    const m = (f: (x: LoadingSample) => number | null) => fmt(median(samples.map(f).filter((v): v is number => v !== null)), 0);
    const armed = kind === 'hs-board' ? '' : `, gate armed ${m((x) => x.armedAtMs)} ms`;
    console.log(`  ${LABELS[kind]}: page drawn ${m((x) => x.shownAtMs)} ms, interceptor ready ${m((x) => x.readyAtMs)} ms${armed}`);
  }
  for (const kind of (['sf-opportunity', 'hs-record'] as const).filter((k) => kinds.includes(k))) {
    const arm = med(`${kind}:baton`, (x) => x.armMs);
    const heap = med(`${kind}:baton`, (x) => x.heapBytes) - med(`${kind}:none`, (x) => x.heapBytes);
    console.log(`  ${LABELS[kind]}: deal data → gate armed ${fmt(arm, 2)} ms (goal ≤ 100 ms: ${verdict(arm <= 100)}); JS heap +${fmt(heap / 1024 / 1024, 2)} MB`);
  }
  for (const file of ['salesforce-gate.js', 'hubspot-gate.js']) {
    const size = sizes(file);
    console.log(`  content script ${file}: ${fmt(size.raw / 1024)} KB raw, ${fmt(size.gzip / 1024)} KB gzip   goal ≤ 100 KB gzip: ${verdict(size.gzip <= 100 * 1024)}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
