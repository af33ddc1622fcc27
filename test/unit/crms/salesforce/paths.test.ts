// @vitest-environment happy-dom
/**
 * Recognising the paths to a won stage off the record page's clicks: the New form, a list view's
 * inline edit, the Kanban by keyboard, a form submitted with Enter, and a picklist chosen by
 * keyboard. The markup is Lightning's (sources in lib/crms/salesforce/page/selectors.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '@/lib/settings/schema';
import { isoDay, parseAmount, readCreateForm, recognizeCreateClick } from '@/lib/crms/salesforce/page/createIntents';
import { readStagePicklist, recognizeSubmit } from '@/lib/crms/salesforce/page/intents';
import { recognizeKanbanMenuPick, trackKanbanPickUp } from '@/lib/crms/salesforce/page/kanbanIntents';
import { recognizeListSave, rowEdits } from '@/lib/crms/salesforce/page/listIntents';

const MAPPING = defaultSettings().fieldMappings.salesforce;

/** Runs `recognize` in a capture listener on window, where composedPath() is filled in, for an event on `el`. */
function at<T>(el: Element, event: Event, recognize: (e: Event) => T): T {
  let result: T | undefined;
  const listener = (e: Event) => {
    result = recognize(e);
  };
  window.addEventListener(event.type, listener, true);
  el.dispatchEvent(event);
  window.removeEventListener(event.type, listener, true);
  return result as T;
}
const click = () => new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
const keydown = (key: string) => new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });

