/**
 * HubSpot URL detection. Pure functions of a URL string. HubSpot's app lives on app.hubspot.com
 * and regional hosts (app-eu1.hubspot.com, app-na2.hubspot.com, …); a match pattern cannot say
 * "app-*", so the manifest matches *.hubspot.com and these functions pick the app hosts.
 * Example URLs (and every other detector's, negatively) are in test/unit/crms/.
 */
import type { DealRef } from '@/lib/domain/deal';

/**
 * app.hubspot.com, or app-<region><n>.hubspot.com (eu1, na2, ap1 …), lower case. Also what a
 * stored connection's uiDomain must be (lib/db/secrets.ts), since deal links are built on it.
 */
export const HUBSPOT_APP_HOST = /^app(?:-[a-z]{2}\d{1,2})?\.hubspot\.com$/;
const PORTAL = /^\d{1,12}$/;
const DEAL_ID = /^\d{1,20}$/;
/** The object type id of deals in HubSpot's CRM. */
export const DEAL_OBJECT = '0-3';

function parse(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && HUBSPOT_APP_HOST.test(u.hostname) ? u : null;
  } catch {
    return null;
  }
}

export function isHubSpotAppHost(host: string): boolean {
  return HUBSPOT_APP_HOST.test(host.toLowerCase());
}

/** The deal a record page shows: /contacts/{portal}/record/0-3/{deal}, or the legacy /contacts/{portal}/deal/{deal}. */
export function hubspotDealFromUrl(url: string): DealRef | null {
  const u = parse(url);
  if (!u) return null;
  const parts = u.pathname.replace(/\/$/, '').split('/');
  // ['', 'contacts', portal, 'record', '0-3', deal, …tabs] or ['', 'contacts', portal, 'deal', deal]
  if (parts[1] !== 'contacts' || !PORTAL.test(parts[2] ?? '')) return null;
  const portal = parts[2] as string;
  if (parts[3] === 'record' && parts[4] === DEAL_OBJECT && DEAL_ID.test(parts[5] ?? '')) {
    return { crm: 'hubspot', instance: portal, recordId: parts[5] as string };
  }
  if (parts[3] === 'deal' && DEAL_ID.test(parts[4] ?? '') && parts.length === 5) {
    return { crm: 'hubspot', instance: portal, recordId: parts[4] as string };
  }
  return null;
}

/** The portal of a deals index: a board or a table view, /contacts/{portal}/objects/0-3/views/{view}/board or …/list. */
export function hubspotDealIndexPortal(url: string): string | null {
  const u = parse(url);
  if (!u) return null;
  const m = /^\/contacts\/(\d{1,12})\/objects\/0-3\/views\/([A-Za-z0-9_-]{1,40})\/(?:board|list)\/?$/.exec(u.pathname);
  return m ? (m[1] ?? null) : null;
}

/** The portal of any HubSpot app URL (/contacts/{portal}/…), for the work that does not depend on the page. */
export function hubspotPortalFromUrl(url: string): string | null {
  const u = parse(url);
  if (!u) return null;
  const m = /^\/contacts\/(\d{1,12})(?:\/|$)/.exec(u.pathname);
  return m ? (m[1] ?? null) : null;
}

/** A deal's record page URL on the host the user works on. */
export function hubspotDealUrl(host: string, deal: DealRef): string {
  return `https://${host}/contacts/${deal.instance}/record/${DEAL_OBJECT}/${deal.recordId}`;
}
