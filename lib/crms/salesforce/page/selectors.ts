/**
 * Every selector Baton uses on Salesforce Lightning pages, in one place. Salesforce does not
 * document this DOM and changes it between releases and orgs, so each is a fallback list tried
 * in order. The comment on each entry says which variant it is and where it was seen: a public
 * file (its URL at the commit read, and that version's year), or a file of Salesforce's own npm
 * packages (its UTAM page objects, salesforce-pageobjects; its design system,
 * @salesforce-ux/design-system) with version and year. "Guess" marks an entry no public source
 * shows. Code that needs one of these and finds nothing says so in the console
 * (lib/crms/shared/page/dom.ts `missing`) instead of doing nothing.
 *
 * None of them depends on the language of the org: labels are translated, so elements are found
 * by class, attribute and structure, and stages by their API value (data-name, data-value).
 */

import type { SelectorList } from '@/lib/crms/shared/page/selectorList';

export { withApiName, type SelectorList } from '@/lib/crms/shared/page/selectorList';

/** The page container Lightning shows; earlier pages stay in the DOM, hidden, without `active`. */
export const ACTIVE_PAGE: SelectorList = [
  'div.windowViewMode-normal.oneContent.active.lafPageHost', // standard navigation app; https://github.com/GustavoEA/Salesforce/blob/5b31596/src/test/java/org/ctsqa/salesforce/elements/OportunityElements.java (2019)
  'div.windowViewMode-maximized.oneContent.active.lafPageHost', // full-width record pages: guess, the line above with -maximized (not seen in a public source)
  'div.windowViewMode-maximized.active.lafPageHost', // full-width record pages, without oneContent; https://github.com/caden-humphrey/caden-humphrey.github.io/blob/f1735fd/teamUserScript.js (2024)
  'div.split-right > .tabContent.active.oneConsoleTab', // console apps, focused subtab; https://github.com/UNiXMIT/UNiXSF/blob/96f5360/SFExt/js/SFExt.js (2026)
  'section.tabContent.active.oneConsoleTab', // console apps, other layouts: guess, the line above without .split-right (not seen in a public source)
];

/** The stage Path component (Aura `runtime_sales_pathassistant:pathAssistant`). */
export const PATH: SelectorList = [
  'div.runtime_sales_pathassistantPathAssistant', // salesforce-pageobjects@9.0.0 dist/runtime_sales/pathassistantCollapsibleDrawer.utam.json (2025)
  '[data-aura-class="runtime_sales_pathassistantPathAssistant"]', // same, by Aura class, as the Path's header is found in https://github.com/kZhaanbaev/SalesforceBDD/blob/ab92071/src/main/java/pages/OppPage.java (2024)
  'lightning-picklist-path', // LWC variant: guess, not seen in a public page's markup
  'runtime_sales_path', // same guess
];

/** The chevrons: `li[data-name]` holds the stage's API value, `a[title]` its label. */
export const PATH_STAGE: SelectorList = [
  'ul.slds-path__nav > li.slds-path__item', // SLDS Path markup, @salesforce-ux/design-system@2.264.1 scss/components/path/base/_index.scss (2026)
  '.slds-path__nav li[data-name]', // looser nesting; https://github.com/caden-humphrey/caden-humphrey.github.io/blob/f1735fd/teamUserScript.js (2024)
  'ul[aria-label="Path Options"] > li', // other orgs' markup (aria-label is translated, so last); https://github.com/jyotissingh74/Salesforce-jllt/blob/db35715/src/main/java/com/jllt/pages/wdsf/leadsWdsfPage.java (2025 or later)
];

/** A chevron's link: `data-tab-name` (the API value, when the li lacks data-name) and `title` (the label). */
export const PATH_STAGE_LINK: SelectorList = [
  'a.slds-path__link', // salesforce-pageobjects@9.0.0 dist/runtime_sales/pathAssistantTab.utam.json (2025)
  'a', // any other markup of the chevron's link
];

/** The collapsed "Closed" chevron (all closed stages behind one). */
export const PATH_CLOSED_STAGE: SelectorList = [
  'li.slds-path__item[data-name="Closed"]', // `li[data-name="Closed"]` in https://github.com/caden-humphrey/caden-humphrey.github.io/blob/f1735fd/teamUserScript.js (2024)
];

