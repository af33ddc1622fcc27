// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { isCurrentOption, optionChosenByKey, rememberPick, shownValue } from '@/lib/crms/hubspot/page/controls';
import { amountOf, handoffFields, recognizeCreate } from '@/lib/crms/hubspot/page/createIntents';
import { recognizeOptionClick, recognizeStageChoice } from '@/lib/crms/hubspot/page/intents';
import { recognizeTableSave } from '@/lib/crms/hubspot/page/tableIntents';
import { DEFAULT_HUBSPOT_MAPPING } from '@/lib/settings/schema';

const RECORD = 'https://app.hubspot.com/contacts/123/record/0-3/555';
const LIST = 'https://app.hubspot.com/contacts/123/objects/0-3/views/all/list';
const STAGES = [
  ['appointmentscheduled', 'Appointment Scheduled'],
  ['contractsent', 'Contract Sent'],
  ['closedwon', 'Closed Won'],
];

let uid = 0;
/** A HubSpot dropdown (sources in lib/crms/hubspot/page/selectors.ts): label, button owning a listbox of options. */
function dropdown(property: string, shown: string, opts: { open?: boolean; active?: string; selected?: string } = {}) {
  const n = ++uid;
  const options = STAGES.map(
    ([value, label]) =>
      `<div id="o${n}-${value}" role="option" data-option-value="${value}" aria-selected="${value === (opts.selected ?? '') ? 'true' : 'false'}"><span data-option-text="true">${label}</span></div>`,
  ).join('');
  const active = opts.active ? ` aria-activedescendant="o${n}-${opts.active}"` : '';
  return `<div data-selenium-test="property-input-${property}"><label id="l${n}">Deal stage</label>
    <button id="b${n}" type="button" aria-labelledby="l${n}" aria-haspopup="listbox" aria-expanded="${opts.open ? 'true' : 'false'}" aria-owns="lb${n}"${active}><span>${shown}</span></button>
    <div id="lb${n}" role="listbox"${opts.open ? '' : ' hidden'}>${options}</div></div>`;
}

