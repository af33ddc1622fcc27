/**
 * Reading a HubSpot deal record page: where its sidebar is, and (as a read-only fallback when
 * Baton is not connected to HubSpot) the deal's name, stage and handoff properties as saved.
 *
 * Saved, not typed: a property's editor holds what the rep types before HubSpot saves it (the
 * sidebar saves on its save bar's "Save"; picking a stage saves only the stage). What the page
 * rendered as saved is the editor's default value (an input's `value` attribute, a textarea's
 * text: https://html.spec.whatwg.org/multipage/input.html#dom-input-defaultvalue,
 * https://html.spec.whatwg.org/multipage/form-elements.html#dom-textarea-defaultvalue); an editor
 * whose live value differs holds an unsaved edit. A page that keeps the two in step while the rep
 * types (React syncs the attribute of a controlled input) still shows its save bar: then every
 * property read from an editor counts as unsaved.
 */
import type { DealRef } from '@/lib/domain/deal';
import { ELEMENT_KEYS, emptyArtifact, type ElementKey, type RawArtifact } from '@/lib/domain/elements';
import type { HubSpotMapping } from '@/lib/settings/schema';
import { queryFirst, textOf } from '@/lib/crms/shared/page/dom';
import { withApiName } from '@/lib/crms/shared/page/selectorList';
import type { DealOnPage, PageWording } from '@/lib/crms/shared/page/pageSnapshot';
import { hubspotDealUrl } from '../urls';
import { hubspot } from '../entry';
import { BADGE_ANCHOR, LEFT_SIDEBAR, PROPERTY_INPUT, PROPERTY_SAVE_BAR, RECORD_TITLE, STAGE_VALUE, TEXT_INPUT } from './selectors';

export function leftSidebar(doc: Document = document): Element | null {
  return queryFirst(doc, LEFT_SIDEBAR);
}

export function badgeAnchor(doc: Document = document): Element | null {
  const sidebar = leftSidebar(doc);
  return sidebar ? queryFirst(sidebar, BADGE_ANCHOR) : null;
}

type TextEditor = HTMLTextAreaElement | HTMLInputElement;
const isTextEditor = (el: Element | null): el is TextEditor => el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;

/** A property as the sidebar shows it: its saved value, and whether an editor holds it (and other text than saved). */
function shownProperty(el: Element | null): { saved: string; inEditor: boolean; edited: boolean } | null {
  if (!el) return null;
  const editor = isTextEditor(el) ? el : el.querySelector(TEXT_INPUT.join(', '));
  if (isTextEditor(editor)) return { saved: editor.defaultValue, inEditor: true, edited: editor.value !== editor.defaultValue };
  return { saved: el instanceof HTMLElement ? el.innerText.trim() : (el.textContent ?? '').trim(), inEditor: false, edited: false };
}

/** HubSpot shows its save bar while some property holds an edit not saved yet. */
function saveBarShown(doc: Document): boolean {
  const bar = queryFirst(doc, PROPERTY_SAVE_BAR);
  return bar instanceof HTMLElement && !bar.hidden;
}

export interface HubSpotPageReading {
  name: string;
  stageLabel: string;
  artifact: RawArtifact;
  absent: string[];
  /** Handoff properties whose saved value the page does not show for sure (an edit not saved yet). */
  unsaved: Array<{ element: ElementKey; field: string }>;
}

export function readHubSpotPage(mapping: HubSpotMapping, doc: Document = document): HubSpotPageReading | null {
  const sidebar = leftSidebar(doc);
  if (!sidebar) return null;
  const artifact = emptyArtifact();
  const absent: string[] = [];
  const unsaved: HubSpotPageReading['unsaved'] = [];
  const pageUnsaved = saveBarShown(doc);
  for (const element of ELEMENT_KEYS) {
    const field = mapping[element];
    const shown = shownProperty(queryFirst(sidebar, withApiName(PROPERTY_INPUT, field)));
    if (shown === null) {
      absent.push(field);
      continue;
    }
    artifact[element] = shown.saved;
    if (shown.edited || (pageUnsaved && shown.inEditor)) unsaved.push({ element, field });
  }
  const stage = queryFirst(sidebar, withApiName(PROPERTY_INPUT, 'dealstage'));
  return {
    name: textOf(queryFirst(sidebar, RECORD_TITLE)),
    stageLabel: textOf(stage ? queryFirst(stage, STAGE_VALUE) : null),
    artifact,
    absent,
    unsaved,
  };
}

/** The deal as its record page shows it (no owner: the sidebar does not show one), or null off a record page. */
export function readDealOnPage(deal: DealRef, mapping: HubSpotMapping, doc: Document = document): DealOnPage | null {
  const reading = readHubSpotPage(mapping, doc);
  return reading ? { ...reading, url: hubspotDealUrl(location.host, deal), owner: null } : null;
}

export const PAGE_WORDING: PageWording = { crm: hubspot.label, fields: 'properties', surface: 'page' };
