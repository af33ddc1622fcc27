/**
 * Recognising, before HubSpot acts, that the rep is moving a deal to another stage:
 *  - an option chosen in the deal stage dropdown (record sidebar, record preview panel, a table
 *    row whose editor saves the pick at once), with a click or with the keyboard (Enter or Space
 *    on the active option) — before HubSpot opens its own required-properties dialog for that stage;
 *  - a board card dropped on another column, with the pointer or with the keyboard
 *    (react-beautiful-dnd: Space lifts, arrows move, Space or Enter drops);
 *  - Update in the bulk edit dialog with the deal stage chosen.
 * Save in a table row's stage editor is in tableIntents.ts, the create-deal panel in createIntents.ts.
 * Stages are identified by the option's value (a stage id) or the column's name (a label, mapped
 * onto the portal's pipelines by the gate); nothing depends on the UI language.
 */
import type { StageTarget } from '@/lib/gate/stages';
import { closestAcross, onPath, queryAllFirst, queryFirst, textOf, missing } from '@/lib/crms/shared/page/dom';
import { hubspotDealFromUrl } from '../urls';
import { hubspot } from '../entry';
import { STAGE_INPUT, dealIdFromLink, dropdownOf, isCurrentOption, isStageDropdown, optionTarget, shownValue } from './controls';
import { tableStagePick } from './tableIntents';
import {
  BOARD_CARD,
  BOARD_COLUMN,
  BOARD_COLUMN_NAME,
  BOARD_DROPPABLE,
  BULK_EDIT_PROPERTY,
  BULK_EDIT_RECORD,
  BULK_EDIT_SUBMIT,
  DEAL_LINK,
  DIALOG,
  DRAG_HANDLE,
  DROPDOWN_OPTION,
  OPTION_TEXT,
  PREVIEW_PANEL,
  CARD_CHECKBOX,
} from './selectors';

export interface HubSpotMove {
  kind: 'stage-dropdown' | 'board-drop' | 'board-keyboard-drop' | 'bulk-edit' | 'table-edit';
  target: StageTarget;
  /** The deals moved (one, except for bulk edit). */
  dealIds: string[];
}

/** A stage chosen in a deal stage dropdown that moves a deal at once: which deal, to which stage. */
export function recognizeStageChoice(option: Element, url: string): HubSpotMove | null {
  const button = dropdownOf(option);
  if (!button || !isStageDropdown(button)) return null;
  const target = optionTarget(option);
  if (!target.value || isCurrentOption(option, button)) return null; // the current stage again
  const preview = closestAcross(button, PREVIEW_PANEL);
  if (!preview) {
    const inTable = tableStagePick(button);
    if (inTable === 'saved-by-button') return null; // the editor's Save moves (tableIntents.ts)
    if (inTable) return { kind: 'table-edit', target, dealIds: [inTable.dealId] };
    if (closestAcross(button, DIALOG)) return null; // bulk edit, the create panel: the value is only chosen here; their submit acts
  }
  const dealId = preview ? dealIdFromLink(preview) : (hubspotDealFromUrl(url)?.recordId ?? null);
  if (!dealId) {
    missing(hubspot, 'which deal this stage dropdown belongs to', preview ? DEAL_LINK : PREVIEW_PANEL);
    return null;
  }
  return { kind: 'stage-dropdown', target, dealIds: [dealId] };
}

/** A stage picked with the pointer in the deal stage dropdown. */
export function recognizeOptionClick(event: Event, url: string): HubSpotMove | null {
  const option = onPath(event, DROPDOWN_OPTION);
  return option ? recognizeStageChoice(option, url) : null;
}

/** The stage a board column stands for: its droppable id when it is one, and its name. */
function columnTarget(column: Element): StageTarget {
  const nameEl = queryFirst(column, BOARD_COLUMN_NAME);
  if (!nameEl) missing(hubspot, 'the name of a board column', BOARD_COLUMN_NAME);
  return { value: queryFirst(column, BOARD_DROPPABLE)?.getAttribute('data-rbd-droppable-id') ?? null, label: textOf(nameEl) };
}