/** Runs `recognize` inside a capture listener on window, as the adapter does. */
function during<T>(type: 'click' | 'keydown', target: Element, recognize: (e: Event) => T, key = 'Enter'): T {
  let result: T | undefined;
  const listener = (e: Event) => {
    result = recognize(e);
  };
  window.addEventListener(type, listener, true);
  target.dispatchEvent(type === 'click' ? new MouseEvent('click', { bubbles: true, composed: true }) : new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  window.removeEventListener(type, listener, true);
  return result as T;
}

const $ = (selector: string) => document.querySelector(selector) as Element;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('choosing a stage in a dropdown', () => {
  it('by keyboard: Enter on the button chooses its active option; Space in a search field types', () => {
    document.body.innerHTML = `<div data-test-id="left-sidebar">${dropdown('dealstage', 'Contract Sent', { open: true, active: 'closedwon', selected: 'contractsent' })}</div>`;
    const option = during('keydown', $('button'), (e) => optionChosenByKey(e as KeyboardEvent));
    expect(option?.getAttribute('data-option-value')).toBe('closedwon');
    expect(recognizeStageChoice(option as Element, RECORD)).toEqual({ kind: 'stage-dropdown', target: { value: 'closedwon', label: 'Closed Won' }, dealIds: ['555'] });
    document.body.insertAdjacentHTML('beforeend', `<input type="text" role="combobox" aria-controls="${$('[role=listbox]').id}" aria-expanded="true" aria-activedescendant="${option?.id}">`);
    expect(during('keydown', $('input'), (e) => optionChosenByKey(e as KeyboardEvent), ' ')).toBeNull();
    expect(during('keydown', $('input'), (e) => optionChosenByKey(e as KeyboardEvent), 'Enter')).toBe(option);
  });

  it('by keyboard: nothing is chosen while the list is closed', () => {
    document.body.innerHTML = dropdown('dealstage', 'Contract Sent', { active: 'closedwon' });
    expect(during('keydown', $('button'), (e) => optionChosenByKey(e as KeyboardEvent))).toBeNull();
  });

  it('the current stage again is no move; an option marked selected only because it is active is one', () => {
    document.body.innerHTML = dropdown('dealstage', 'Contract Sent', { open: true, selected: 'contractsent' });
    const current = $('[data-option-value="contractsent"]');
    expect(isCurrentOption(current, $('button'))).toBe(true);
    expect(during('click', current, (e) => recognizeOptionClick(e, RECORD))).toBeNull();
    // WAI-ARIA select-only combobox: aria-selected follows the active option, the button shows the value.
    document.body.innerHTML = dropdown('dealstage', 'Contract Sent', { open: true, selected: 'closedwon' });
    expect(during('click', $('[data-option-value="closedwon"]'), (e) => recognizeOptionClick(e, RECORD))?.target.value).toBe('closedwon');
  });
});

describe('the record preview panel', () => {
  it('is the previewed deal’s, even drawn as a dialog', () => {
    document.body.innerHTML = `<div data-crm-location="CRM_OBJECT_PREVIEW" role="dialog"><a href="/contacts/123/record/0-3/888">View record</a>${dropdown('dealstage', 'Contract Sent', { open: true, selected: 'contractsent' })}</div>`;
    expect(during('click', $('[data-option-value="closedwon"]'), (e) => recognizeOptionClick(e, LIST))?.dealIds).toEqual(['888']);
  });
});

describe('the create-deal panel', () => {
  function panel(extra = '') {
    return `<div role="dialog" aria-modal="true"><form>
      <input data-field="dealname" value="Acme">
      ${dropdown('pipeline', 'Sales Pipeline')}
      ${dropdown('dealstage', 'Closed Won')}
      <input data-field="amount" value="$ 12,500.50">
      <div data-selenium-test="property-input-closedate"><input type="date" value="2027-03-31"></div>
      <textarea data-field="handoff_use_case">Route support email</textarea>
      ${extra}
      <ul><li class="p-bottom-1"><button type="submit" data-button-use="primary">Create</button></li>
      <li><button type="button" data-button-use="tertiary-light">Cancel</button></li></ul></form></div>`;
  }

  it('Create is recognised with the stage id found among the dropdown’s own options, and what the form holds', () => {
    document.body.innerHTML = panel();
    const found = during('click', $('[data-button-use="primary"]'), (e) => recognizeCreate(e));
    expect(found?.target).toEqual({ value: 'closedwon', label: 'Closed Won' });
    expect(found?.facts).toEqual({ amount: 12500.5, closeDate: '2027-03-31', pipeline: null });
    expect(handoffFields(found?.panel as Element, DEFAULT_HUBSPOT_MAPPING)).toEqual({ useCase: 'Route support email' });
    expect(during('click', $('[data-button-use="tertiary-light"]'), (e) => recognizeCreate(e))).toBeNull();
  });

  it('a stage the list no longer shows is known by the last pick in that dropdown, else by its label', () => {
    document.body.innerHTML = panel();
    const stage = $('[data-selenium-test="property-input-dealstage"]');
    stage.querySelector('[role="listbox"]')?.remove();
    expect(shownValue(stage)).toEqual({ value: null, label: 'Closed Won' });
    document.body.innerHTML = panel();
    const option = $('[data-selenium-test="property-input-dealstage"] [data-option-value="closedwon"]');
    rememberPick(option);
    const fresh = $('[data-selenium-test="property-input-dealstage"]');
    fresh.querySelector('[role="listbox"]')?.remove();
    expect(shownValue(fresh)).toEqual({ value: 'closedwon', label: 'Closed Won' });
  });

  it('is not the bulk edit dialog (no deal name field), and a pick inside the panel moves nothing', () => {
    document.body.innerHTML = `<div role="dialog">${dropdown('dealstage', '', { open: true })}<button data-button-use="primary">Update</button></div>`;
    expect(during('click', $('[data-button-use="primary"]'), (e) => recognizeCreate(e))).toBeNull();
    document.body.innerHTML = panel();
    expect(recognizeStageChoice($('[data-selenium-test="property-input-dealstage"] [data-option-value="contractsent"]'), RECORD)).toBeNull();
  });

  it('reads amounts as typed, and nothing it cannot read for sure', () => {
    expect([amountOf('50000'), amountOf('50,000'), amountOf('€ 1 250.5'), amountOf('$12,500.50'), amountOf('')]).toEqual([50000, 50000, 1250.5, 12500.5, null]);
    expect([amountOf('50.000,00'), amountOf('12,50'), amountOf('abc')]).toEqual([null, null, null]);
  });
});

describe('the table view', () => {
  const row = (editor: string) =>
    `<table><tbody><tr data-test-id="row-0"><td><a href="/contacts/123/record/0-3/777">Table deal</a></td><td>Contract Sent <button aria-controls="pop">edit</button>${editor}</td></tr></tbody></table>`;

  it('Save in a cell’s editor moves the row’s deal to the stage the editor shows', () => {
    document.body.innerHTML = row(`<div id="pop" role="dialog"><form>${dropdown('dealstage', 'Closed Won')}<button type="submit" data-button-use="primary">Save</button></form></div>`);
    expect(during('click', $('[data-button-use="primary"]'), (e) => recognizeTableSave(e))).toMatchObject({ dealId: '777', target: { value: 'closedwon', label: 'Closed Won' } });
    // The pick itself moves nothing: Save does.
    expect(recognizeStageChoice($('[data-option-value="closedwon"]'), LIST)).toBeNull();
  });

  it('a popover drawn outside the table belongs to the row of the button that controls it', () => {
    document.body.innerHTML = row('') + `<div id="pop" role="dialog"><form>${dropdown('dealstage', 'Closed Won')}<button type="submit">Save</button></form></div>`;
    expect(during('click', $('#pop button[type="submit"]'), (e) => recognizeTableSave(e))?.dealId).toBe('777');
  });

  it('an editor with no Save moves the row’s deal at the pick', () => {
    document.body.innerHTML = row(`<div id="pop" role="dialog">${dropdown('dealstage', 'Contract Sent', { open: true, selected: 'contractsent' })}</div>`);
    expect(during('click', $('[data-option-value="closedwon"]'), (e) => recognizeOptionClick(e, LIST))).toEqual({
      kind: 'table-edit',
      target: { value: 'closedwon', label: 'Closed Won' },
      dealIds: ['777'],
    });
  });
});