/** "Mark Stage as Complete" / "Mark as Current Stage" / "Select Closed Stage". */
export const PATH_ACTION: SelectorList = [
  '.runtime_sales_pathassistantPathAssistantHeader button.slds-path__mark-complete', // `…PathAssistantHeader']/button`; https://github.com/kZhaanbaev/SalesforceBDD/blob/ab92071/src/main/java/pages/OppPage.java (2024)
  'button.slds-path__mark-complete', // any Path, brand class spelled either way; salesforce-pageobjects@9.0.0 dist/runtime_sales/pathassistantCollapsibleDrawer.utam.json (2025)
];

/** Where the Path shows its guidance for the selected stage. */
export const PATH_GUIDANCE: SelectorList = [
  '.slds-path__content', // SLDS Path markup, @salesforce-ux/design-system@2.264.1 scss/components/path/base/_index.scss (2026)
  '.runtime_sales_pathassistantPathAssistantBody', // the coach span; salesforce-pageobjects@9.0.0 dist/runtime_sales/pathassistantCollapsibleDrawer.utam.json (2025)
];

/** The closed-stage modal the Path opens: the stage picklist of closed stages. */
export const CLOSED_STAGE_SELECT: SelectorList = [
  'select.stepAction.required-field', // `//select[@class = 'stepAction required-field select']` in https://github.com/kZhaanbaev/SalesforceBDD/blob/ab92071/src/main/java/pages/OppPage.java (2024)
  'select.stepAction', // looser; same source
];

/** A modal dialog of the page (not Baton's). */
export const PAGE_MODAL: SelectorList = [
  'section[role="dialog"]', // SLDS modals (`.slds-modal` on a section, role dialog); @salesforce-ux/design-system@2.264.1 scss/components/modals/base/_index.scss (2026)
  '.slds-modal', // @salesforce-ux/design-system@2.264.1 scss/components/modals/base/_index.scss (2026)
  '.uiModal', // Aura modals; salesforce-pageobjects@9.0.0 dist/aura/containerManager.utam.json (2025)
  '[role="dialog"]', // lightning-modal and others
];

/** The closed-stage modal's Save (brand button in the footer); Cancel is the neutral one. */
export const CLOSED_STAGE_SAVE: SelectorList = [
  'button.forceActionButton.slds-button--brand', // the closed-stage Save (`forceActionButton`, brand class); https://github.com/GustavoEA/Salesforce/blob/5b31596/src/test/java/org/ctsqa/salesforce/elements/OportunityElements.java (2019)
  'button.slds-button_brand', // brand class, newer spelling; @salesforce-ux/design-system@2.264.1 scss/components/buttons/base/_index.scss (2026)
  'button.uiButton--brand', // Aura brand button; https://github.com/GustavoEA/Salesforce/blob/5b31596/src/test/java/org/ctsqa/salesforce/elements/OportunityElements.java (2019)
];

/** Save of the record form: inline edit's docked footer and the Edit modal. `name` is not translated. */
export const RECORD_FORM_SAVE: SelectorList = [
  'button[name="SaveEdit"]', // https://github.com/caden-humphrey/caden-humphrey.github.io/blob/f1735fd/teamUserScript.js (2024); https://github.com/kZhaanbaev/SalesforceBDD/blob/ab92071/src/main/java/pages/OppPage.java (2024)
];

/** The record field wrapper; `{api}` is the field's API name. Stable across layouts and languages. */
export const RECORD_FIELD: SelectorList = [
  '[data-target-selection-name="sfdc:RecordField.Opportunity.{api}"]', // https://github.com/caden-humphrey/caden-humphrey.github.io/blob/f1735fd/teamUserScript.js (2024)
  'records-record-layout-item[data-fieldname="{api}"]', // seen only in public test code whose repository could not be found; how common is unknown
];

/** A field's displayed value inside its wrapper (view mode). */
export const FIELD_VALUE: SelectorList = [
  '[data-output-element-id="output-field"]', // the value element; seen only in public test code whose repository could not be found
  '.test-id__field-value', // salesforce-pageobjects@9.0.0 dist/force/pageBlockItem.utam.json (2025)
  'slot[name="outputField"]', // https://github.com/caden-humphrey/caden-humphrey.github.io/blob/f1735fd/teamUserScript.js (2024); salesforce-pageobjects@9.0.0 dist/records/recordLayoutItem.utam.json (2025)
];

