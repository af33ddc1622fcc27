/**
 * Reading HubSpot's controls the way every path to a stage needs them: a dropdown (a button that
 * owns a listbox of options whose data-option-value is the internal value), the option a click or
 * a key press chooses, the value a dropdown shows, and the deal a link points to. By attributes,
 * structure and values; a label is only ever compared with the same dropdown's own options.
 */
import { cleanText } from '@/lib/domain/text';
import { normalizeLabel, type StageTarget } from '@/lib/gate/stages';
import { closestAcross, onPath, queryAllFirst, queryFirst, textOf } from '@/lib/crms/shared/page/dom';
import { withApiName } from '@/lib/crms/shared/page/selectorList';
import { DEAL_LINK, DROPDOWN_OPTION, LISTBOX, LISTBOX_OWNER, LISTBOX_TRIGGER, OPTION_TEXT, PROPERTY_INPUT, STAGE_LABELS, TEXT_ENTRY } from './selectors';

export const STAGE_INPUT = withApiName(PROPERTY_INPUT, 'dealstage');

/** The deal a record link inside `root` points to. */
export function dealIdFromLink(root: ParentNode): string | null {
  const href = queryFirst(root, DEAL_LINK)?.getAttribute('href') ?? '';
  return /\/(?:record\/0-3|deal)\/(\d{1,20})(?:[/?#]|$)/.exec(href)?.[1] ?? null;
}

function rootOf(el: Element): Document | ShadowRoot {
  return el.getRootNode() as Document | ShadowRoot;
}

/** The button that owns a popup (a listbox, a popover) through aria-owns or aria-controls. */
export function ownerOf(popup: Element): Element | null {
  const id = popup.id;
  if (!id) return null;
  return rootOf(popup).querySelector(withApiName(LISTBOX_OWNER, CSS.escape(id)).join(', '));
}

/** The listbox a dropdown button opens. */
function listboxOf(button: Element): Element | null {
  for (const attribute of ['aria-owns', 'aria-controls']) {
    const id = button.getAttribute(attribute);
    const el = id ? rootOf(button).getElementById?.(id) : null;
    if (el) return el;
  }
  return null;
}

/** The dropdown button an option belongs to. */
export function dropdownOf(option: Element): Element | null {
  const listbox = closestAcross(option, LISTBOX);
  return listbox ? ownerOf(listbox) : null;
}

/** Whether a dropdown button is the deal stage's: its property hook, else its label text. */
export function isStageDropdown(button: Element): boolean {
  if (closestAcross(button, STAGE_INPUT)) return true;
  const labelId = button.getAttribute('aria-labelledby');
  const label = labelId ? rootOf(button).getElementById?.(labelId) : null;
  const text = cleanText(label?.textContent ?? '').replace(/\*\s*$/, '').trim().toLowerCase();
  return STAGE_LABELS.includes(text);
}

/** What an option stands for: its internal value and its label. */
export function optionTarget(option: Element): StageTarget {
  return { value: option.getAttribute('data-option-value'), label: textOf(queryFirst(option, OPTION_TEXT) ?? option) };
}

/**
 * Whether an option is the value its dropdown holds already (choosing it again moves nothing).
 * aria-selected alone cannot say: in the WAI-ARIA select-only combobox it marks the option being
 * looked at, not the value; the value is what the button shows.
 */
export function isCurrentOption(option: Element, button: Element): boolean {
  const shown = normalizeLabel(textOf(button));
  return option.getAttribute('aria-selected') === 'true' && shown !== '' && shown === normalizeLabel(optionTarget(option).label);
}

/**
 * The option a key press chooses: Enter or Space with focus on an option (a listbox that takes
 * focus), or on the button or search field whose list is open and whose active option is named by
 * aria-activedescendant (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Space in a text
 * field types a space.
 */
export function optionChosenByKey(event: KeyboardEvent): Element | null {
  if ((event.key !== 'Enter' && event.key !== ' ') || event.altKey || event.ctrlKey || event.metaKey) return null;
  const option = onPath(event, DROPDOWN_OPTION);
  if (option) return option;
  const trigger = onPath(event, LISTBOX_TRIGGER);
  if (!trigger || (event.key === ' ' && onPath(event, TEXT_ENTRY))) return null;
  const listbox = listboxOf(trigger);
  if (trigger.getAttribute('aria-expanded') !== 'true' && !(listbox && isShown(listbox))) return null;
  const activeId = trigger.getAttribute('aria-activedescendant') ?? listbox?.getAttribute('aria-activedescendant');
  const active = activeId ? rootOf(trigger).getElementById?.(activeId) : null;
  return active?.matches(DROPDOWN_OPTION.join(', ')) ? active : null;
}

function isShown(el: Element): boolean {
  return el instanceof HTMLElement ? !el.hidden && el.getClientRects().length > 0 : true;
}

/** The last option chosen in each dropdown, for when its list is not in the page once closed. */
const picks = new WeakMap<Element, StageTarget>();

export function rememberPick(option: Element): void {
  const button = dropdownOf(option);
  if (button) picks.set(button, optionTarget(option));
}

/**
 * The value a dropdown shows (`editor`: the property's editor or the button itself): the button's
 * text (as https://github.com/StephenShawBepoz/browserscripts/blob/225f9aa/hubspot/status-prompt.user.js,
 * 2026, reads a field's value), and its internal value when one of its own options carries that
 * label, or it was just picked there.
 */
export function shownValue(editor: Element): StageTarget | null {
  const button = editor.matches(LISTBOX_TRIGGER.join(', ')) ? editor : queryFirst(editor, LISTBOX_TRIGGER);
  if (!button) return null;
  const label = textOf(button);
  const wanted = normalizeLabel(label);
  const listbox = listboxOf(button);
  const match = listbox ? queryAllFirst(listbox, DROPDOWN_OPTION).find((o) => normalizeLabel(optionTarget(o).label) === wanted) : undefined;
  if (match) return { value: match.getAttribute('data-option-value'), label };
  const picked = picks.get(button);
  if (picked && normalizeLabel(picked.label) === wanted) return picked;
  return { value: null, label };
}
