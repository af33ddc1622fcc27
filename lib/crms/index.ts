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
 * serverRule.ts, entry.ts), a gate entrypoint `entrypoints/<crm>-gate.content/`, its id in
 * lib/domain/crmIds.ts and its entry here (README, "Adding a CRM").
 */
import type { Crm, DealRef } from '../domain/deal';
import { CRM_IDS } from '../domain/crmIds';
import type { CrmEntry } from './shared/entry';
import { salesforce } from './salesforce/entry';
import { hubspot } from './hubspot/entry';

export type { CrmEntry };

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
