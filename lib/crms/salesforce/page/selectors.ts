/**
 * Every selector Baton uses on Salesforce Lightning pages, in one place. Salesforce does not
 * document this DOM and changes it between releases and orgs, so each is a fallback list tried
 * in order; the comment on each entry says which variant it is and where / when it was seen
 * (sources: shared/reference/crm-surfaces.md, cited as there). Code that needs one of these and
 * finds nothing says so in the console (lib/crms/shared/page/dom.ts `missing`) instead of doing nothing.
 *
 * None of them depends on the language of the org: labels are translated, so elements are found
 * by class, attribute and structure, and stages by their API value (data-name, data-value).
 */

import type { SelectorList } from '@/lib/crms/shared/page/selectorList';

export { withApiName, type SelectorList } from '@/lib/crms/shared/page/selectorList';

/** The page container Lightning shows; earlier pages stay in the DOM, hidden, without `active`. */
export const ACTIVE_PAGE: SelectorList = [
  'div.windowViewMode-normal.oneContent.active.lafPageHost', // standard navigation app; idx 28243436210, 2024
  'div.windowViewMode-maximized.oneContent.active.lafPageHost', // full-width record pages; S5 (thumbtack org), 2024
  'div.windowViewMode-maximized.active.lafPageHost', // same, without oneContent; S5
  'div.split-right > .tabContent.active.oneConsoleTab', // console apps, focused subtab; idx 42522624796
  'section.tabContent.active.oneConsoleTab', // console apps, other layout; S9, 2025
];

/** The stage Path component (Aura `runtime_sales_pathassistant:pathAssistant`). */
export const PATH: SelectorList = [
  'div.runtime_sales_pathassistantPathAssistant', // captured Path DOM; idx 47562409291
  '[data-aura-class="runtime_sales_pathassistantPathAssistant"]', // same, by Aura class; idx 47562409291
  'lightning-picklist-path', // LWC variant, guessed selector only; idx 60064603024 (UNVERIFIED)
  'runtime_sales_path', // same guess; idx 60064603024 (UNVERIFIED)
];

/** The chevrons: `li[data-name]` holds the stage's API value, `a[title]` its label. */
export const PATH_STAGE: SelectorList = [
  'ul.slds-path__nav > li.slds-path__item', // B3 captured markup; S5, S6
  '.slds-path__nav li[data-name]', // looser nesting; idx 60064603024
  'ul[aria-label="Path Options"] > li', // other orgs' markup (aria-label is translated, so last); idx 59308950948
];

/** A chevron's link: `data-tab-name` (the API value, when the li lacks data-name) and `title` (the label). */
export const PATH_STAGE_LINK: SelectorList = [
  'a.slds-path__link', // B3 captured markup (crm-surfaces: `a.tabHeader.slds-path__link[data-tab-name][title]`)
  'a', // any other markup of the chevron's link
];

/** The collapsed "Closed" chevron (all closed stages behind one). */
export const PATH_CLOSED_STAGE: SelectorList = [
  'li.slds-path__item[data-name="Closed"]', // S5; `a[title="Closed"]` in S7 is the English label
];

/** "Mark Stage as Complete" / "Mark as Current Stage" / "Select Closed Stage". */
export const PATH_ACTION: SelectorList = [
  '.runtime_sales_pathassistantPathAssistantHeader button.slds-path__mark-complete', // idx 6117630899, S6
  'button.slds-path__mark-complete', // any Path, brand class spelled either way; idx 14654278422
];

/** Where the Path shows its guidance for the selected stage. */
export const PATH_GUIDANCE: SelectorList = [
  '.slds-path__content', // B3 captured markup
  '.runtime_sales_pathassistantPathAssistantBody', // B3, the coach span
];

/** The closed-stage modal the Path opens: the stage picklist of closed stages. */
export const CLOSED_STAGE_SELECT: SelectorList = [
  'select.stepAction.required-field', // S6 `//select[@class='stepAction required-field select']`, S7
  'select.stepAction', // looser; S7
];

