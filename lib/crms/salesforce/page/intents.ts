/**
 * Recognising, from a click or a drop the page is about to act on, that the rep is moving an
 * Opportunity to another stage, and to which. Every UI path Salesforce offers:
 *  - the Path's action button ("Mark Stage as Complete" on the current stage, "Mark as Current
 *    Stage" on a selected one),
 *  - Save in the closed-stage modal the Path opens (the "Closed" chevron, "Select Closed Stage",
 *    or "Mark Stage as Complete" on the last open stage),
 *  - Save of the record form with the Stage picklist in edit mode (inline edit, Edit modal),
 *  - a Kanban card dropped into another column.
 * Recognition reads classes, attributes and structure only; labels are translated, so they are
 * never what decides that something is a stage move (only, at most, which stage a label names).
 */
import { missing, onPath, closestAcross, queryFirst, textOf } from '@/lib/crms/shared/page/dom';
import type { StageTarget } from '@/lib/gate/stages';
import { readPath } from './reading';
import { salesforce } from '../entry';
import {
  CLOSED_STAGE_SAVE,
  CLOSED_STAGE_SELECT,
  COMBOBOX_BUTTON,
  COMBOBOX_OPTION,
  KANBAN_CARD,
  KANBAN_CARD_LINK,
  KANBAN_COLUMN,
  KANBAN_COLUMN_LABEL,
  PAGE_MODAL,
  PATH,
  PATH_ACTION,
  RECORD_FIELD,
  RECORD_FORM_SAVE,
  withApiName,
  COMBOBOX_OPTION_LABEL,
} from './selectors';

export type MoveKind = 'path-action' | 'closed-stage-save' | 'inline-edit-save' | 'edit-modal-save' | 'kanban-drop';

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

const STAGE_FIELD = withApiName(RECORD_FIELD, 'StageName');

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

/** Save of the record form (inline edit or the Edit modal) while Stage is being edited. */
function recordFormSave(event: Event, page: Element | null): SalesforceMove | null {
  const button = onPath(event, RECORD_FORM_SAVE);
  if (!button) return null;
  const modal = closestAcross(button, PAGE_MODAL);
  const form = modal ?? page;
  if (!form) return null;
  const field = queryFirst(form, STAGE_FIELD);
  const combobox = field ? queryFirst(field, COMBOBOX_BUTTON) : null;
  if (!field || !combobox) return null; // Stage is not being edited: not a stage move
  const picked = lastStagePick?.field === field ? lastStagePick.stage : null;
  const value = combobox.getAttribute('data-value') ?? picked?.value ?? null;
  const label = textOf(combobox) || picked?.label || '';
  return {
    kind: modal ? 'edit-modal-save' : 'inline-edit-save',
    target: { stage: { value, label } },
    element: button,
    recordId: null,
    form,
  };
}

/** The move a click is about to make, or null when the click is not a stage move. */
export function recognizeClick(event: Event, page: Element | null): SalesforceMove | null {
  return pathAction(event) ?? closedStageSave(event) ?? recordFormSave(event, page);
}

const OPPORTUNITY_ID = /^006[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

/** The Opportunity id of a Kanban card: a class on `.pipelineViewCard`, or its link. */
export function kanbanCardRecordId(card: Element): string | null {
  const inner = card.matches(KANBAN_CARD[0] ?? '') ? card : (queryFirst(card, KANBAN_CARD) ?? card);
  for (const c of inner.classList) if (OPPORTUNITY_ID.test(c)) return c;
  const href = queryFirst(card, KANBAN_CARD_LINK)?.getAttribute('href') ?? '';
  const m = /\/(006[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)(?:\/|$)/.exec(href);
  return m?.[1] ?? null;
}

/** A Kanban card dropped on a column: the column's header names the stage (translated label). */
export function recognizeDrop(event: Event, dragged: Element | null): SalesforceMove | null {
  if (!dragged) return null;
  const column = onPath(event, KANBAN_COLUMN);
  if (!column) return null;
  if (column.contains(dragged)) return null; // dropped back where it was
  const recordId = kanbanCardRecordId(dragged);
  if (!recordId) {
    missing(salesforce, 'the opportunity id of the dragged Kanban card', KANBAN_CARD);
    return null;
  }
  const header = queryFirst(column, KANBAN_COLUMN_LABEL);
  if (!header) missing(salesforce, 'the stage name of a Kanban column', KANBAN_COLUMN_LABEL);
  const label = header?.getAttribute('title') ?? textOf(header);
  const target = event.target instanceof Element ? event.target : column;
  return { kind: 'kanban-drop', target: { stage: { value: null, label } }, element: target, recordId, form: null };
}
