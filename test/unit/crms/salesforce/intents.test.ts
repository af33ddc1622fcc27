// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { recognizeClick, trackStagePick } from '@/lib/crms/salesforce/page/intents';
import { kanbanCardRecordId, recognizeDrop } from '@/lib/crms/salesforce/page/kanbanIntents';
import { activePage, fieldText, readPath } from '@/lib/crms/salesforce/page/reading';

/** The Path as Lightning renders it (sources in lib/crms/salesforce/page/selectors.ts), with classes per chevron. */
function path(stages: Array<{ name: string; title: string; state: 'complete' | 'current' | 'incomplete'; selected?: boolean }>, button: string) {
  const items = stages
    .map(
      (s) =>
        `<li class="slds-path__item slds-is-${s.state}${s.selected ? ' slds-is-active' : ''}" role="tab" data-name="${s.name}"><a class="slds-path__link" title="${s.title}"><span class="title slds-path__title">${s.title}</span></a></li>`,
    )
    .join('');
  return `<div class="windowViewMode-normal oneContent active lafPageHost"><div class="runtime_sales_pathassistantPathAssistant"><ul class="slds-path__nav" role="tablist">${items}</ul>
    <div class="slds-grid slds-path__action runtime_sales_pathassistantPathAssistantHeader"><button class="slds-button slds-button--brand slds-path__mark-complete stepAction current uiButton"><span>${button}</span></button></div>
    <div class="slds-path__content"></div></div></div>`;
}

/** recognizeClick runs inside the capture listener, where composedPath() is filled in. */
function recognizeAt(el: Element) {
  let result: ReturnType<typeof recognizeClick> = null;
  const listener = (e: Event) => {
    trackStagePick(e);
    result = recognizeClick(e, activePage());
  };
  window.addEventListener('click', listener, true);
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
  window.removeEventListener('click', listener, true);
  return result as ReturnType<typeof recognizeClick>;
}

const OPEN = [
  { name: 'Qualification', title: 'Qualification', state: 'complete' as const },
  { name: 'Proposal/Price Quote', title: 'Proposal/Price Quote', state: 'complete' as const },
  { name: 'Negotiation/Review', title: 'Negotiation/Review', state: 'current' as const },
  { name: 'Closed', title: 'Closed', state: 'incomplete' as const },
];

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the Path', () => {
  it('"Mark Stage as Complete" on the last open stage goes to the collapsed Closed chevron', () => {
    document.body.innerHTML = path(OPEN.map((s) => ({ ...s, selected: s.state === 'current' })), 'Mark Stage as Complete');
    const move = recognizeAt(document.querySelector('button')!);
    expect(move).toMatchObject({ kind: 'path-action', target: { collapsedClosed: true } });
  });

  it('"Mark Stage as Complete" on an earlier stage goes to the next open stage', () => {
    const stages = OPEN.map((s) => ({ ...s, state: s.name === 'Proposal/Price Quote' ? ('current' as const) : s.name === 'Negotiation/Review' ? ('incomplete' as const) : s.state }));
    document.body.innerHTML = path(stages.map((s) => ({ ...s, selected: s.state === 'current' })), 'Mark Stage as Complete');
    expect(recognizeAt(document.querySelector('button')!)?.target).toEqual({ stage: { value: 'Negotiation/Review', label: 'Negotiation/Review' } });
  });

  it('"Mark as Current Stage" goes to the selected stage, whatever the button says (any language)', () => {
    document.body.innerHTML = path(OPEN.map((s) => ({ ...s, selected: s.name === 'Qualification' })), 'Als aktuelle Phase markieren');
    expect(recognizeAt(document.querySelector('button span')!)?.target).toEqual({ stage: { value: 'Qualification', label: 'Qualification' } });
  });

  it('"Select Closed Stage" only opens the modal: not a move', () => {
    document.body.innerHTML = path(OPEN.map((s) => ({ ...s, selected: s.name === 'Closed' })), 'Select Closed Stage');
    expect(recognizeAt(document.querySelector('button')!)).toBeNull();
  });

  it('reads the chevrons: value, label, current, selected, the collapsed Closed', () => {
    document.body.innerHTML = path(OPEN.map((s) => ({ ...s, selected: s.name === 'Closed' })), 'x');
    const state = readPath(document.querySelector('.runtime_sales_pathassistantPathAssistant')!);
    expect(state.stages.map((s) => [s.value, s.current, s.selected, s.closedChevron])).toEqual([
      ['Qualification', false, false, false],
      ['Proposal/Price Quote', false, false, false],
      ['Negotiation/Review', true, false, false],
      ['Closed', false, true, true],
    ]);
  });
});

