/**
 * Recognising, from a click or a drop the page is about to act on, that the rep is moving an
 * Opportunity to another stage, and to which. Every UI path Salesforce offers:
 *  - the Path's action button ("Mark Stage as Complete" on the current stage, "Mark as Current
 *    Stage" on a selected one),
 *  - Save in the closed-stage modal the Path opens (the "Closed" chevron, "Select Closed Stage",
 *    or "Mark Stage as Complete" on the last open stage),
 *  - Save of the record form with the Stage picklist in edit mode (inline edit, Edit modal): a click
 *    on Save, or the form's submit (Enter in a field),
 *  - a Kanban card moved to another column (kanbanIntents.ts), a list view's inline edit
 *    (listIntents.ts), and the New form (createIntents.ts).
 * Recognition reads classes, attributes and structure only; labels are translated, so they are
 * never what decides that something is a stage move (only, at most, which stage a label names).
 */
import { missing, onPath, closestAcross, queryDeep, queryFirst, textOf } from '@/lib/crms/shared/page/dom';
import type { StageTarget } from '@/lib/gate/stages';
import { readPath } from './reading';
import { salesforce } from '../entry';
import {
  CLOSED_STAGE_SAVE,
  CLOSED_STAGE_SELECT,
  COMBOBOX_BUTTON,
  COMBOBOX_CHECKED_OPTION,
  COMBOBOX_OPTION,
  PAGE_MODAL,
  PATH,
  PATH_ACTION,
  RECORD_FIELD,
  RECORD_FORM_SAVE,
  withApiName,
  COMBOBOX_OPTION_LABEL,
} from './selectors';

export type MoveKind = 'path-action' | 'closed-stage-save' | 'inline-edit-save' | 'edit-modal-save' | 'kanban-drop' | 'kanban-menu';

/** Where a move goes: a stage, or "the next stage is the collapsed Closed chevron". */
export type MoveTarget = { stage: StageTarget } | { collapsedClosed: true };

export interface SalesforceMove {
  kind: MoveKind;
  target: MoveTarget;
  /** What the rep acted on: acting on it again repeats the move. */
  element: Element;
  /** The Opportunity moved, when it is not the page's own record (a Kanban card). */
  recordId: string | null;
  /** The page's own edit form, to read what the rep typed into it; null when there is none. */
  form: Element | null;
}

export const STAGE_FIELD = withApiName(RECORD_FIELD, 'StageName');

/** The Path's action button: which stage it moves the record to. */
function pathAction(event: Event): SalesforceMove | null {
  const button = onPath(event, PATH_ACTION);
  if (!button) return null;
  const root = closestAcross(button, PATH);
  if (!root) {
    missing(salesforce, 'the Path around its action button', PATH);
    return null;
  }
  const { stages } = readPath(root);
  const selected = stages.find((s) => s.selected) ?? stages.find((s) => s.current);
  if (!selected || selected.closedChevron) return null; // "Select Closed Stage" only opens the modal
  let destination = selected;
  if (selected.current) {
    const next = stages[stages.indexOf(selected) + 1];
    if (!next) return null;
    if (next.closedChevron) return { kind: 'path-action', target: { collapsedClosed: true }, element: button, recordId: null, form: null };
    destination = next;
  }
  if (destination.current) return null;
  return {
    kind: 'path-action',
    target: { stage: { value: destination.value || null, label: destination.label } },
    element: button,
    recordId: null,
    form: null,
  };
}

/** Save in the closed-stage modal, with the stage chosen in its picklist. */
function closedStageSave(event: Event): SalesforceMove | null {
  const button = onPath(event, CLOSED_STAGE_SAVE) ?? onPath(event, ['button[title="Save"]']);
  if (!button) return null;
  const modal = closestAcross(button, PAGE_MODAL);
  const select = modal ? (queryFirst(modal, CLOSED_STAGE_SELECT) as HTMLSelectElement | null) : null;
  if (!select) return null;
  if (select.value === '') return null; // "--None--": Salesforce itself refuses
  const option = select.selectedOptions[0];
  return {
    kind: 'closed-stage-save',
    target: { stage: { value: select.value, label: option ? textOf(option) : select.value } },
    element: button,
    recordId: null,
    form: modal,
  };
}

