/**
 * Every selector Baton uses on HubSpot's app pages, as fallback lists with where each was seen
 * (sources: shared/reference/crm-surfaces.md §D2, cited as there). HubSpot's test hooks
 * (data-test-id, data-selenium-test) are the most stable; styled-component class names change
 * with every HubSpot release and are never used. Nothing here depends on the UI language.
 */
import type { SelectorList } from '@/lib/crms/shared/page/selectorList';

/** The record page's left sidebar. */
export const LEFT_SIDEBAR: SelectorList = [
  '[data-test-id="left-sidebar"]', // idx 25316772202, idx 68970398436
  '#record-page-left-sidebar', // idx 25316772202
];

/** Where the badge goes: before the sidebar's property card, under the highlight. */
export const BADGE_ANCHOR: SelectorList = [
  '[data-test-id="about-card"]', // the "About this deal" card (UNVERIFIED hook name; the fixture's)
  '[data-selenium-test="highlightTitle"]', // record title (Toggl, Clockify, userscripts: S3, H1)
  '[data-test-id="highlight-record-label"]', // "HubSpot UI (2024+)"; idx 25467394719
];

export const RECORD_TITLE: SelectorList = [
  '[data-selenium-test="highlightTitle"]', // S3, H1, idx 3032765293
  '[data-test-id="highlight-record-label"]', // idx 25467394719
  'div[data-selenium-test$="-highlight-details"] h3', // S3
];

/** A property's editor: `{api}` is the property's internal name. */
export const PROPERTY_INPUT: SelectorList = [
  '[data-selenium-test="property-input-{api}"]', // idx 10567279095, idx 23072946201, idx 22342572531
];

/** An option of an open dropdown; data-option-value is the internal value (a stage id for the stage). */
export const DROPDOWN_OPTION: SelectorList = [
  '[role="option"][data-option-value]', // H1 status-prompt.user.js
];
export const OPTION_TEXT: SelectorList = ['[data-option-text]']; // H1

/** The record preview panel (a board card opened in place). */
export const PREVIEW_PANEL: SelectorList = [
  '[data-crm-location="CRM_OBJECT_PREVIEW"]', // idx 31767287918
];
/** A link to a deal record, inside the preview panel or a card. */
export const DEAL_LINK: SelectorList = ['a[href*="/record/0-3/"]', 'a[href*="/deal/"]'];

/** The deals board. */
export const BOARD_COLUMN: SelectorList = [
  'div[data-test-id="cdb-column"]', // idx 42088097, idx 34251119248
];
export const BOARD_COLUMN_NAME: SelectorList = [
  '[data-test-id="cdb-column-name"]', // idx 42088097, idx 34251119248
];
/** A column's drop zone; react-beautiful-dnd names it with the droppable id (a stage id? UNVERIFIED). */
export const BOARD_DROPPABLE: SelectorList = ['[data-rbd-droppable-id]']; // idx 11099314863 (draggables), rbd convention
export const BOARD_CARD: SelectorList = [
  'div[data-test-id="cdb-column-item"]', // idx 42088097, idx 25152120123: record id in data-selenium-id
  '[data-test-id="cdb-card"]', // idx 40444539979
];
/** The drag handle of a card (react-beautiful-dnd), carrying the draggable id (the deal id). */
export const DRAG_HANDLE: SelectorList = [
  '[data-rbd-drag-handle-draggable-id]', // rbd convention; idx 11099314863, idx 834524924
  '[data-rbd-draggable-id]', // idx 11099314863
];
/** The handle of one deal's card; `{api}` is the deal id, CSS-escaped. */
export const DRAG_HANDLE_OF_DEAL: SelectorList = [
  '[data-rbd-drag-handle-draggable-id="{api}"]', // rbd convention, as DRAG_HANDLE
];
/** A card's selection checkbox (ticked cards are what bulk edit acts on when its dialog lists none). */
export const CARD_CHECKBOX: SelectorList = ['input[type="checkbox"]']; // UNVERIFIED (the fixture's)
/** The stage editor shows the current stage on its toggle button. */
export const STAGE_VALUE: SelectorList = ['button']; // the fixture's (UNVERIFIED: the editor's only button)

/** Bulk edit: the dialog, its property choice, its submit button, the records it edits. */
export const BULK_EDIT_SUBMIT: SelectorList = ['[data-selenium-test="bulk-edit-submit"]']; // UNVERIFIED (the fixture's)
export const BULK_EDIT_PROPERTY: SelectorList = ['select[data-selenium-test="bulk-edit-property"]']; // UNVERIFIED
export const BULK_EDIT_RECORD: SelectorList = ['[data-selenium-id]']; // the records listed in the dialog (UNVERIFIED)
export const DIALOG: SelectorList = ['[role="dialog"]']; // idx 45707228675

/** The stage dropdown, when HubSpot gives it no test hook: its label, in the languages we know. */
export const STAGE_LABELS = ['deal stage', 'dealphase', 'deal-phase', 'phase du deal', 'étape de la transaction', 'etapa del negocio', 'fase della trattativa', 'estágio do negócio', '取引ステージ'];

/** The listbox an option belongs to (WAI-ARIA listbox pattern, https://www.w3.org/WAI/ARIA/apg/patterns/listbox/). */
export const LISTBOX: SelectorList = ['[role="listbox"]'];
/** The button that opens a listbox names it in aria-owns or aria-controls; `{api}` is the listbox's id (same pattern). */
export const LISTBOX_OWNER: SelectorList = ['[aria-owns="{api}"]', '[aria-controls="{api}"]'];
/** The text editor inside a property's editor, whose value the page fallback reads. */
export const TEXT_INPUT: SelectorList = ['textarea', 'input'];
/**
 * Controls inside a board card that start no drag: react-beautiful-dnd's interactive child elements
 * (https://github.com/atlassian/react-beautiful-dnd/blob/master/docs/api/draggable.md, "Interactive child elements").
 */
export const NO_DRAG_CONTROL: SelectorList = ['input', 'button', 'textarea', 'select', 'option'];
