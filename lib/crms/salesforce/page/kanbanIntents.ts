/**
 * Recognising a move on the Opportunity Kanban board: a card dropped on another column with the
 * pointer (HTML drag and drop), or moved with the keyboard. The cards are Aura ui:draggable's:
 * Space on a card opens a menu of the other columns (ui:dragAndDropAccessibilityMenu), where
 * Space, Enter or a click drops it (sources in selectors.ts). Columns and menu items are named by
 * the stage's translated label: it names the stage, it never decides that something is a move.
 */
import { missing, onPath, queryAllFirst, queryFirst, textOf } from '@/lib/crms/shared/page/dom';
import { isOpportunityId } from '../urls';
import { salesforce } from '../entry';
import type { SalesforceMove } from './intents';
import { KANBAN_CARD, KANBAN_CARD_LINK, KANBAN_COLUMN, KANBAN_COLUMN_LABEL, KANBAN_DROP_MENU_ITEM, KANBAN_GRABBED_CARD } from './selectors';

/** The Opportunity id of a Kanban card: a class on `.pipelineViewCard`, or its link. */
export function kanbanCardRecordId(card: Element): string | null {
  const inner = card.matches(KANBAN_CARD[0] ?? '') ? card : (queryFirst(card, KANBAN_CARD) ?? card);
  for (const c of inner.classList) if (isOpportunityId(c)) return c;
  const href = queryFirst(card, KANBAN_CARD_LINK)?.getAttribute('href') ?? '';
  const m = /\/(006[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)(?:\/|$)/.exec(href);
  return m?.[1] ?? null;
}

/** The card of `recordId` on the board as it is now (Lightning re-renders cards after a move). */
export function kanbanCardOf(recordId: string): Element | null {
  return queryAllFirst(document, KANBAN_CARD).find((card) => kanbanCardRecordId(card) === recordId) ?? null;
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

/** The card last picked up with Space (keydown, capture phase); the menu it opens drops it. */
let pickedUp: Element | null = null;

/** Call on every keydown: remembers a card picked up with the keyboard. */
export function trackKanbanPickUp(event: KeyboardEvent): void {
  if (event.key !== ' ') return;
  const card = onPath(event, KANBAN_CARD);
  if (card) pickedUp = card;
}

/** The card being moved with the keyboard: it says so (aria-grabbed), the one picked up first. */
function grabbedCard(): Element | null {
  if (pickedUp?.isConnected && pickedUp.matches(KANBAN_GRABBED_CARD.join(', '))) return pickedUp;
  return queryFirst(document, KANBAN_GRABBED_CARD);
}

/** Keys that choose a menu item (ui:menuItem: Space; Enter clicks the link). */
const CHOOSE_KEYS = new Set([' ', 'Enter']);

/**
 * A column chosen in the menu a card picked up with the keyboard opens: a click on its item, or
 * Space / Enter on it. The item's text is the column's stage label.
 */
export function recognizeKanbanMenuPick(event: Event): SalesforceMove | null {
  if (event instanceof KeyboardEvent && !CHOOSE_KEYS.has(event.key)) return null;
  const item = onPath(event, KANBAN_DROP_MENU_ITEM);
  if (!item) return null;
  const card = grabbedCard();
  if (!card) return null; // some other menu
  const recordId = kanbanCardRecordId(card);
  if (!recordId) {
    missing(salesforce, 'the opportunity id of the Kanban card moved with the keyboard', KANBAN_CARD);
    return null;
  }
  const label = textOf(item) || (item.getAttribute('title') ?? '');
  return { kind: 'kanban-menu', target: { stage: { value: null, label } }, element: item, recordId, form: null };
}

/** The menu item naming `label`, once the menu is open. */
export function kanbanMenuItem(label: string): Element | null {
  return queryAllFirst(document, KANBAN_DROP_MENU_ITEM).find((item) => (textOf(item) || item.getAttribute('title')) === label) ?? null;
}