/** The board column under a point, looking past the dragged card itself (`exclude`). */
export function columnAtPoint(x: number, y: number, exclude: Element | null = null, doc: Document = document): Element | null {
  for (const el of doc.elementsFromPoint(x, y)) {
    if (exclude && (exclude === el || exclude.contains(el))) continue;
    const column = closestAcross(el, BOARD_COLUMN);
    if (column) return column;
  }
  return null;
}

export function handleDealId(handle: Element): string | null {
  const id = handle.getAttribute('data-rbd-drag-handle-draggable-id') ?? handle.getAttribute('data-rbd-draggable-id');
  if (id && /^\d{1,20}$/.test(id)) return id;
  const card = closestAcross(handle, BOARD_CARD);
  return card?.getAttribute('data-selenium-id') ?? null;
}

export function dragHandleOf(event: Event): Element | null {
  return onPath(event, DRAG_HANDLE);
}

/** A card released over `column`; null when it is its own column (or no column). */
export function recognizeBoardDrop(handle: Element, column: Element | null, keyboard: boolean): HubSpotMove | null {
  if (!column) return null;
  const home = closestAcross(handle, BOARD_COLUMN);
  if (home === column) return null;
  const dealId = handleDealId(handle);
  if (!dealId) {
    missing(hubspot, 'the deal id of a board card', DRAG_HANDLE);
    return null;
  }
  return { kind: keyboard ? 'board-keyboard-drop' : 'board-drop', target: columnTarget(column), dealIds: [dealId] };
}

/** The last stage picked with the pointer in a bulk edit dialog, for a dropdown that does not show it. */
let bulkPick: { dialog: Element; stage: StageTarget } | null = null;

export function trackBulkPick(event: Event): void {
  const option = onPath(event, DROPDOWN_OPTION);
  const dialog = option ? closestAcross(option, DIALOG) : null;
  if (!option || !dialog || !queryFirst(dialog, BULK_EDIT_PROPERTY)) return;
  bulkPick = { dialog, stage: { value: option.getAttribute('data-option-value'), label: textOf(queryFirst(option, OPTION_TEXT) ?? option) } };
}

/** Update in the bulk edit dialog, when the property being set is the deal stage. */
export function recognizeBulkUpdate(event: Event, doc: Document = document): HubSpotMove | null {
  const submit = onPath(event, BULK_EDIT_SUBMIT);
  const dialog = submit ? closestAcross(submit, DIALOG) : null;
  if (!dialog) return null;
  const property = queryFirst(dialog, BULK_EDIT_PROPERTY) as HTMLSelectElement | null;
  if (property?.value !== 'dealstage') return null;
  // The value the dialog's stage dropdown shows, however it was chosen (pointer or keyboard); the
  // last pick when the button shows none.
  const editor = queryFirst(dialog, STAGE_INPUT);
  const shown = editor ? shownValue(editor) : null;
  const stage = shown?.label ? shown : bulkPick?.dialog === dialog ? bulkPick.stage : null;
  if (!stage) return null; // no value chosen: HubSpot itself refuses
  let ids = queryAllFirst(dialog, BULK_EDIT_RECORD).map((el) => el.getAttribute('data-selenium-id') ?? '');
  if (ids.length === 0) {
    // The dialog does not list them: the cards whose checkbox is ticked on the board.
    ids = queryAllFirst(doc, BOARD_CARD)
      .filter((card) => (queryFirst(card, CARD_CHECKBOX) as HTMLInputElement | null)?.checked)
      .map((card) => card.getAttribute('data-selenium-id') ?? '');
  }
  ids = ids.filter((id) => /^\d{1,20}$/.test(id));
  return ids.length === 0 ? null : { kind: 'bulk-edit', target: stage, dealIds: ids };
}