const CLOSED_MODAL = (value: string) => `<section role="dialog" class="slds-modal"><select class="stepAction required-field select">
  <option value="">--None--</option><option value="Closed Won"${value === 'Closed Won' ? ' selected' : ''}>Geschlossen und gewonnen</option><option value="Closed Lost"${value === 'Closed Lost' ? ' selected' : ''}>Closed Lost</option></select>
  <div class="slds-modal__footer"><button class="slds-button slds-button--neutral forceActionButton" title="Abbrechen">Abbrechen</button><button class="slds-button slds-button--brand forceActionButton" title="Speichern"><span>Speichern</span></button></div></section>`;

describe('the closed-stage modal', () => {
  it('Save (the brand button, in any language) with the chosen stage', () => {
    document.body.innerHTML = CLOSED_MODAL('Closed Won');
    expect(recognizeAt(document.querySelector('.slds-button--brand span')!)).toMatchObject({
      kind: 'closed-stage-save',
      target: { stage: { value: 'Closed Won', label: 'Geschlossen und gewonnen' } },
    });
  });
  it('"--None--" and Cancel are not moves', () => {
    document.body.innerHTML = CLOSED_MODAL('');
    expect(recognizeAt(document.querySelector('.slds-button--brand')!)).toBeNull();
    document.body.innerHTML = CLOSED_MODAL('Closed Won');
    expect(recognizeAt(document.querySelector('.slds-button--neutral')!)).toBeNull();
  });
});

const STAGE_EDIT = (dataValue: string | null, text: string) => `<div data-target-selection-name="sfdc:RecordField.Opportunity.StageName">
  <button role="combobox" aria-label="Stage"${dataValue === null ? '' : ` data-value="${dataValue}"`}><span>${text}</span></button>
  <div role="listbox"><lightning-base-combobox-item role="option" data-value="Closed Won"><span title="Closed Won">Closed Won</span></lightning-base-combobox-item></div></div>`;

describe('the record form (inline edit, Edit modal)', () => {
  it('Save with Stage in edit mode: the picklist’s value', () => {
    document.body.innerHTML = `<div class="windowViewMode-normal oneContent active lafPageHost">${STAGE_EDIT('Closed Won', 'Closed Won')}</div><records-form-footer><button name="SaveEdit">Save</button></records-form-footer>`;
    expect(recognizeAt(document.querySelector('button[name="SaveEdit"]')!)).toMatchObject({ kind: 'inline-edit-save', target: { stage: { value: 'Closed Won' } } });
  });

  it('without data-value, the option the rep picked', () => {
    document.body.innerHTML = `<div class="windowViewMode-normal oneContent active lafPageHost">${STAGE_EDIT(null, 'Closed Won')}</div><button name="SaveEdit">Save</button>`;
    recognizeAt(document.querySelector('lightning-base-combobox-item span')!);
    expect(recognizeAt(document.querySelector('button[name="SaveEdit"]')!)?.target).toEqual({ stage: { value: 'Closed Won', label: 'Closed Won' } });
  });

  it('inside a modal it is the Edit modal, and only that modal’s fields count', () => {
    document.body.innerHTML = `<div class="windowViewMode-normal oneContent active lafPageHost"></div><section role="dialog">${STAGE_EDIT('Closed Won', 'Closed Won')}<button name="SaveEdit">Save</button></section>`;
    expect(recognizeAt(document.querySelector('button[name="SaveEdit"]')!)).toMatchObject({ kind: 'edit-modal-save' });
  });

  it('Save while Stage is not being edited is not a stage move', () => {
    document.body.innerHTML = `<div class="windowViewMode-normal oneContent active lafPageHost"><div data-target-selection-name="sfdc:RecordField.Opportunity.StageName"><span>Negotiation/Review</span></div></div><button name="SaveEdit">Save</button>`;
    expect(recognizeAt(document.querySelector('button[name="SaveEdit"]')!)).toBeNull();
  });
});

