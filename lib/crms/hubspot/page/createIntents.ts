/**
 * HubSpot's create-deal panel (opened by "Create deal" on a deals index): recognising, before
 * HubSpot saves, that the rep creates a deal, and reading from the panel's own form what the gate
 * judges it on: the stage, the handoff properties (as mapped in Baton's settings; one the form does
 * not show is absent), the amount, the close date and the pipeline. The panel is a dialog whose
 * form has a deal name field and a deal stage field; Create and "Create and add another" submit it.
 */
import { ELEMENT_KEYS, type RawArtifact } from '@/lib/domain/elements';
import { parseDate } from '@/lib/domain/dates';
import type { StageTarget } from '@/lib/gate/stages';
import type { DealFacts } from '@/lib/rules/context';
import type { HubSpotMapping } from '@/lib/settings/schema';
import { closestAcross, missing, onPath, queryFirst } from '@/lib/crms/shared/page/dom';
import { withApiName } from '@/lib/crms/shared/page/selectorList';
import { hubspot } from '../entry';
import { shownValue } from './controls';
import { CREATE_FIELD, CREATE_SUBMIT, DIALOG, TEXT_INPUT } from './selectors';

export interface CreateOnPage {
  /** The button the rep clicked (Create, Create and add another): clicked again to let it happen. */
  submit: Element;
  /** The panel, whose handoff fields handoffFields() reads. */
  panel: Element;
  target: StageTarget;
  facts: DealFacts;
}

function field(panel: Element, property: string): Element | null {
  return queryFirst(panel, withApiName(CREATE_FIELD, CSS.escape(property)));
}

/** What a text field holds, or null when the form does not show it. */
function textIn(panel: Element, property: string): string | null {
  const el = field(panel, property);
  if (!el) return null;
  const input = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : el.querySelector(TEXT_INPUT.join(', '));
  if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) return input.value;
  return (el.textContent ?? '').trim();
}

/** An amount as typed: digits with an optional decimal point, thousands separated by commas or spaces, a currency sign around it. */
export function amountOf(text: string | null): number | null {
  const t = (text ?? '').replace(/[\s\u00a0\u202f]/g, '').replace(/^[^\d.,-]+|[^\d.,]+$/g, '');
  if (!/^-?\d{1,3}(?:,?\d{3})*(?:\.\d+)?$/.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** The handoff as typed into the panel's form, by the mapped property names; a property the form does not show is absent. */
export function handoffFields(panel: Element, mapping: HubSpotMapping): Partial<RawArtifact> {
  const fields: Partial<RawArtifact> = {};
  for (const element of ELEMENT_KEYS) {
    const value = textIn(panel, mapping[element]);
    if (value !== null) fields[element] = value;
  }
  return fields;
}

/** A create click on HubSpot's create-deal panel, with what its form holds now. */
export function recognizeCreate(event: Event): CreateOnPage | null {
  const submit = onPath(event, CREATE_SUBMIT);
  const panel = submit ? closestAcross(submit, DIALOG) : null;
  if (!submit || !panel || !field(panel, 'dealname')) return null;
  const stageField = field(panel, 'dealstage');
  const target = stageField ? shownValue(stageField) : null;
  if (!target) {
    missing(hubspot, 'the deal stage of the create-deal form', withApiName(CREATE_FIELD, 'dealstage'));
    return null;
  }
  const pipelineField = field(panel, 'pipeline');
  const pipeline = pipelineField ? shownValue(pipelineField)?.value : null;
  const closeDate = textIn(panel, 'closedate');
  return {
    submit,
    panel,
    target,
    facts: {
      amount: amountOf(textIn(panel, 'amount')),
      closeDate: closeDate ? parseDate(closeDate) : null,
      pipeline: pipeline ? { id: pipeline } : null,
    },
  };
}
