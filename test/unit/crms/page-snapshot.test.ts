// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { pageSnapshot } from '@/lib/crms/salesforce/page/adapter';
import { hubspotPageSnapshot } from '@/lib/crms/hubspot/page/adapter';
import type { DealRef } from '@/lib/domain/deal';
import type { CrmProblem } from '@/lib/domain/problem';
import { DEFAULT_HUBSPOT_MAPPING, DEFAULT_SALESFORCE_MAPPING } from '@/lib/settings/schema';

const NOW = new Date('2027-01-11T12:00:00.000Z');
const problem: CrmProblem = { kind: 'api-disabled', message: 'The API is not enabled for your profile.' };

beforeEach(() => {
  document.body.innerHTML = '';
});

/** A Lightning record page (the selectors' first forms) with the given fields on its layout. */
function lightningPage(fields: Record<string, string>): void {
  const items = Object.entries(fields)
    .map(([api, value]) => `<div data-target-selection-name="sfdc:RecordField.Opportunity.${api}"><span class="test-id__field-value">${value}</span></div>`)
    .join('');
  document.body.innerHTML = `<div class="windowViewMode-normal oneContent active lafPageHost"><h1><span class="slds-page-header__title">Acme renewal</span></h1>${items}</div>`;
}

describe('the Salesforce page snapshot', () => {
  const deal: DealRef = { crm: 'salesforce', instance: 'acme--uat.sandbox', recordId: '006Hs00001abcDEIAY' };

  it('reads what the layout shows, read-only, and names the mapped fields it lacks', () => {
    const { knownGaps: _gaps, timeline: _timeline, ...onLayout } = DEFAULT_SALESFORCE_MAPPING;
    const values = Object.fromEntries(Object.values(onLayout).flatMap((api) => (typeof api === 'string' ? [[api, `text of ${api}`]] : [])));
    lightningPage({ ...values, OwnerId: 'Grace Hopper', StageName: 'Negotiation/Review' });
    const s = pageSnapshot(deal, problem, DEFAULT_SALESFORCE_MAPPING, NOW);
    expect(s).toMatchObject({
      deal,
      url: 'https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view',
      name: 'Acme renewal',
      stage: { value: 'Negotiation/Review', label: 'Negotiation/Review' },
      owner: 'Grace Hopper',
      source: 'page',
      writable: false,
      stages: null,
      fetchedAt: NOW.toISOString(),
      notice:
        'Read from the page: The API is not enabled for your profile. Baton cannot save from here; edit the fields in Salesforce (not on this layout: Handoff_Timeline__c, Handoff_Known_Gaps__c).',
    });
    expect(s?.artifact).toMatchObject({ useCase: 'text of Handoff_Use_Case__c', timeline: '', knownGaps: '' });
  });

  it('says nothing about the layout when every mapped field is on it', () => {
    lightningPage(Object.fromEntries(Object.values(DEFAULT_SALESFORCE_MAPPING).flatMap((api) => (typeof api === 'string' ? [[api, 'x']] : []))));
    expect(pageSnapshot(deal, problem, DEFAULT_SALESFORCE_MAPPING, NOW)?.notice).toBe(
      'Read from the page: The API is not enabled for your profile. Baton cannot save from here; edit the fields in Salesforce.',
    );
  });

  it('in inline edit mode the fields hold inputs, not saved values: they are read as unsaved, never as what was typed', () => {
    lightningPage({ StageName: 'Negotiation/Review' });
    const page = document.querySelector('.oneContent') as HTMLElement;
    page.insertAdjacentHTML(
      'beforeend',
      `<div data-target-selection-name="sfdc:RecordField.Opportunity.${DEFAULT_SALESFORCE_MAPPING.useCase}"><lightning-textarea><textarea>typed, not saved</textarea></lightning-textarea></div>
       <div data-target-selection-name="sfdc:RecordField.Opportunity.${DEFAULT_SALESFORCE_MAPPING.successMetric}"><span class="test-id__field-value">Saved metric</span></div>`,
    );
    const s = pageSnapshot(deal, problem, DEFAULT_SALESFORCE_MAPPING, NOW);
    expect(s?.artifact).toMatchObject({ useCase: '', successMetric: 'Saved metric' });
    expect(s?.fieldIssues).toEqual([{ element: 'useCase', field: DEFAULT_SALESFORCE_MAPPING.useCase, problem: 'unsaved' }]);
    expect(s?.notice).toContain(`Edits not saved yet are not judged (${DEFAULT_SALESFORCE_MAPPING.useCase}).`);
  });

  it('is null when the layout has no handoff field, or no record page is on screen', () => {
    lightningPage({ OwnerId: 'Grace Hopper' });
    expect(pageSnapshot(deal, problem, DEFAULT_SALESFORCE_MAPPING, NOW)).toBeNull();
    document.body.innerHTML = '';
    expect(pageSnapshot(deal, problem, DEFAULT_SALESFORCE_MAPPING, NOW)).toBeNull();
  });
});

