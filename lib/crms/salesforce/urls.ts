/**
 * Salesforce Lightning URL detection. Pure functions of a URL string: no DOM, no extension API.
 * Real example URLs live in test/unit/crms/salesforce/urls.test.ts, and every detector there is
 * also checked against every other detector's URLs (and HubSpot's), so none claims a page that
 * belongs to another.
 */
import type { DealRef } from '@/lib/domain/deal';

const LIGHTNING_SUFFIX = '.lightning.force.com';
const API_SUFFIX = '.my.salesforce.com';
/** A My Domain name and its partition labels: "acme", "acme--uat.sandbox", "acme.develop". */
const INSTANCE = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?(?:\.(?:sandbox|develop|scratch|demo|patch|trailblaze|free))?$/;

/** Opportunity record ids start with the key prefix 006. */
export const OPPORTUNITY_KEY_PREFIX = '006';
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The org's My Domain part of a Lightning host ("acme--uat.sandbox" for
 * acme--uat.sandbox.lightning.force.com), or null when the host is not a Lightning app host.
 */
export function lightningInstance(host: string): string | null {
  const h = host.toLowerCase();
  if (!h.endsWith(LIGHTNING_SUFFIX)) return null;
  const instance = h.slice(0, -LIGHTNING_SUFFIX.length);
  return INSTANCE.test(instance) ? instance : null;
}

/**
 * The REST API host for an org: the Lightning host with .lightning.force.com replaced by
 * .my.salesforce.com, so the Authorization header is not lost to a redirect (sandbox
 * acme--uat.sandbox.lightning.force.com → acme--uat.sandbox.my.salesforce.com).
 */
export function apiHostFor(instance: string): string {
  return `${instance}${API_SUFFIX}`;
}

/** The org of a REST API host (a `sid` cookie's domain, with or without its leading dot), or null. */
export function apiHostInstance(host: string): string | null {
  const h = host.toLowerCase().replace(/^\./, '');
  if (!h.endsWith(API_SUFFIX)) return null;
  const instance = h.slice(0, -API_SUFFIX.length);
  return INSTANCE.test(instance) ? instance : null;
}

/** The Lightning app host of an org. */
export function lightningHostFor(instance: string): string {
  return `${instance}${LIGHTNING_SUFFIX}`;
}

/** An opportunity's record page in Lightning: the link Baton gives for a Salesforce deal. */
export function opportunityUrl(instance: string, recordId: string): string {
  return `https://${lightningHostFor(instance)}/lightning/r/Opportunity/${recordId}/view`;
}

const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The 18-character form of a record id. Salesforce accepts both; Baton keys everything by the
 * 18-character one, so a deal opened through a 15-character link is the same deal.
 */
export function toId18(id: string): string {
  if (id.length !== 15) return id;
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(block * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += CHECKSUM[bits];
  }
  return id + suffix;
}

/** A 15- or 18-character record id of an Opportunity (key prefix 006). */
export function isOpportunityId(candidate: string): boolean {
  return RECORD_ID.test(candidate) && candidate.startsWith(OPPORTUNITY_KEY_PREFIX);
}

function opportunityId(candidate: string | undefined): string | null {
  if (candidate === undefined || !RECORD_ID.test(candidate)) return null;
  return candidate.startsWith(OPPORTUNITY_KEY_PREFIX) ? toId18(candidate) : null;
}

// The record page, and its Edit form (which Lightning also opens over a list view, with the URL
// /lightning/r/Opportunity/{id}/edit?navigationLocation=LIST_VIEW…).
const RECORD_ACTIONS = new Set(['view', 'edit']);

/** "/lightning/r/Opportunity/{id}/view", "/lightning/r/{006…}/view", ".../edit". */
function fromLightningPath(path: string): string | null {
  const parts = path.replace(/\/$/, '').split('/');
  // ['', 'lightning', 'r', <object or id>, <id or action>]
  if (parts[1] !== 'lightning' || parts[2] !== 'r') return null;
  if (parts[3] === 'Opportunity') return RECORD_ACTIONS.has(parts[5] ?? '') && parts.length === 6 ? opportunityId(parts[4]) : null;
  return RECORD_ACTIONS.has(parts[4] ?? '') && parts.length === 5 ? opportunityId(parts[3]) : null;
}

/** "/one/one.app#/sObject/{id}/view" (the legacy hash routing, still live in many orgs). */
function fromOneAppHash(u: URL): string | null {
  if (u.pathname !== '/one/one.app') return null;
  const m = /^#\/sObject\/([a-zA-Z0-9]+)(?:\/view)?\/?(?:\?.*)?$/.exec(u.hash);
  return m ? opportunityId(m[1]) : null;
}

/**
 * The Opportunity record a Lightning URL shows, or null. Console subtabs carry the parent
 * workspace in `?ws=`; the record on screen is the one in the path, so a Task opened from an
 * opportunity's workspace is not that opportunity's page.
 */
export function salesforceOpportunityFromUrl(url: string): DealRef | null {
  const u = parse(url);
  if (u === null || u.protocol !== 'https:') return null;
  const instance = lightningInstance(u.hostname);
  if (instance === null) return null;
  const recordId = fromLightningPath(u.pathname) ?? fromOneAppHash(u);
  return recordId === null ? null : { crm: 'salesforce', instance, recordId };
}

/** `/lightning/o/Opportunity/{action}` on a Lightning host, with or without a trailing slash. */
function isOpportunityObjectPage(url: string, action: 'list' | 'new'): boolean {
  const u = parse(url);
  if (u === null || u.protocol !== 'https:' || lightningInstance(u.hostname) === null) return false;
  return u.pathname.replace(/\/$/, '') === `/lightning/o/Opportunity/${action}`;
}

/**
 * An Opportunity list view (/lightning/o/Opportunity/list): a table or the Kanban board. Whether
 * it shows as a table or a Kanban is a display choice the URL does not carry.
 */
export function isSalesforceOpportunityListUrl(url: string): boolean {
  return isOpportunityObjectPage(url, 'list');
}

/**
 * The New Opportunity form (/lightning/o/Opportunity/new?…, the `standard__objectPage` page
 * reference with actionName "new": https://developer.salesforce.com/docs/platform/lwc/guide/reference-page-reference-type.html):
 * a modal over the list view it was opened from (its `backgroundContext`), or a full page (a
 * console workspace tab). The list view's New button changes the URL to this one; Save creates the
 * record and navigates to it. (A quick action such as a global "New Opportunity" opens its form
 * without changing the URL: not this page.)
 */
export function isSalesforceOpportunityCreateUrl(url: string): boolean {
  return isOpportunityObjectPage(url, 'new');
}

/** The org of any Lightning URL, for the work that does not depend on the page (sessions). */
export function salesforceInstanceFromUrl(url: string): string | null {
  const u = parse(url);
  return u === null || u.protocol !== 'https:' ? null : lightningInstance(u.hostname);
}