/** A modal dialog of the page (not Baton's). */
export const PAGE_MODAL: SelectorList = [
  'section[role="dialog"]', // B4 checklist, Lightning modals
  '.slds-modal', // idx 60064603024
  '.uiModal', // Aura modals; idx 60064603024
  '[role="dialog"]', // lightning-modal and others
];

/** The closed-stage modal's Save (brand button in the footer); Cancel is the neutral one. */
export const CLOSED_STAGE_SAVE: SelectorList = [
  'button.forceActionButton.slds-button--brand', // S7 `//button[@title='Save' and contains(@class, 'forceActionButton')]`
  'button.slds-button_brand', // brand class, newer spelling; idx 14654278422
  'button.uiButton--brand', // Aura brand button; S7
];

/** Save of the record form: inline edit's docked footer and the Edit modal. `name` is not translated. */
export const RECORD_FORM_SAVE: SelectorList = [
  'button[name="SaveEdit"]', // S5, idx 60064603024, idx 2290375789
];

/** The record field wrapper; `{api}` is the field's API name. Stable across layouts and languages. */
export const RECORD_FIELD: SelectorList = [
  '[data-target-selection-name="sfdc:RecordField.Opportunity.{api}"]', // B2 captured DOM; S10, idx 53455245155
  'records-record-layout-item[data-fieldname="{api}"]', // idx 54622146825 (UNVERIFIED how common)
];

/** A field's displayed value inside its wrapper (view mode). */
export const FIELD_VALUE: SelectorList = [
  '[data-output-element-id="output-field"]', // B2, S10
  '.test-id__field-value', // B2, S10
  'slot[name="outputField"]', // S5
];

/** The stage picklist in edit mode (inline edit and Edit modal). */
export const COMBOBOX_BUTTON: SelectorList = [
  'button[role="combobox"]', // idx 60064603024
  'button.slds-combobox__input', // idx 60064603024
  'button[aria-haspopup="listbox"]', // idx 60064603024
];

/** An option of an open picklist; `data-value` is the API value. */
export const COMBOBOX_OPTION: SelectorList = [
  'lightning-base-combobox-item[data-value]', // idx 60064603024, idx 28389926029
  '[role="option"][data-value]', // idx 19593199088
];
/** The option's label, untruncated, in a title attribute (the visible text may be cut off). */
export const COMBOBOX_OPTION_LABEL: SelectorList = [
  '[title]', // a `span.slds-truncate[title]` inside the item in the sandbox fixture (UNVERIFIED in a live org)
];

/** Text inputs of edit mode (long text areas and text inputs). */
export const EDIT_TEXT_INPUT: SelectorList = ['textarea', 'input[type="text"]', 'input:not([type])'];

/** The record name in the highlights panel. */
export const RECORD_NAME: SelectorList = [
  'records-highlights2 slot[name="primaryField"] lightning-formatted-text', // S9
  'slot[name="primaryField"] lightning-formatted-text', // S9
  'h1 .slds-page-header__title', // idx 45328343744
];

/** Kanban list display: columns, their stage header, and cards. */
export const KANBAN_COLUMN: SelectorList = [
  '.runtime_sales_pipelineboardPipelineViewColumn', // idx 32457290345, idx 32618962929 (2025)
];
export const KANBAN_COLUMN_LABEL: SelectorList = [
  '.stageHeaderLabel', // idx 32457290345
  '.runtime_sales_pipelineboardPipelineViewColumnHeader', // idx 32457290345, idx 54099674215 (text includes "(16)")
];
export const KANBAN_CARD: SelectorList = [
  '.pipelineViewCard', // `<div class="006… pipelineViewCard uiDraggable">`; idx 54099674215, idx 32457290345
  'li.runtime_sales_pipelineboardPipelineViewCardStencil', // idx 54099674215, idx 35984445032
];
export const KANBAN_CARD_LINK: SelectorList = [
  '.primaryDisplayField a', // idx 32457290345
  'a[href*="/lightning/r/"]',
];