/** The stage picklist in edit mode (inline edit and Edit modal). */
export const COMBOBOX_BUTTON: SelectorList = [
  'button[role="combobox"]', // seen only in public test code whose repository could not be found
  'button.slds-combobox__input', // salesforce-pageobjects@9.0.0 dist/lightning/baseCombobox.utam.json (2025)
  'button[aria-haspopup="listbox"]', // same
];

/**
 * The chosen option of a picklist: lightning-base-combobox marks it `aria-checked="true"` once the
 * dropdown has opened, however it was chosen (click, arrows and Enter, Tab). The button's own
 * `data-value` is the shown label (computedInputValue), not the API value.
 */
export const COMBOBOX_CHECKED_OPTION: SelectorList = [
  'lightning-base-combobox-item[aria-checked="true"]', // lightning-base-components@1.28.15-alpha src/lightning/baseCombobox/baseCombobox.html (2026)
  '[role="option"][aria-checked="true"][data-value]', // guess: the same item by role, should the tag change
];

/** An option of an open picklist; `data-value` is the API value. */
export const COMBOBOX_OPTION: SelectorList = [
  'lightning-base-combobox-item[data-value]', // salesforce-pageobjects@9.0.0 dist/lightning/baseCombobox.utam.json (2025)
  '[role="option"][data-value]', // guess: the same item by role, should the tag change
];
/** The option's label, untruncated, in a title attribute (the visible text may be cut off). */
export const COMBOBOX_OPTION_LABEL: SelectorList = [
  '[title]', // a `span.slds-truncate[title]` inside the item in the sandbox fixture: guess, not seen in a public source
];

/**
 * Save and Save & New in the footer of the New form (records-form-footer). Create forms appear at
 * /lightning/o/Opportunity/new (lib/crms/salesforce/urls.ts), which is what tells them from the
 * Edit form: both have the same footer. `name` is not translated.
 */
export const RECORD_CREATE_SAVE: SelectorList = [
  'button[name="SaveEdit"]', // as RECORD_FORM_SAVE
  'button[name="SaveAndNew"]', // `lightning-button button[name='SaveAndNew']` under records-form-footer, seen only in public UTAM-generated test code whose repository could not be found
  'records-form-footer lightning-button.save-button button', // salesforce-pageobjects@9.0.0 dist/records/formFooter.utam.json (2025)
  'records-form-footer lightning-button.save-and-new-button button', // same
];

/** Text inputs of edit mode (long text areas and text inputs). */
export const EDIT_TEXT_INPUT: SelectorList = ['textarea', 'input[type="text"]', 'input:not([type])'];

/** The record name in the highlights panel. */
export const RECORD_NAME: SelectorList = [
  'records-highlights2 slot[name="primaryField"] lightning-formatted-text', // the highlights panel's primaryField slot; salesforce-pageobjects@9.0.0 dist/records/highlights2.utam.json (2025)
  'slot[name="primaryField"] lightning-formatted-text', // same, without the component
  'h1 .slds-page-header__title', // the page header's title, read for the record name in https://github.com/toggl/track-extension/blob/6d5fa98/src/content/salesforce.js (2021)
];

/** Kanban list display: columns, their stage header, and cards. */
export const KANBAN_COLUMN: SelectorList = [
  '.runtime_sales_pipelineboardPipelineViewColumn', // seen only in public scraper code whose repository could not be found (its header class, next list, is in https://github.com/browser-use/browser-harness/blob/a082e6e/domain-skills/salesforce/opportunities.md (2026))
];
export const KANBAN_COLUMN_LABEL: SelectorList = [
  '.stageHeaderLabel', // seen only in public scraper code whose repository could not be found
  '.runtime_sales_pipelineboardPipelineViewColumnHeader', // text includes the count, "(16)"; https://github.com/browser-use/browser-harness/blob/a082e6e/domain-skills/salesforce/opportunities.md (2026)
];
export const KANBAN_CARD: SelectorList = [
  '.pipelineViewCard', // `<div class="006… pipelineViewCard uiDraggable">`; https://github.com/browser-use/browser-harness/blob/a082e6e/domain-skills/salesforce/opportunities.md (2026)
  'li.runtime_sales_pipelineboardPipelineViewCardStencil', // https://github.com/browser-use/browser-harness/blob/a082e6e/domain-skills/salesforce/opportunities.md (2026)
];
/**
 * A card picked up with the keyboard: the card is an Aura ui:draggable, whose root carries
 * `aria-grabbed` (true while dragged, in accessibility mode too); https://github.com/forcedotcom/aura/blob/15f7c24/aura-components/src/main/components/ui/draggable/draggable.cmp
 */
