/**
 * The deals index in table view: a row's Deal stage edited in place. The cell's edit button opens
 * an editor (a popover) with the stage dropdown; Save in it moves the deal, or, where the editor
 * has no Save, the pick itself does. The row's deal is the record its link points to; the editor
 * belongs to the row it sits in, or to the row of the button that controls it (a popover drawn
 * elsewhere in the page).
 */
import type { StageTarget } from '@/lib/gate/stages';
import { closestAcross, missing, onPath, queryFirst } from '@/lib/crms/shared/page/dom';
import { hubspot } from '../entry';
import { STAGE_INPUT, dealIdFromLink, isStageDropdown, ownerOf, shownValue } from './controls';
import { DEAL_LINK, INLINE_EDITOR, INLINE_EDIT_SAVE, LISTBOX_TRIGGER, TABLE_ROW } from './selectors';

/** The table row an element belongs to: its own, or that of the button controlling its editor. */
function rowOf(el: Element): Element | null {
  const editor = closestAcross(el, INLINE_EDITOR);
  const owner = editor ? ownerOf(editor) : null;
  return closestAcross(el, TABLE_ROW) ?? (owner ? closestAcross(owner, TABLE_ROW) : null);
}

function rowDeal(row: Element): string | null {
  const dealId = dealIdFromLink(row);
  if (!dealId) missing(hubspot, 'the deal of a table row (its record link)', DEAL_LINK);
  return dealId;
}

/**
 * A stage picked in a stage dropdown of a table row: the row's deal when the pick saves at once,
 * 'saved-by-button' when its editor has a Save of its own (that click moves), null off a table.
 */
export function tableStagePick(button: Element): { dealId: string } | 'saved-by-button' | null {
  const row = rowOf(button);
  if (!row) return null;
  const editor = closestAcross(button, INLINE_EDITOR);
  if (editor && queryFirst(editor, INLINE_EDIT_SAVE)) return 'saved-by-button';
  const dealId = rowDeal(row);
  return dealId ? { dealId } : null;
}

/** The deal stage's dropdown in an editor: by its property hook, else by its label. */
function stageEditorIn(editor: Element): Element | null {
  const hooked = queryFirst(editor, STAGE_INPUT);
  if (hooked) return hooked;
  const trigger = queryFirst(editor, LISTBOX_TRIGGER);
  return trigger && isStageDropdown(trigger) ? trigger : null;
}

/** Save in a table cell's editor whose dropdown is the deal stage's. */
export function recognizeTableSave(event: Event): { save: Element; dealId: string; target: StageTarget } | null {
  const save = onPath(event, INLINE_EDIT_SAVE);
  const editor = save ? closestAcross(save, INLINE_EDITOR) : null;
  const stage = editor ? stageEditorIn(editor) : null;
  const row = editor ? rowOf(editor) : null;
  if (!save || !stage || !row) return null;
  const dealId = rowDeal(row);
  const target = shownValue(stage);
  return dealId && target ? { save, dealId, target } : null;
}
