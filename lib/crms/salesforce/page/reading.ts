/**
 * Reading a Lightning Opportunity page: which container is the one on screen, the state of its
 * stage Path, and (as a read-only fallback when the API is closed to us) its field values as saved.
 * In view mode a field shows its saved value; in inline edit mode the record's fields hold inputs
 * with whatever the rep typed, and the saved value is not on the page: such fields are read as
 * unsaved (lib/crms/shared/page/pageSnapshot.ts). The Edit modal leaves the page in view mode.
 * Content-script code: it reads the page's DOM, never writes to it.
 */
import type { DealRef } from '@/lib/domain/deal';
import { ELEMENT_KEYS, emptyArtifact, type ElementKey, type RawArtifact } from '@/lib/domain/elements';
import type { SalesforceMapping } from '@/lib/settings/schema';
import { missing, queryAllFirst, queryDeep, queryFirst, shownText, textOf } from '@/lib/crms/shared/page/dom';
import { salesforce } from '../entry';
import type { DealOnPage, PageWording } from '@/lib/crms/shared/page/pageSnapshot';
import { opportunityUrl } from '../urls';
import {
  ACTIVE_PAGE,
  EDIT_TEXT_INPUT,
  FIELD_VALUE,
  PATH,
  PATH_ACTION,
  PATH_CLOSED_STAGE,
  PATH_STAGE,
  RECORD_FIELD,
  RECORD_NAME,
  withApiName,
  PATH_STAGE_LINK,
} from './selectors';

/**
 * The page container on screen. Lightning keeps earlier pages in the DOM, hidden and without the
 * `active` class, which every selector requires. (No visibility check: offsetParent and
 * getComputedStyle force a layout, and this runs on pages that re-render constantly.)
 */
export function activePage(doc: Document = document): Element | null {
  return queryFirst(doc, ACTIVE_PAGE);
}

export interface PathStage {
  element: Element;
  /** The API value (`data-name`); "Closed" for the collapsed closed chevron. */
  value: string;
  label: string;
  current: boolean;
  selected: boolean;
  closedChevron: boolean;
}

export interface PathState {
  root: Element;
  stages: PathStage[];
  action: HTMLButtonElement | null;
}

export function findPath(container: ParentNode): Element | null {
  return queryFirst(container, PATH);
}

export function readPath(root: Element): PathState {
  const closed = new Set(queryAllFirst(root, PATH_CLOSED_STAGE));
  const stages = queryAllFirst(root, PATH_STAGE).map((li) => {
    const link = queryFirst(li, PATH_STAGE_LINK);
    return {
      element: li,
      value: li.getAttribute('data-name') ?? link?.getAttribute('data-tab-name') ?? '',
      label: link?.getAttribute('title') ?? textOf(li),
      current: li.classList.contains('slds-is-current'),
      selected: li.classList.contains('slds-is-active'),
      closedChevron: closed.has(li),
    };
  });
  if (stages.length === 0) missing(salesforce, 'the stages of the Path', PATH_STAGE);
  const action = queryFirst(root, PATH_ACTION) as HTMLButtonElement | null;
  return { root, stages, action };
}

/** The field wrapper of an Opportunity field on the page (by API name), or null. */
export function fieldElement(container: ParentNode, apiName: string): Element | null {
  return queryDeep(container, withApiName(RECORD_FIELD, apiName));
}

/** A field's value as the page shows it (view mode), or null when the field is not on the layout. */
export function fieldText(container: ParentNode, apiName: string): string | null {
  const wrapper = fieldElement(container, apiName);
  if (!wrapper) return null;
  const value = queryFirst(wrapper, FIELD_VALUE) ?? queryDeep(wrapper, FIELD_VALUE);
  return shownText(value).replace(/\r\n?/g, '\n').trim();
}

/** Whether the field is in edit mode on the page (inline edit): it holds an input, not its saved value. */
export function fieldInEdit(container: ParentNode, apiName: string): boolean {
  const wrapper = fieldElement(container, apiName);
  return wrapper !== null && queryFirst(wrapper, EDIT_TEXT_INPUT) !== null;
}

export interface PageReading {
  name: string;
  /** Some orgs render the owner lookup in a real shadow root; fieldText looks inside. */
  owner: string | null;
  stageLabel: string;
  artifact: RawArtifact;
  /** Mapped fields that are not on the page layout. */
  absent: string[];
  /** Mapped fields in edit mode: their saved value is not on the page. */
  unsaved: Array<{ element: ElementKey; field: string }>;
}

/** What the page shows of the deal: the read-only fallback when the API is closed to us. */
export function readPage(container: ParentNode, mapping: SalesforceMapping): PageReading {
  const artifact = emptyArtifact();
  const absent: string[] = [];
  const unsaved: PageReading['unsaved'] = [];
  for (const element of ELEMENT_KEYS) {
    const field = mapping[element];
    if (fieldInEdit(container, field)) {
      unsaved.push({ element, field });
      continue;
    }
    const text = fieldText(container, field);
    if (text === null) absent.push(field);
    else artifact[element] = text;
  }
  return {
    name: textOf(queryFirst(container, RECORD_NAME)),
    owner: fieldText(container, 'OwnerId') || null,
    stageLabel: fieldText(container, 'StageName') ?? '',
    artifact,
    absent,
    unsaved,
  };
}

/** The deal as the record page on screen shows it, or null when no record page is on screen. */
export function readDealOnPage(deal: DealRef, mapping: SalesforceMapping, doc: Document = document): DealOnPage | null {
  const page = activePage(doc);
  return page ? { url: opportunityUrl(deal.instance, deal.recordId), ...readPage(page, mapping) } : null;
}

/** A page layout may leave out mapped fields; those are edited in Salesforce. */
export const PAGE_WORDING: PageWording = { crm: salesforce.label, fields: 'fields', surface: 'layout' };