/** A HubSpot deal record's left sidebar with the given properties shown. */
function hubspotSidebar(properties: Record<string, string>): void {
  const items = Object.entries(properties)
    .map(([name, value]) => `<div data-selenium-test="property-input-${name}"><textarea>${value}</textarea></div>`)
    .join('');
  document.body.innerHTML = `<div data-test-id="left-sidebar"><div data-selenium-test="highlightTitle">Acme expansion</div>
    <div data-selenium-test="property-input-dealstage"><button>Contract Sent</button></div>${items}</div>`;
}

describe('the HubSpot page snapshot', () => {
  const deal: DealRef = { crm: 'hubspot', instance: '12345', recordId: '40000000001' };
  const notConnected: CrmProblem = { kind: 'not-connected', message: 'Baton is not connected to HubSpot.' };

  it('reads what the sidebar shows, read-only, and names the mapped properties it lacks', () => {
    history.replaceState({}, '', '/');
    const { knownGaps: _gaps, ...shown } = DEFAULT_HUBSPOT_MAPPING;
    hubspotSidebar(Object.fromEntries(Object.values(shown).flatMap((name) => (typeof name === 'string' ? [[name, `text of ${name}`]] : []))));
    const s = hubspotPageSnapshot(deal, notConnected, DEFAULT_HUBSPOT_MAPPING, NOW);
    expect(s).toMatchObject({
      deal,
      url: `https://${location.host}/contacts/12345/record/0-3/40000000001`,
      name: 'Acme expansion',
      stage: { value: 'Contract Sent', label: 'Contract Sent' },
      owner: null,
      source: 'page',
      writable: false,
      fetchedAt: NOW.toISOString(),
      notice:
        'Read from the page: Baton is not connected to HubSpot. Baton cannot save from here; edit the properties in HubSpot (not on this page: handoff_known_gaps).',
    });
    expect(s?.artifact).toMatchObject({ useCase: 'text of handoff_use_case', knownGaps: '' });
  });

  it('reads what the page rendered as saved, not what the rep typed and did not save', () => {
    hubspotSidebar({ [DEFAULT_HUBSPOT_MAPPING.useCase]: 'Saved use case', [DEFAULT_HUBSPOT_MAPPING.successMetric]: 'Saved metric' });
    const typedInto = document.querySelector(`[data-selenium-test="property-input-${DEFAULT_HUBSPOT_MAPPING.useCase}"] textarea`) as HTMLTextAreaElement;
    typedInto.value = 'Typed, never saved';
    const s = hubspotPageSnapshot(deal, notConnected, DEFAULT_HUBSPOT_MAPPING, NOW);
    expect(s?.artifact).toMatchObject({ useCase: 'Saved use case', successMetric: 'Saved metric' });
    expect(s?.fieldIssues).toEqual([{ element: 'useCase', field: DEFAULT_HUBSPOT_MAPPING.useCase, problem: 'unsaved' }]);
    expect(s?.notice).toContain(`Edits not saved yet are not judged (${DEFAULT_HUBSPOT_MAPPING.useCase}).`);
  });

  it('while HubSpot shows its save bar, every property read from an editor counts as unsaved (the page may keep the rendered value in step with the typing)', () => {
    hubspotSidebar({ [DEFAULT_HUBSPOT_MAPPING.useCase]: 'Looks saved', [DEFAULT_HUBSPOT_MAPPING.riskFlags]: 'None' });
    document.body.insertAdjacentHTML('beforeend', '<div data-test-id="property-save-bar"><button>Save</button></div>');
    expect(hubspotPageSnapshot(deal, notConnected, DEFAULT_HUBSPOT_MAPPING, NOW)?.fieldIssues.map((i) => i.element)).toEqual(['useCase', 'riskFlags']);
    (document.querySelector('[data-test-id="property-save-bar"]') as HTMLElement).hidden = true;
    expect(hubspotPageSnapshot(deal, notConnected, DEFAULT_HUBSPOT_MAPPING, NOW)?.fieldIssues).toEqual([]);
  });

  it('is null without the record sidebar, or when it shows no handoff property', () => {
    expect(hubspotPageSnapshot(deal, notConnected, DEFAULT_HUBSPOT_MAPPING, NOW)).toBeNull();
    hubspotSidebar({});
    expect(hubspotPageSnapshot(deal, notConnected, DEFAULT_HUBSPOT_MAPPING, NOW)).toBeNull();
  });
});
