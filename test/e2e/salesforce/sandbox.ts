/**
 * Serves the sandbox Salesforce at its real URLs inside a Playwright browser context: the
 * Lightning pages on <instance>.lightning.force.com (so Baton's content script matches), the
 * REST API on <instance>.my.salesforce.com (answered by the fake org, for Baton's background),
 * the org's `sid` cookie, and nothing else: every other request is refused.
 */
import type { BrowserContext } from '@playwright/test';
import type { FakeSalesforceOrg } from '@/test/fixtures/salesforce/org';
import { answer, html, requestOf } from '../routes';
import { createPage, lightningScript, listPage, otherPage, recordPage, type PageVariant } from '@/test/fixtures/salesforce/page';

export interface Sandbox {
  org: FakeSalesforceOrg;
  variant: PageVariant;
  /** The record page URL of an opportunity. */
  recordUrl(id: string): string;
  kanbanUrl(): string;
  /** A list view in its table display. */
  listUrl(): string;
  /** The New Opportunity form, opened at its URL (as the list's New button leaves it). */
  newUrl(): string;
}

/** Blocks the network except what a sandbox serves. Call once per context, before serving. */
export async function isolate(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) =>
    // Baton's own pages (chrome-extension://) load as always; the web is closed.
    route.request().url().startsWith('chrome-extension://') ? route.continue() : route.abort('blockedbyclient'),
  );
}

export async function serveSalesforce(context: BrowserContext, org: FakeSalesforceOrg, variant: PageVariant = {}): Promise<Sandbox> {
  await context.addCookies([org.sessionCookie()]);
  await context.route(`https://${org.lightningHost}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/_fixture/lightning.js') {
      await route.fulfill({ status: 200, headers: { 'content-type': 'text/javascript' }, body: lightningScript() });
      return;
    }
    if (url.pathname === '/aura') {
      await answer(route, await org.handleAura(requestOf(route)));
      return;
    }
    const record = /^\/lightning\/r\/(?:Opportunity\/)?([A-Za-z0-9]{15,18})\/view$/.exec(url.pathname);
    if (record) {
      await route.fulfill(html(recordPage(org, record[1] ?? '', variant)));
      return;
    }
    if (url.pathname === '/lightning/o/Opportunity/list') {
      // The display (table or Kanban) is the user's saved choice per list view; here the view's name says it.
      const kanban = /kanban/i.test(url.searchParams.get('filterName') ?? '');
      await route.fulfill(html(listPage(org, kanban ? 'kanban' : 'table', variant)));
      return;
    }
    if (url.pathname === '/lightning/o/Opportunity/new') {
      await route.fulfill(html(createPage(org, variant)));
      return;
    }
    if (url.pathname === '/one/one.app') {
      await route.fulfill(html(otherPage(org, 'record', variant)));
      return;
    }
    await route.fulfill(html(otherPage(org, 'home', variant)));
  });
  await context.route(`https://${org.apiHost}/**`, async (route) => answer(route, await org.handleApi(requestOf(route))));
  return {
    org,
    variant,
    recordUrl: (id) => `https://${org.lightningHost}/lightning/r/Opportunity/${id}/view`,
    kanbanUrl: () => `https://${org.lightningHost}/lightning/o/Opportunity/list?filterName=Pipeline_Kanban`,
    listUrl: () => `https://${org.lightningHost}/lightning/o/Opportunity/list?filterName=AllOpportunities`,
    newUrl: () =>
      `https://${org.lightningHost}/lightning/o/Opportunity/new?count=1&nooverride=1&useRecordTypeCheck=1&navigationLocation=LIST_VIEW&uid=170473037090656137&backgroundContext=${encodeURIComponent('/lightning/o/Opportunity/list?filterName=AllOpportunities')}`,
  };
}
