/**
 * Recognising a new Opportunity created in a stage: Save or Save & New in the New form (a modal
 * over a list view, or a full page in a console app), or the form submitted with Enter. The form
 * is told from the Edit form by the page's URL, /lightning/o/Opportunity/new (urls.ts): both have
 * the same footer. What the gate judges is read off the form: the stage chosen, the mapped handoff
 * fields the layout shows (a field it does not show is absent), the amount and the close date.
 */
import type { RawArtifact } from '@/lib/domain/elements';
import { ELEMENT_KEYS } from '@/lib/domain/elements';
import type { DealFacts } from '@/lib/rules/context';
import type { StageTarget } from '@/lib/gate/stages';
import type { SalesforceMapping } from '@/lib/settings/schema';
import { closestAcross, missing, onPath, queryDeep } from '@/lib/crms/shared/page/dom';
import { salesforce } from '../entry';
import { STAGE_FIELD, stageEditIn } from './intents';
import { EDIT_TEXT_INPUT, PAGE_MODAL, RECORD_CREATE_SAVE, RECORD_FIELD, withApiName } from './selectors';

export interface CreateSave {
  /** What the rep acted on: the Save button, or the form submitted. */
  element: Element;
  /** The form's container (the modal, or the page), where its fields are. */
  form: Element;
}

/** Save or Save & New of the New form; `page` is the container on screen (a full-page form). */
export function recognizeCreateClick(event: Event, page: Element | null): CreateSave | null {
  const button = onPath(event, RECORD_CREATE_SAVE);
  if (!button) return null;
  const form = closestAcross(button, PAGE_MODAL) ?? page;
  return form ? { element: button, form } : null;
}

/** The New form submitted (Enter in a field). */
export function recognizeCreateSubmit(event: Event): CreateSave | null {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return null;
  return { element: form, form: closestAcross(form, PAGE_MODAL) ?? form };
}

export interface CreateFormReading {
  target: StageTarget;
  fields: Partial<RawArtifact>;
  facts: DealFacts;
}

/** The text of a field's input in the form, or null when the layout does not show the field. */
function fieldInput(form: Element, api: string): string | null {
  const wrapper = queryDeep(form, withApiName(RECORD_FIELD, api));
  const input = wrapper ? (queryDeep(wrapper, EDIT_TEXT_INPUT) as HTMLInputElement | HTMLTextAreaElement | null) : null;
  return input ? input.value : null;
}

/**
 * What the New form holds, or null when no stage is chosen (Salesforce itself refuses to save
 * without one). A Stage field that cannot be found at all is said in the console.
 */
export function readCreateForm(form: Element, mapping: SalesforceMapping | null): CreateFormReading | null {
  const edit = stageEditIn(form);
  if (!edit) {
    if (!queryDeep(form, STAGE_FIELD)) missing(salesforce, 'the Stage field of the New Opportunity form', STAGE_FIELD);
    return null;
  }
  const fields: Partial<RawArtifact> = {};
  if (mapping) {
    for (const element of ELEMENT_KEYS) {
      const text = fieldInput(form, mapping[element]);
      if (text !== null) fields[element] = text;
    }
  }
  return {
    target: edit.target,
    fields,
    facts: { amount: parseAmount(fieldInput(form, 'Amount') ?? ''), closeDate: isoDay(fieldInput(form, 'CloseDate') ?? '') },
  };
}

/**
 * An amount as typed, or null when it is empty or ambiguous ("50.000" may be fifty or fifty
 * thousand): the rules then treat the amount as unknown, which asks more of the handoff, not less.
 * A separator followed by one or two digits at the end is the decimal mark; others group thousands.
 */
export function parseAmount(text: string): number | null {
  const t = text.replace(/[^\d.,]/g, '');
  if (t === '') return null;
  const decimal = /^(.*?)[.,](\d{1,2})$/.exec(t);
  const whole = decimal ? (decimal[1] ?? '') : t;
  const groups = whole.split(/[.,]/);
  const separators = new Set(whole.replace(/\d/g, ''));
  if (!groups.every((g) => /^\d+$/.test(g)) || separators.size > 1) return null;
  if (decimal && separators.has(t.charAt(t.length - (decimal[2] ?? '').length - 1))) return null; // the same mark both ways
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0] ?? '') || !groups.slice(1).every((g) => g.length === 3))) return null;
  if (groups.length === 2 && !decimal) return null; // "50.000", "50,000": one group, either reading
  return Number(`${groups.join('')}${decimal ? `.${decimal[2]}` : ''}`);
}

/** A close date typed as an ISO day (YYYY-MM-DD); other formats depend on the user's locale: null. */
export function isoDay(text: string): string | null {
  const t = text.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : null;
}
