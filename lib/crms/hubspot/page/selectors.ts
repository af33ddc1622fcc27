/**
 * Every selector Baton uses on HubSpot's app pages, as fallback lists. The comment on each entry
 * says where it was seen: a public file, by its URL at the commit read and that version's year;
 * "guess" marks an entry no public source shows. HubSpot's test hooks
 * (data-test-id, data-selenium-test) are the most stable; styled-component class names change
 * with every HubSpot release and are never used. Nothing here depends on the UI language.
 */
import type { SelectorList } from '@/lib/crms/shared/page/selectorList';

/** The record page's left sidebar. */
export const LEFT_SIDEBAR: SelectorList = [
  '[data-test-id="left-sidebar"]', // https://github.com/SysAdminDoc/HubSpot-Ticket-Refined/blob/217c863/tests/userscript.test.mjs (2026)
  '#record-page-left-sidebar', // https://github.com/SysAdminDoc/HubSpot-Ticket-Refined/blob/217c863/tests/userscript.test.mjs (2026)
];

/** Where the badge goes: before the sidebar's property card, under the highlight. */
export const BADGE_ANCHOR: SelectorList = [
  '[data-test-id="about-card"]', // the "About this deal" card: guess from the sandbox fixture, not seen in a public source
  '[data-selenium-test="highlightTitle"]', // record title; https://github.com/toggl/track-extension/blob/34791e7/src/content/hubspot.js (2026); https://github.com/clockify/browser-extension/blob/fc4269c/src/integrations/hubspot.js (2026)
  '[data-test-id="highlight-record-label"]', // https://github.com/SysAdminDoc/HubSpot-Ticket-Refined/blob/217c863/tests/userscript.test.mjs (2026)
];

export const RECORD_TITLE: SelectorList = [
  '[data-selenium-test="highlightTitle"]', // https://github.com/toggl/track-extension/blob/34791e7/src/content/hubspot.js (2026); https://github.com/StephenShawBepoz/browserscripts/blob/42333f7/hubspot/status-prompt.user.js (2026)
  '[data-test-id="highlight-record-label"]', // https://github.com/SysAdminDoc/HubSpot-Ticket-Refined/blob/217c863/tests/userscript.test.mjs (2026)
  'div[data-selenium-test$="-highlight-details"] h3', // https://github.com/toggl/track-extension/blob/34791e7/src/content/hubspot.js (2026)
];

/** A property's editor: `{api}` is the property's internal name. */
export const PROPERTY_INPUT: SelectorList = [
  '[data-selenium-test="property-input-{api}"]', // https://github.com/clockify/browser-extension/blob/fc4269c/src/integrations/hubspot.js (2026)
];

/** An option of an open dropdown; data-option-value is the internal value (a stage id for the stage). */
export const DROPDOWN_OPTION: SelectorList = [
  '[role="option"][data-option-value]', // https://github.com/StephenShawBepoz/browserscripts/blob/42333f7/hubspot/status-prompt.user.js (2026)
];
export const OPTION_TEXT: SelectorList = ['[data-option-text]']; // https://github.com/StephenShawBepoz/browserscripts/blob/42333f7/hubspot/status-prompt.user.js (2026)

/** The record preview panel (a board card opened in place). */
export const PREVIEW_PANEL: SelectorList = [
  '[data-crm-location="CRM_OBJECT_PREVIEW"]', // https://github.com/Stickyto/sticky-connections-extension/blob/5f26a7a/src_dom_hooks/PLATFORMS/HUBSPOT.js (2026)
];
/** A link to a deal record, inside the preview panel or a card. */
export const DEAL_LINK: SelectorList = ['a[href*="/record/0-3/"]', 'a[href*="/deal/"]'];

/** The deals board. */
export const BOARD_COLUMN: SelectorList = [
  'div[data-test-id="cdb-column"]', // https://github.com/LuigiFerronatto/TimeMyTicket-v1/blob/10139b6/js/phaseManager.js (2025)
];
export const BOARD_COLUMN_NAME: SelectorList = [
  '[data-test-id="cdb-column-name"]', // https://github.com/LuigiFerronatto/TimeMyTicket-v1/blob/10139b6/js/phaseManager.js (2025)
];
/** A column's drop zone; react-beautiful-dnd names it with the droppable id (whether HubSpot's is the stage id: not seen). */
export const BOARD_DROPPABLE: SelectorList = ['[data-rbd-droppable-id]']; // react-beautiful-dnd's attribute, https://github.com/atlassian/react-beautiful-dnd/blob/24a8e60/src/view/data-attributes.js (2019)
export const BOARD_CARD: SelectorList = [
  'div[data-test-id="cdb-column-item"]', // the record id in data-selenium-id; https://github.com/LuigiFerronatto/TimeMyTicket-v1/blob/8528190/js/config.js (2025)
  '[data-test-id="cdb-card"]', // https://github.com/LuigiFerronatto/TimeMyTicket-v1/blob/56eabc0/css/styles.css (2025)
];
/** The drag handle of a card (react-beautiful-dnd), carrying the draggable id (the deal id). */
export const DRAG_HANDLE: SelectorList = [
  '[data-rbd-drag-handle-draggable-id]', // react-beautiful-dnd's attribute, https://github.com/atlassian/react-beautiful-dnd/blob/24a8e60/src/view/data-attributes.js (2019)
  '[data-rbd-draggable-id]', // HubSpot's cards carry it: https://github.com/LuigiFerronatto/TimeMyTicket-v1/blob/10139b6/js/phaseManager.js (2025)
];
/** The handle of one deal's card; `{api}` is the deal id, CSS-escaped. */
export const DRAG_HANDLE_OF_DEAL: SelectorList = [
  '[data-rbd-drag-handle-draggable-id="{api}"]', // react-beautiful-dnd's attribute, as DRAG_HANDLE
];
/** A card's selection checkbox (ticked cards are what bulk edit acts on when its dialog lists none). */
export const CARD_CHECKBOX: SelectorList = ['input[type="checkbox"]']; // guess from the sandbox fixture, not seen in a public source
/** The stage editor shows the current stage on its toggle button. */
export const STAGE_VALUE: SelectorList = ['button']; // the editor's only button: guess from the sandbox fixture, not seen in a public source

