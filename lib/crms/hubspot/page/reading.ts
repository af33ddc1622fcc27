/**
 * Reading a HubSpot deal record page: where its sidebar is, and (as a read-only fallback when
 * Baton is not connected to HubSpot) the deal's name, stage and handoff properties as shown.
 */
import type { DealRef } from '@/lib/domain/deal';
import { ELEMENT_KEYS, emptyArtifact, type RawArtifact } from '@/lib/domain/elements';
import type { HubSpotMapping } from '@/lib/settings/schema';
import { queryFirst, textOf } from '@/lib/crms/shared/page/dom';
import { withApiName } from '@/lib/crms/shared/page/selectorList';
import type { DealOnPage, PageWording } from '@/lib/crms/shared/page/pageSnapshot';
import { hubspotDealUrl } from '../urls';
import { hubspot } from '../entry';
import { BADGE_ANCHOR, LEFT_SIDEBAR, PROPERTY_INPUT, RECORD_TITLE, STAGE_VALUE, TEXT_INPUT } from './selectors';

export function leftSidebar(doc: Document = document): Element | null {
  return queryFirst(doc, LEFT_SIDEBAR);
}

export function badgeAnchor(doc: Document = document): Element | null {
  const sidebar = leftSidebar(doc);
  return sidebar ? queryFirst(sidebar, BADGE_ANCHOR) : null;
}

function valueOf(el: Element | null): string | null {
  if (!el) return null;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
  const input = el.querySelector(TEXT_INPUT.join(', '));
  if (input instanceof HTMLTextAreaElement || input instanceof HTMLInputElement) return input.value;
  return el instanceof HTMLElement ? el.innerText.trim() : (el.textContent ?? '').trim();
}

export interface HubSpotPageReading {
  name: string;
  stageLabel: string;
  artifact: RawArtifact;
  absent: string[];
}

export function readHubSpotPage(mapping: HubSpotMapping, doc: Document = document): HubSpotPageReading | null {
  const sidebar = leftSidebar(doc);
  if (!sidebar) return null;
  const artifact = emptyArtifact();
  const absent: string[] = [];
  for (const element of ELEMENT_KEYS) {
    const value = valueOf(queryFirst(sidebar, withApiName(PROPERTY_INPUT, mapping[element])));
    if (value === null) absent.push(mapping[element]);
    else artifact[element] = value;
  }
  const stage = queryFirst(sidebar, withApiName(PROPERTY_INPUT, 'dealstage'));
  return {
    name: textOf(queryFirst(sidebar, RECORD_TITLE)),
    stageLabel: textOf(stage ? queryFirst(stage, STAGE_VALUE) : null),
    artifact,
    absent,
  };
}

/** The deal as its record page shows it (no owner: the sidebar does not show one), or null off a record page. */
export function readDealOnPage(deal: DealRef, mapping: HubSpotMapping, doc: Document = document): DealOnPage | null {
  const reading = readHubSpotPage(mapping, doc);
  return reading ? { ...reading, url: hubspotDealUrl(location.host, deal), owner: null } : null;
}

export const PAGE_WORDING: PageWording = { crm: hubspot.label, fields: 'properties', surface: 'page' };