/** The last option the rep picked in a Stage picklist: LWC does not always reflect it in an attribute. */
let lastStagePick: { field: Element; stage: StageTarget } | null = null;

/** Call on every click (capture phase): remembers Stage picklist choices. */
export function trackStagePick(event: Event): void {
  const option = onPath(event, COMBOBOX_OPTION);
  if (!option) return;
  const field = closestAcross(option, STAGE_FIELD);
  if (!field) return;
  const title = queryFirst(option, COMBOBOX_OPTION_LABEL)?.getAttribute('title');
  lastStagePick = { field, stage: { value: option.getAttribute('data-value'), label: title ?? textOf(option) } };
}

/**
 * The stage chosen in a Stage picklist in edit mode, or null when the field is not in edit mode or
 * nothing is chosen ("--None--"). The option marked chosen comes first (it is there however the rep
 * chose: a click, the arrows and Enter); then what the button shows; then the option clicked.
 * Looks through open shadow roots: in native shadow the button is inside lightning-base-combobox's.
 */
export function readStagePicklist(field: Element): StageTarget | null {
  const combobox = queryDeep(field, COMBOBOX_BUTTON);
  if (!combobox) return null;
  const checked = queryDeep(field, COMBOBOX_CHECKED_OPTION);
  if (checked) {
    const title = queryFirst(checked, COMBOBOX_OPTION_LABEL)?.getAttribute('title');
    return { value: checked.getAttribute('data-value'), label: title ?? textOf(checked) };
  }
  const picked = lastStagePick?.field === field ? lastStagePick.stage : null;
  const shown = combobox.getAttribute('data-value');
  if (shown === '') return picked; // the placeholder ("--None--") is showing
  const value = shown ?? picked?.value ?? null;
  const label = textOf(combobox) || picked?.label || '';
  return value === null && label === '' ? null : { value, label };
}

/** The Stage field of a form and what is chosen in it, when Stage is in edit mode there. */
export function stageEditIn(form: Element): { field: Element; target: StageTarget } | null {
  const field = queryDeep(form, STAGE_FIELD);
  const target = field ? readStagePicklist(field) : null;
  return field && target ? { field, target } : null;
}

function formSave(kindOf: (modal: Element | null) => MoveKind, form: Element, element: Element): SalesforceMove | null {
  const edit = stageEditIn(form);
  if (!edit) return null; // Stage is not being edited: not a stage move
  const modal = closestAcross(element, PAGE_MODAL);
  return { kind: kindOf(modal), target: { stage: edit.target }, element, recordId: null, form };
}

const editKind = (modal: Element | null): MoveKind => (modal ? 'edit-modal-save' : 'inline-edit-save');

/** Save of the record form (inline edit or the Edit modal) while Stage is being edited. */
function recordFormSave(event: Event, page: Element | null): SalesforceMove | null {
  const button = onPath(event, RECORD_FORM_SAVE);
  if (!button) return null;
  const form = closestAcross(button, PAGE_MODAL) ?? page;
  return form ? formSave(editKind, form, button) : null;
}

/** The move a click is about to make, or null when the click is not a stage move. */
export function recognizeClick(event: Event, page: Element | null): SalesforceMove | null {
  return pathAction(event) ?? closedStageSave(event) ?? recordFormSave(event, page);
}

/**
 * The record form submitted (Enter in one of its fields; a lightning-button of type submit calls
 * form.requestSubmit(): lightning-base-components@1.28.15-alpha src/lightning/button/button.js,
 * 2026) while Stage is being edited. `element` is the form: submitting it again repeats the move.
 */
export function recognizeSubmit(event: Event): SalesforceMove | null {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return null;
  const modal = closestAcross(form, PAGE_MODAL);
  const move = formSave(editKind, form, form);
  return move && { ...move, form: modal ?? form };
}