/** Bulk edit: the dialog, its property choice, its submit button, the records it edits. */
export const BULK_EDIT_SUBMIT: SelectorList = ['[data-selenium-test="bulk-edit-submit"]']; // guess from the sandbox fixture, not seen in a public source
export const BULK_EDIT_PROPERTY: SelectorList = ['select[data-selenium-test="bulk-edit-property"]']; // guess from the sandbox fixture, not seen in a public source
export const BULK_EDIT_RECORD: SelectorList = ['[data-selenium-id]']; // the records listed in the dialog: guess from the sandbox fixture, not seen in a public source
export const DIALOG: SelectorList = ['[role="dialog"]']; // https://github.com/StephenShawBepoz/browserscripts/blob/42333f7/hubspot/status-prompt.user.js (2026)

/** The stage dropdown, when HubSpot gives it no test hook: its label, in the languages we know. */
export const STAGE_LABELS = ['deal stage', 'dealphase', 'deal-phase', 'phase du deal', 'étape de la transaction', 'etapa del negocio', 'fase della trattativa', 'estágio do negócio', '取引ステージ'];

/** The listbox an option belongs to (WAI-ARIA listbox pattern, https://www.w3.org/WAI/ARIA/apg/patterns/listbox/). */
export const LISTBOX: SelectorList = ['[role="listbox"]'];
/** The button that opens a listbox names it in aria-owns or aria-controls; `{api}` is the listbox's id (same pattern). */
export const LISTBOX_OWNER: SelectorList = ['[aria-owns="{api}"]', '[aria-controls="{api}"]'];
/**
 * What takes the keys of an open dropdown and names its active option in aria-activedescendant
 * (WAI-ARIA combobox pattern, https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): the dropdown's
 * button, or the search field inside HubSpot's open dropdown (which shares the field's label:
 * https://github.com/StephenShawBepoz/browserscripts/blob/225f9aa/hubspot/status-prompt.user.js, 2026,
 * which reads the button's aria-owns, aria-controls, aria-expanded and aria-haspopup).
 */
export const LISTBOX_TRIGGER: SelectorList = ['[aria-haspopup="listbox"]', '[role="combobox"]'];
/** Where a Space key types a space (a dropdown's search field) rather than choosing an option (HTML). */
export const TEXT_ENTRY: SelectorList = ['textarea', 'input:not([type])', 'input[type="text"]', 'input[type="search"]', '[contenteditable="true"]'];

/**
 * The create-deal panel (a modal panel opened by "Create deal" on the deals index): a dialog whose
 * form has a field for the deal name and one for the deal stage. `{api}` is a property's internal name.
 */
export const CREATE_FIELD: SelectorList = [
  '[data-field="{api}"]', // ".private-form__control[data-field=dealname]", "input[data-field='amount']": https://github.com/sainramesh/POMFramework/blob/ed119df/src/main/java/com/qa/pages/NewDealPage.java (2020)
  '[data-selenium-test="property-input-{api}"]', // property-input-dealstage, -closedate, -dealtype in that form, same source (2020)
];
/** The panel's buttons that create (Create, and Create and add another). */
export const CREATE_SUBMIT: SelectorList = [
  '[data-button-use="primary"]', // ".p-bottom-1 [data-button-use=primary]", the Create button; same source (2020)
  'button[type="submit"]', // a form's submit buttons (HTML; Enter in a field clicks the first): guess, not seen in a public source for this panel
];

/** A row of the deals index in table view; its deal is the record its link points to. */
export const TABLE_ROW: SelectorList = [
  'tr[data-test-id^="row-"]', // https://github.com/ritaaaa7/hubspot-crm-data-extractor/blob/7dcaea0/contentScript.js (2026)
  '[role="row"]', // WAI-ARIA grid and table rows
  'tr', // any table row (HTML)
];
/** A table cell's inline editor (the popover the cell's edit button opens) and its Save: guess, not seen in a public source. */
export const INLINE_EDITOR: SelectorList = ['[role="dialog"]', 'form'];
export const INLINE_EDIT_SAVE: SelectorList = ['[data-button-use="primary"]', 'button[type="submit"]'];

/** The text editor inside a property's editor, whose value the page fallback reads. */
export const TEXT_INPUT: SelectorList = ['textarea', 'input'];
/**
 * Controls inside a board card that start no drag: react-beautiful-dnd's interactive child elements
 * (https://github.com/atlassian/react-beautiful-dnd/blob/master/docs/api/draggable.md, "Interactive child elements").
 */
export const NO_DRAG_CONTROL: SelectorList = ['input', 'button', 'textarea', 'select', 'option'];