export const KANBAN_GRABBED_CARD: SelectorList = [
  '.pipelineViewCard[aria-grabbed="true"]', // the card class, above, with the ui:draggable attribute
  '.uiDraggable[aria-grabbed="true"]', // the same by its Aura class
];
/**
 * Space on a card opens ui:dragAndDropAccessibilityMenu: a ui:menuList (role menu, attached to the
 * body) of the drop zones (the other columns, labelled with their stage), each an
 * ui:actionMenuItem `a[role=menuitem]`; the arrows move, Space or Enter drops the card there;
 * https://github.com/forcedotcom/aura/blob/15f7c24/aura-components/src/main/components/ui/dragAndDropAccessibilityMenu/dragAndDropAccessibilityMenu.cmp,
 * ui/menuList/menuList.cmp (030dc17), ui/actionMenuItem/actionMenuItem.cmp (155e6e0), ui/menuItem/menuItemHelper.js (0032ab3).
 */
export const KANBAN_DROP_MENU_ITEM: SelectorList = [
  '.uiMenuList [role="menuitem"]', // Aura adds the component's class (uiMenuList) to its root; menuList.cmp's root is role="menu"
  '[role="menu"] [role="menuitem"]', // the same by role
];
export const KANBAN_CARD_LINK: SelectorList = [
  '.primaryDisplayField a', // seen only in public scraper code whose repository could not be found
  'a[href*="/lightning/r/"]',
];

/**
 * List views as a table: lightning-datatable with inline edit (pencil on a cell, an editor
 * popover, then the docked footer's Save). Markup from lightning-base-components@1.28.15-alpha
 * (2026): src/lightning/datatable/templates/table/table.html (rows `data-row-key-value`, the
 * record id in list views; cells `data-col-key-value`, `data-cell-value`), datatable/rows.js (an
 * edited cell gets `slds-is-edited`), datatable/columns.js (a column key is
 * `${fieldName}-${type}-${index}`: it starts with the field's API name),
 * primitiveDatatableStatusBar.html (Save is `button.save-btn`). The datatable is
 * lightning-datatable in salesforce-pageobjects@9.0.0 dist/lists/primaryDisplayGrid.utam.json and
 * dist/lightning/datatable.utam.json (2025), whose saveButton is `button.save-btn` too.
 */
export const LIST_DATATABLE: SelectorList = [
  'lightning-datatable', // salesforce-pageobjects@9.0.0 dist/lightning/datatable.utam.json (2025)
];
export const LIST_INLINE_SAVE: SelectorList = [
  'lightning-primitive-datatable-status-bar button.save-btn', // lightning-base-components@1.28.15-alpha src/lightning/primitiveDatatableStatusBar/primitiveDatatableStatusBar.html (2026)
  'button.save-btn', // salesforce-pageobjects@9.0.0 dist/lightning/datatable.utam.json `saveButton` (2025)
];
/** A cell with an unsaved value (the draft) of the field `{api}`. */
export const LIST_EDITED_CELL: SelectorList = [
  'td.slds-is-edited[data-col-key-value^="{api}-"]', // table.html and rows.js, above
  '[role="gridcell"].slds-is-edited[data-col-key-value^="{api}-"]', // the role-based (div) template, datatable/templates/div/div.html
];
export const LIST_ROW: SelectorList = [
  'tr[data-row-key-value]', // table.html
  '[role="row"][data-row-key-value]', // div.html
];
/** The shown value of a cell (the label of a picklist value). */
export const LIST_CELL_TEXT: SelectorList = [
  'lightning-base-formatted-text', // salesforce-pageobjects@9.0.0 dist/lightning/datatable.utam.json formattedTextByColumnIndex (2025)
  '[data-cell-type="text"]', // same file, the inlined cell
  '.slds-truncate', // table.html: the cell's text wrapper
];
