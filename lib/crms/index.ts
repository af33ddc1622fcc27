/**
 * The registry of CRMs: what the rest of Baton knows about each CRM, in one place. The manifest
 * config (host permissions), the background (which tabs get which gate script, whose request is
 * about which org), the message router's sender check, the side panel, the console and the
 * options page read a CRM's label, hosts and URL parsers from here and nowhere else.
 *
 * Pure and small (URL parsers and strings): every bundle and `wxt.config.ts` import it, so it
 * imports no page code and no API code. Values are imported relatively because the WXT config
 * loads this file outside Vite's `@/` alias.
 *
 * Adding a CRM: a folder `lib/crms/<crm>/` with the shape of the others (urls.ts, page/, api/,
 * serverRule.ts), a gate entrypoint `entrypoints/<crm>-gate.content/`, an entry here and its
 * backend in `backends.ts` (README, "Adding a CRM").
 */
import type { Crm, DealRef } from '../domain/deal';
import { CRM_IDS } from '../domain/crmIds';
import { isSalesforceOpportunityListUrl, salesforceInstanceFromUrl, salesforceOpportunityFromUrl } from './salesforce/urls';
import { hubspotDealBoardPortal, hubspotDealFromUrl, hubspotPortalFromUrl } from './hubspot/urls';

export interface CrmEntry {
  id: Crm;
  /** The CRM's name as people write it. */
  label: string;
  /** What Baton's records on a deal are called there ("a Task"). */
  activityNoun: string;
  /** The heading of the CRM's column in the options page's field mapping. */
  mappingTitle: string;
  /** Match patterns of the app pages the gate script may be injected into. */
  pageMatches: readonly string[];
  /** Match patterns of the REST API hosts the background calls (and reads session cookies of). */
  apiMatches: readonly string[];
  /** The app pages' base domains: a content script's frame must be on one of them or a subdomain. */
  pageDomains: readonly string[];
  /** The built gate script (entrypoints/<crm>-gate.content). */
  gateScript: `/content-scripts/${string}-gate.js`;
  /** The deal a record page shows, or null. */
  dealFromUrl(url: string): DealRef | null;
  /** The org / portal of a page that lists deals and can move them (list, Kanban, board), or null. */
  collectionFromUrl(url: string): string | null;
  /** The org / portal of any of the CRM's app pages, or null. */
  instanceFromUrl(url: string): string | null;
  /** What to say when Baton holds no session or connection for this CRM. */
  notConnected: string;
}

const salesforce: CrmEntry = {
  id: 'salesforce',
  label: 'Salesforce',
  activityNoun: 'a Task',
  mappingTitle: 'Salesforce Opportunity field (API name)',
  pageMatches: ['https://*.lightning.force.com/*'],
  // The org's My Domain API host: REST calls, and its `sid` cookie is the user's session.
  apiMatches: ['https://*.my.salesforce.com/*'],
  pageDomains: ['lightning.force.com'],
  gateScript: '/content-scripts/salesforce-gate.js',
  dealFromUrl: salesforceOpportunityFromUrl,
  collectionFromUrl: (url) => (isSalesforceOpportunityListUrl(url) ? salesforceInstanceFromUrl(url) : null),
  instanceFromUrl: salesforceInstanceFromUrl,
  notConnected: 'Baton cannot reach Salesforce from this browser.',
};

const hubspot: CrmEntry = {
  id: 'hubspot',
  label: 'HubSpot',
  activityNoun: 'a note',
  mappingTitle: 'HubSpot deal property (internal name)',
  // A match pattern cannot say app-*.hubspot.com; urls.ts picks the app hosts.
  pageMatches: ['https://*.hubspot.com/*'],
  apiMatches: ['https://api.hubapi.com/*', 'https://api.hubspot.com/*'],
  pageDomains: ['hubspot.com'],
  gateScript: '/content-scripts/hubspot-gate.js',
  dealFromUrl: hubspotDealFromUrl,
  collectionFromUrl: hubspotDealBoardPortal,
  instanceFromUrl: hubspotPortalFromUrl,
  notConnected: 'HubSpot is not connected. Connect it in Baton’s options.',
};

export const CRMS: Readonly<Record<Crm, CrmEntry>> = { salesforce, hubspot };

/** Every CRM, in the order of CRM_IDS. */
export const CRM_LIST: readonly CrmEntry[] = CRM_IDS.map((id) => CRMS[id]);

/** The CRMs' names as people write them. */
export const CRM_LABELS: Readonly<Record<Crm, string>> = Object.fromEntries(CRM_LIST.map((c) => [c.id, c.label])) as Record<Crm, string>;

/** Every host Baton may touch: the CRMs' app pages and their APIs, nothing else. */
export const CRM_HOST_PERMISSIONS: readonly string[] = CRM_LIST.flatMap((c) => [...c.pageMatches, ...c.apiMatches]);

/** The app pages of every CRM (the tabs that may need a gate). */
export const CRM_PAGE_MATCHES: readonly string[] = CRM_LIST.flatMap((c) => c.pageMatches);

/** The deal a CRM page URL shows, whichever CRM: for the side panel and the console. */
export function dealFromUrl(url: string | undefined | null): DealRef | null {
  if (!url) return null;
  for (const crm of CRM_LIST) {
    const deal = crm.dealFromUrl(url);
    if (deal) return deal;
  }
  return null;
}

/** The CRM whose gate a page needs, from its URL alone (a deal record or a deal collection); null for every other page. */
export function gateCrmFor(url: string | undefined): CrmEntry | null {
  if (url === undefined) return null;
  return CRM_LIST.find((c) => c.dealFromUrl(url) !== null || c.collectionFromUrl(url) !== null) ?? null;
}

/** The org / portal a page of `crm` belongs to; a content script's messages may only be about that one. */
export function pageInstance(crm: Crm, url: string | undefined): string | null {
  return url === undefined ? null : CRMS[crm].instanceFromUrl(url);
}

/** True when `host` is one of the CRMs' page domains or a subdomain of one. */
export function isCrmPageHost(host: string): boolean {
  return CRM_LIST.some((c) => c.pageDomains.some((base) => host === base || host.endsWith(`.${base}`)));
}