/** A Stage picklist in edit mode; `checked` is the option lightning-base-combobox marks chosen. */
function stageField(shown: string, checked: string | null): string {
  const item = (v: string) => `<lightning-base-combobox-item role="option" data-value="${v}" aria-checked="${v === checked}"><span title="${v}">${v}</span></lightning-base-combobox-item>`;
  return `<div data-target-selection-name="sfdc:RecordField.Opportunity.StageName">
    <button role="combobox" aria-label="Stage" data-value="${shown}"><span>${shown || '--None--'}</span></button>
    <div role="listbox">${item('Negotiation/Review')}${item('Closed Won')}</div></div>`;
}
const field = (api: string, tag = 'textarea') =>
  `<div data-target-selection-name="sfdc:RecordField.Opportunity.${api}"><${tag} name="${api}"${tag === 'input' ? ' type="text"' : ''}></${tag}></div>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the Stage picklist', () => {
  it('reads the option marked chosen (arrows and Enter leave no click), before what the button shows', () => {
    document.body.innerHTML = stageField('Negotiation/Review', 'Closed Won');
    expect(readStagePicklist(document.body.firstElementChild!)).toEqual({ value: 'Closed Won', label: 'Closed Won' });
  });

  it('"--None--" is no stage', () => {
    document.body.innerHTML = stageField('', null);
    expect(readStagePicklist(document.body.firstElementChild!)).toBeNull();
  });

  it('finds the button and the options inside a shadow root (native shadow)', () => {
    document.body.innerHTML = '<div data-target-selection-name="sfdc:RecordField.Opportunity.StageName"><lightning-base-combobox></lightning-base-combobox></div>';
    const host = document.querySelector('lightning-base-combobox')!;
    host.attachShadow({ mode: 'open' }).innerHTML = stageField('Closed Won', 'Closed Won').replace(/^<div[^>]*>|<\/div>$/g, '');
    expect(readStagePicklist(document.body.firstElementChild!)?.value).toBe('Closed Won');
  });
});

describe('the record form submitted (Enter in a field)', () => {
  it('with Stage in edit mode is a move, the form being what is submitted again', () => {
    document.body.innerHTML = `<form>${stageField('Closed Won', 'Closed Won')}${field('Amount', 'input')}</form>`;
    const form = document.querySelector('form')!;
    const move = at(form, new Event('submit', { bubbles: true, cancelable: true }), recognizeSubmit);
    expect(move).toMatchObject({ kind: 'inline-edit-save', target: { stage: { value: 'Closed Won' } }, element: form });
  });

  it('without Stage in edit mode is not', () => {
    document.body.innerHTML = `<form>${field('Amount', 'input')}</form>`;
    expect(at(document.querySelector('form')!, new Event('submit', { bubbles: true, cancelable: true }), recognizeSubmit)).toBeNull();
  });
});

describe('the New form', () => {
  const form = (stage: string, fields: string) =>
    `<section role="dialog"><form>${stageField(stage, stage || null)}${field('Amount', 'input')}${field('CloseDate', 'input')}${fields}
      <records-form-footer><button name="CancelEdit">Cancel</button><button name="SaveAndNew">Save &amp; New</button><button name="SaveEdit">Save</button></records-form-footer></form></section>`;

  it('Save and Save & New are its saves; the form is the modal around them', () => {
    document.body.innerHTML = form('Closed Won', '');
    for (const name of ['SaveEdit', 'SaveAndNew']) {
      const save = at(document.querySelector(`button[name="${name}"]`)!, click(), (e) => recognizeCreateClick(e, null));
      expect(save?.form).toBe(document.querySelector('section'));
    }
    expect(at(document.querySelector('button[name="CancelEdit"]')!, click(), (e) => recognizeCreateClick(e, null))).toBeNull();
  });

  it('reads the stage, the mapped handoff fields the layout shows (the others are absent), the amount and an ISO close date', () => {
    document.body.innerHTML = form('Closed Won', field(MAPPING.useCase) + field(MAPPING.successMetric));
    (document.querySelector(`[name="${MAPPING.useCase}"]`) as HTMLTextAreaElement).value = 'TBD';
    (document.querySelector('[name="Amount"]') as HTMLInputElement).value = '120,000.50';
    (document.querySelector('[name="CloseDate"]') as HTMLInputElement).value = '2027-01-15';
    expect(readCreateForm(document.querySelector('section')!, MAPPING)).toEqual({
      target: { value: 'Closed Won', label: 'Closed Won' },
      fields: { useCase: 'TBD', successMetric: '' },
      facts: { amount: 120000.5, closeDate: '2027-01-15' },
    });
  });

  it('with no stage chosen there is nothing to judge (Salesforce refuses to save it)', () => {
    document.body.innerHTML = form('', '');
    expect(readCreateForm(document.querySelector('section')!, MAPPING)).toBeNull();
  });

  it.each([
    ['50000', 50000],
    ['USD 1,000,000', 1_000_000],
    ['1.000.000,25', 1_000_000.25],
    ['50000,5', 50000.5],
    ['€ 120.000,00', 120_000],
    ['50.000', null],
    ['50,000', null],
    ['1,000.000', null],
    ['', null],
  ])('an amount typed as %j is %j (ambiguous: unknown)', (text, amount) => {
    expect(parseAmount(text)).toBe(amount);
  });

  it('takes a close date only in ISO form', () => {
    expect(isoDay('2027-01-15')).toBe('2027-01-15');
    expect(isoDay('1/15/2027')).toBeNull();
  });
});

describe('a list view’s inline edit', () => {
  /** lightning-datatable with its table in an open shadow root; `edited` rows have a Stage draft. */
  function table(rows: Array<{ id: string; stage: string; edited: boolean; useCase?: string }>): Element {
    document.body.innerHTML = '<lightning-datatable></lightning-datatable>';
    const host = document.querySelector('lightning-datatable')!;
    const cells = rows
      .map(
        (r) => `<tr data-row-key-value="${r.id}" data-row-number="1"><th data-col-key-value="Name-url-1"><a>${r.id}</a></th>
        <td class="slds-cell-edit${r.edited ? ' slds-is-edited' : ''}" data-col-key-value="StageName-picklist-5" data-cell-value="${r.stage}"><lightning-base-formatted-text>${r.stage}</lightning-base-formatted-text></td>
        ${r.useCase === undefined ? '' : `<td class="slds-cell-edit slds-is-edited" data-col-key-value="${MAPPING.useCase}-text-6" data-cell-value="${r.useCase}"></td>`}</tr>`,
      )
      .join('');
    host.attachShadow({ mode: 'open' }).innerHTML = `<table><tbody>${cells}</tbody></table>
      <lightning-primitive-datatable-status-bar><div class="slds-docked-form-footer"><button class="slds-button_neutral">Cancel</button><button class="slds-button slds-button_brand save-btn">Save</button></div></lightning-primitive-datatable-status-bar>`;
    return host.shadowRoot!.querySelector('button.save-btn')!;
  }

  it('Save lists every row whose Stage draft it saves, with the record and the stage', () => {
    const save = table([
      { id: '006Hs00001abcDEIAY', stage: 'Closed Won', edited: true },
      { id: '006Hs00001abcDFIAY', stage: 'Negotiation/Review', edited: false },
      { id: '006Hs00001abcDGIAY', stage: 'Closed Won', edited: true, useCase: 'Support queue for 300 agents' },
    ]);
    const found = at(save, click(), recognizeListSave);
    expect(found?.rows.map((r) => [r.recordId, r.target])).toEqual([
      ['006Hs00001abcDEIAY', { value: 'Closed Won', label: 'Closed Won' }],
      ['006Hs00001abcDGIAY', { value: 'Closed Won', label: 'Closed Won' }],
    ]);
    expect(rowEdits(found!.rows[1]!.row, MAPPING)).toEqual({ useCase: 'Support queue for 300 agents' });
  });

  it('Cancel is not a save, and a row that is not an opportunity is left out', () => {
    const save = table([{ id: 'row-1', stage: 'Closed Won', edited: true }]);
    expect(at(save, click(), recognizeListSave)?.rows).toEqual([]);
    expect(at(save.previousElementSibling!, click(), recognizeListSave)).toBeNull();
  });
});

describe('the Kanban by keyboard', () => {
  const board = (grabbed: boolean) => `<div class="runtime_sales_pipelineboardPipelineViewColumn"><div class="006Hs00001abcDEIAY pipelineViewCard uiDraggable" tabindex="0" aria-grabbed="${grabbed}"><div class="primaryDisplayField"><a>Deal</a></div></div></div>
    <div class="uiMenuList visible" role="menu"><ul role="presentation"><li class="uiMenuItem"><a role="menuitem" href="#">Closed Won</a></li></ul></div>`;

  it('a column chosen in the menu of a card picked up (Space, Enter or a click) moves that card there', () => {
    document.body.innerHTML = board(true);
    at(document.querySelector('.pipelineViewCard')!, keydown(' '), (e) => trackKanbanPickUp(e as KeyboardEvent));
    const item = document.querySelector('[role="menuitem"]')!;
    for (const event of [keydown('Enter'), keydown(' '), click()]) {
      expect(at(item, event, recognizeKanbanMenuPick)).toMatchObject({ kind: 'kanban-menu', recordId: '006Hs00001abcDEIAY', target: { stage: { value: null, label: 'Closed Won' } } });
    }
    expect(at(item, keydown('ArrowDown'), recognizeKanbanMenuPick)).toBeNull();
  });

  it('a menu while no card is picked up is some other menu', () => {
    document.body.innerHTML = board(false);
    expect(at(document.querySelector('[role="menuitem"]')!, click(), recognizeKanbanMenuPick)).toBeNull();
  });
});
