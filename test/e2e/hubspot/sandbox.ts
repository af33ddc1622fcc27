/**
 * Serves the sandbox HubSpot inside a Playwright browser context: the app pages on the portal's
 * app host (app.hubspot.com or a regional one, so Baton's gate is injected), the CRM v3 API on
 * api.hubapi.com (the fake portal, for Baton's background), and the page's own saves.
 */
import type { BrowserContext } from '@playwright/test';
import type { FakeHubSpotPortal } from '@/test/fixtures/hubspot/portal';
import { answer, html, requestOf } from '../routes';
import { hubspotBoardPage, hubspotListPage, hubspotOtherPage, hubspotRecordPage, hubspotScript, type HubSpotPageVariant } from '@/test/fixtures/hubspot/page';

export interface HubSpotSandbox {
  portal: FakeHubSpotPortal;
  recordUrl(id: string): string;
  legacyUrl(id: string): string;
  boardUrl(view?: string): string;
  /** The deals index in table view. */
  listUrl(view?: string): string;
}

export async function serveHubSpot(context: BrowserContext, portal: FakeHubSpotPortal, variant: HubSpotPageVariant = {}): Promise<HubSpotSandbox> {
  await context.route(`https://${portal.appHost}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/_fixture/hubspot.js') {
      await route.fulfill({ status: 200, headers: { 'content-type': 'text/javascript' }, body: hubspotScript() });
      return;
    }
    if (url.pathname === '/api/crm-objects/v1/objects/0-3' && route.request().method() === 'POST') {
      await answer(route, await portal.handlePageCreate(requestOf(route)));
      return;
    }
    if (url.pathname.startsWith('/api/crm-objects/v1/objects/0-3/')) {
      await answer(route, await portal.handlePageSave(requestOf(route)));
      return;
    }
    const record = /^\/contacts\/(\d+)\/(?:record\/0-3|deal)\/(\d+)\/?$/.exec(url.pathname);
    if (record && record[1] === portal.portalId) {
      await route.fulfill(html(hubspotRecordPage(portal, record[2] ?? '', variant), 'No such deal.'));
      return;
    }
    if (/^\/contacts\/\d+\/objects\/0-3\/views\/[^/]+\/board\/?$/.test(url.pathname)) {
      await route.fulfill(html(hubspotBoardPage(portal, { ...variant, boardPipeline: url.searchParams.get('pipeline') ?? variant.boardPipeline })));
      return;
    }
    if (/^\/contacts\/\d+\/objects\/0-3\/views\/[^/]+\/list\/?$/.test(url.pathname)) {
      await route.fulfill(html(hubspotListPage(portal, variant)));
      return;
    }
    await route.fulfill(html(hubspotOtherPage(portal, variant)));
  });
  await context.route(`https://${portal.apiHost}/**`, async (route) => answer(route, await portal.handleApi(requestOf(route))));
  return {
    portal,
    recordUrl: (id) => `https://${portal.appHost}/contacts/${portal.portalId}/record/0-3/${id}`,
    legacyUrl: (id) => `https://${portal.appHost}/contacts/${portal.portalId}/deal/${id}`,
    boardUrl: (view = 'all') => `https://${portal.appHost}/contacts/${portal.portalId}/objects/0-3/views/${view}/board`,
    listUrl: (view = 'all') => `https://${portal.appHost}/contacts/${portal.portalId}/objects/0-3/views/${view}/list`,
  };
}