describe('the Kanban', () => {
  const board = `<div class="runtime_sales_pipelineboardPipelineViewColumn" id="a"><div class="runtime_sales_pipelineboardPipelineViewColumnHeader"><h2 class="stageHeaderLabel" title="Negotiation/Review">Negotiation/Review</h2><span>(1)</span></div>
    <div class="listContent"><ul><li class="runtime_sales_pipelineboardPipelineViewCardStencil"><div class="006Hs00001abcDEIAY pipelineViewCard uiDraggable" draggable="true"><div class="primaryDisplayField"><a href="/lightning/r/006Hs00001abcDEIAY/view">Deal</a></div></div></li></ul></div></div>
    <div class="runtime_sales_pipelineboardPipelineViewColumn" id="b"><div class="runtime_sales_pipelineboardPipelineViewColumnHeader"><h2 class="stageHeaderLabel">Closed Won (3)</h2></div><div class="listContent"><ul></ul></div></div>`;

  function dropOn(el: Element, card: Element | null) {
    let result: ReturnType<typeof recognizeDrop> = null;
    const listener = (e: Event) => {
      result = recognizeDrop(e, card);
    };
    window.addEventListener('drop', listener, true);
    el.dispatchEvent(new Event('drop', { bubbles: true, composed: true, cancelable: true }));
    window.removeEventListener('drop', listener, true);
    return result as ReturnType<typeof recognizeDrop>;
  }

  it('a card dropped on another column moves to that column’s stage', () => {
    document.body.innerHTML = board;
    const card = document.querySelector('.pipelineViewCard')!;
    expect(dropOn(document.querySelector('#b ul')!, card)).toMatchObject({
      kind: 'kanban-drop',
      recordId: '006Hs00001abcDEIAY',
      target: { stage: { value: null, label: 'Closed Won (3)' } },
    });
  });

  it('dropped back in its own column, or with nothing dragged: not a move', () => {
    document.body.innerHTML = board;
    const card = document.querySelector('.pipelineViewCard')!;
    expect(dropOn(document.querySelector('#a ul')!, card)).toBeNull();
    expect(dropOn(document.querySelector('#b ul')!, null)).toBeNull();
  });

  it('finds the card’s id in its class, or else in its link', () => {
    document.body.innerHTML = board;
    expect(kanbanCardRecordId(document.querySelector('li')!)).toBe('006Hs00001abcDEIAY');
    document.body.innerHTML = '<li class="runtime_sales_pipelineboardPipelineViewCardStencil"><div class="primaryDisplayField"><a href="/lightning/r/Opportunity/006Hs00001xyzAAAAA/view">x</a></div></li>';
    expect(kanbanCardRecordId(document.querySelector('li')!)).toBe('006Hs00001xyzAAAAA');
  });
});

describe('reading the page', () => {
  it('only the active container counts', () => {
    document.body.innerHTML = `<div class="windowViewMode-normal oneContent lafPageHost" style="display:none"><div data-target-selection-name="sfdc:RecordField.Opportunity.Handoff_Use_Case__c"><span data-output-element-id="output-field">hidden deal</span></div></div>
      <div class="windowViewMode-normal oneContent active lafPageHost"><div data-target-selection-name="sfdc:RecordField.Opportunity.Handoff_Use_Case__c"><span data-output-element-id="output-field">shown deal</span></div></div>`;
    expect(fieldText(activePage()!, 'Handoff_Use_Case__c')).toBe('shown deal');
  });

  it('reads a value rendered inside a real shadow root', () => {
    document.body.innerHTML = `<div class="windowViewMode-normal oneContent active lafPageHost"><div data-target-selection-name="sfdc:RecordField.Opportunity.OwnerId"><force-owner-lookup data-output-element-id="output-field"></force-owner-lookup></div></div>`;
    const host = document.querySelector('force-owner-lookup')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<a><span>Ada Lovelace</span></a>';
    expect(fieldText(activePage()!, 'OwnerId')).toBe('Ada Lovelace');
  });
});

