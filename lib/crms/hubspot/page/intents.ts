/**
 * Recognising, before HubSpot acts, that the rep is moving a deal to another stage:
 *  - an option picked in the deal stage dropdown (record sidebar, record preview panel) — before
 *    HubSpot opens its own required-properties dialog for that stage;
 *  - a board card dropped on another column, with the pointer or with the keyboard
 *    (react-beautiful-dnd: Space lifts, arrows move, Space or Enter drops);
 *  - Update in the bulk edit dialog with the deal stage chosen.
 * Stages are identified by the option's value (a stage id) or the column's name (a label, mapped
 * onto the portal's pipelines by the gate); nothing depends on the UI language.
 */
import { cleanText } from '@/lib/domain/text';
import type { StageTarget } from '@/lib/gate/stages';
import { closestAcross, onPath, queryAllFirst, queryFirst, textOf, missing } from '@/lib/crms/shared/page/dom';
import { withApiName } from '@/lib/crms/shared/page/selectorList';
import { hubspotDealFromUrl } from '../urls';
import { hubspot } from '../entry';
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
  LISTBOX,
  LISTBOX_OWNER,
  DRAG_HANDLE,
  DROPDOWN_OPTION,
  OPTION_TEXT,
  PREVIEW_PANEL,
  PROPERTY_INPUT,
  STAGE_LABELS,
  CARD_CHECKBOX,
} from './selectors';

export interface HubSpotMove {
  kind: 'stage-dropdown' | 'board-drop' | 'board-keyboard-drop' | 'bulk-edit';
  target: StageTarget;
  /** The deals moved (one, except for bulk edit). */
  dealIds: string[];
}

const STAGE_INPUT = withApiName(PROPERTY_INPUT, 'dealstage');

function dealIdFromLink(root: ParentNode): string | null {
  const href = queryFirst(root, DEAL_LINK)?.getAttribute('href') ?? '';
  return /\/(?:record\/0-3|deal)\/(\d{1,20})(?:[/?#]|$)/.exec(href)?.[1] ?? null;
}

/** The button that owns a listbox (aria-owns or aria-controls). */
function ownerOf(listbox: Element): Element | null {
  const id = listbox.id;
  if (!id) return null;
  const root = listbox.getRootNode() as Document | ShadowRoot;
  return root.querySelector(withApiName(LISTBOX_OWNER, CSS.escape(id)).join(', '));
}

/** Whether a dropdown button is the deal stage's: its property hook, else its label text. */
export function isStageDropdown(button: Element): boolean {
  if (closestAcross(button, STAGE_INPUT)) return true;
  const labelId = button.getAttribute('aria-labelledby');
  const label = labelId ? (button.getRootNode() as Document).getElementById?.(labelId) : null;
  const text = cleanText(label?.textContent ?? '').replace(/\*\s*$/, '').trim().toLowerCase();
  return STAGE_LABELS.includes(text);
}

/** A stage picked in the deal stage dropdown (sidebar or preview panel). */
export function recognizeOptionClick(event: Event, url: string): HubSpotMove | null {
  const option = onPath(event, DROPDOWN_OPTION);
  if (!option) return null;
  const listbox = closestAcross(option, LISTBOX);
  const button = listbox ? ownerOf(listbox) : null;
  if (!button || !isStageDropdown(button)) return null;
  if (closestAcross(button, DIALOG)) return null; // bulk edit: the value is only chosen here; Update moves
  const value = option.getAttribute('data-option-value');
  if (!value || option.getAttribute('aria-selected') === 'true') return null; // the current stage again
  const label = textOf(queryFirst(option, OPTION_TEXT) ?? option);
  const preview = closestAcross(button, PREVIEW_PANEL);
  const dealId = preview ? dealIdFromLink(preview) : (hubspotDealFromUrl(url)?.recordId ?? null);
  if (!dealId) {
    missing(hubspot, 'which deal this stage dropdown belongs to', preview ? DEAL_LINK : PREVIEW_PANEL);
    return null;
  }
  return { kind: 'stage-dropdown', target: { value, label }, dealIds: [dealId] };
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

/** The last stage picked in a bulk edit dialog: the dialog does not reflect it in an attribute. */
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
  const stage = bulkPick?.dialog === dialog ? bulkPick.stage : null;
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
