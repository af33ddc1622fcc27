import { describe, expect, it } from 'vitest';
import { salesforceSaves } from '@/lib/crms/salesforce/page/saves';

const HOST = 'https://acme.lightning.force.com';
const OPP = '006Dn00000AbCdEIAV';
const ACCOUNT = '001Dn00000XyZaBIAV';

/** A Lightning Aura POST body as the page sends it: the message's actions, form-encoded (github.com/google/aura-inspector issue #3). */
function auraBody(actions: unknown[]): string {
  return new URLSearchParams({
    message: JSON.stringify({ actions }),
    'aura.context': JSON.stringify({ mode: 'PROD', fwuid: 'abc', app: 'one:one', loaded: {} }),
    'aura.pageURI': `/lightning/r/Opportunity/${OPP}/view`,
    'aura.token': 'eyJub25jZSI6Ii4uLiJ9',
  }).toString();
}

const updateRecord = (recordId: string, fields: Record<string, unknown>, id = '123;a') => ({
  id,
  descriptor: 'aura://RecordUiController/ACTION$updateRecord',
  callingDescriptor: 'UNKNOWN',
  params: { recordId, recordInput: { allowSaveOnDuplicate: false, fields }, clientOptions: {} },
});

const aura = (actions: unknown[], name = 'updateRecord') => ({ method: 'POST', url: `${HOST}/aura?r=7&aura.RecordUi.${name}=1`, body: auraBody(actions) });

describe('Salesforce: which requests might save a record (decided on the URL alone)', () => {
  it.each([
    ['POST', `${HOST}/aura?r=12&aura.RecordUi.updateRecord=1`],
    ['POST', 'https://acme.my.site.com/s/sfsites/aura?r=1'],
    ['PATCH', `${HOST}/services/data/v62.0/ui-api/records/${OPP}`],
    ['POST', `${HOST}/services/data/v62.0/ui-api/records`],
    ['PATCH', `${HOST}/services/data/v62.0/sobjects/Opportunity/${OPP}`],
    ['POST', `${HOST}/services/data/v62.0/composite/sobjects`],
  ])('%s %s', (method, url) => {
    expect(salesforceSaves.mightSave(method, url)).toBe(true);
  });

  it.each([
    ['GET', `${HOST}/aura?r=1`],
    ['GET', `${HOST}/services/data/v62.0/ui-api/records/${OPP}`],
    ['POST', `${HOST}/services/data/v62.0/query`],
    ['POST', `${HOST}/lightning/r/Opportunity/${OPP}/view`],
    ['POST', `${HOST}/services/data/v62.0/ui-api/records/batch/${OPP}`],
    ['PATCH', `${HOST}/services/data/v62.0/sobjects/Account/${ACCOUNT}`],
  ])('not %s %s', (method, url) => {
    expect(salesforceSaves.mightSave(method, url)).toBe(false);
  });
});

describe('Salesforce: reading a save', () => {
  it('an Aura updateRecord of StageName is a stage move, with the other fields it writes', () => {
    const reading = salesforceSaves.read(aura([updateRecord(OPP, { StageName: 'Closed Won', Handoff_Use_Case__c: 'Replace the ticketing tool', Amount: 12000 })]));
    expect(reading).toEqual({
      kind: 'saves',
      saves: [{ recordId: OPP, stage: 'Closed Won', fields: { StageName: 'Closed Won', Handoff_Use_Case__c: 'Replace the ticketing tool', Amount: '12000' } }],
    });
  });

  it('the record id may come only in recordInput.fields.Id', () => {
    const action = { ...updateRecord(OPP, { Id: OPP, StageName: 'Closed Won' }), params: { recordInput: { fields: { Id: OPP, StageName: 'Closed Won' } } } };
    expect(salesforceSaves.read(aura([action]))).toMatchObject({ kind: 'saves', saves: [{ recordId: OPP, stage: 'Closed Won' }] });
  });

  it('several actions in one request: every stage move is in the reading, other actions are not', () => {
    const other = '006Dn00000ZzZzZIAV';
    const reading = salesforceSaves.read(
      aura([
        { id: '1;a', descriptor: 'aura://RecordUiController/ACTION$getRecordWithFields', params: { recordId: OPP, fields: ['Opportunity.StageName'] } },
        updateRecord(OPP, { StageName: 'Closed Won' }, '2;a'),
        updateRecord(ACCOUNT, { Name: 'Acme' }, '3;a'),
        updateRecord(other, { StageName: 'Prospecting' }, '4;a'),
      ]),
    );
    expect(reading).toMatchObject({ kind: 'saves', saves: [{ recordId: OPP, stage: 'Closed Won' }, { recordId: other, stage: 'Prospecting' }] });
  });

  it('a save that does not touch the stage, or touches another object, is none', () => {
    expect(salesforceSaves.read(aura([updateRecord(OPP, { Handoff_Use_Case__c: 'TBD' })]))).toEqual({ kind: 'none' });
    expect(salesforceSaves.read(aura([updateRecord(ACCOUNT, { StageName: 'Closed Won' })]))).toEqual({ kind: 'none' });
    const custom = { ...updateRecord(OPP, {}), params: { recordId: 'a01Dn00000AbCdEIAV', recordInput: { apiName: 'Deal_Room__c', fields: { StageName: 'Closed Won' } } } };
    expect(salesforceSaves.read(aura([custom]))).toEqual({ kind: 'none' });
  });

  it('reads are none, even when they name StageName', () => {
    const read = { id: '1;a', descriptor: 'serviceComponent://ui.force.components.controllers.lists.listViewDataManager.ListViewDataManagerController/ACTION$getItems', params: { filterBy: { StageName: 'Closed Won' } } };
    expect(salesforceSaves.read(aura([read], 'getItems'))).toEqual({ kind: 'none' });
  });

  it('an Aura createRecord of an Opportunity is a creation in that stage', () => {
    const create = {
      id: '9;a',
      descriptor: 'aura://RecordUiController/ACTION$createRecord',
      params: { recordInput: { apiName: 'Opportunity', fields: { Name: 'New deal', StageName: 'Closed Won', CloseDate: '2026-12-31', Amount: 5000 } } },
    };
    expect(salesforceSaves.read(aura([create], 'createRecord'))).toEqual({
      kind: 'saves',
      saves: [{ recordId: null, stage: 'Closed Won', fields: { Name: 'New deal', StageName: 'Closed Won', CloseDate: '2026-12-31', Amount: '5000' } }],
    });
  });

  it('the older RecordGvp saveRecord, with {value} fields', () => {
    const action = {
      id: '5956;a',
      descriptor: 'serviceComponent://ui.force.components.controllers.recordGlobalValueProvider.RecordGvpController/ACTION$saveRecord',
      params: { recordRep: { id: OPP, apiName: 'Opportunity', fields: { StageName: { value: 'Closed Won', displayValue: 'Closed Won' } } }, recordSaveParams: {} },
    };
    expect(salesforceSaves.read(aura([action], 'saveRecord'))).toEqual({ kind: 'saves', saves: [{ recordId: OPP, stage: 'Closed Won', fields: { StageName: 'Closed Won' } }] });
  });

  it('the User Interface API: PATCH a record, POST a new one', () => {
    expect(salesforceSaves.read({ method: 'PATCH', url: `${HOST}/services/data/v62.0/ui-api/records/${OPP}`, body: JSON.stringify({ fields: { StageName: 'Closed Won' } }) })).toEqual({
      kind: 'saves',
      saves: [{ recordId: OPP, stage: 'Closed Won', fields: { StageName: 'Closed Won' } }],
    });
    expect(
      salesforceSaves.read({ method: 'POST', url: `${HOST}/services/data/v62.0/ui-api/records`, body: JSON.stringify({ apiName: 'Opportunity', fields: { Name: 'N', StageName: 'Closed Won' } }) }),
    ).toMatchObject({ kind: 'saves', saves: [{ recordId: null, stage: 'Closed Won' }] });
    expect(
      salesforceSaves.read({ method: 'POST', url: `${HOST}/services/data/v62.0/ui-api/records`, body: JSON.stringify({ apiName: 'Contact', fields: { StageName: 'x' } }) }),
    ).toEqual({ kind: 'none' });
  });

  it('REST sObject and composite writes', () => {
    expect(salesforceSaves.read({ method: 'PATCH', url: `${HOST}/services/data/v62.0/sobjects/Opportunity/${OPP}`, body: '{"StageName":"Closed Won"}' })).toMatchObject({
      saves: [{ recordId: OPP, stage: 'Closed Won' }],
    });
    const composite = { allOrNone: true, records: [{ attributes: { type: 'Opportunity' }, id: OPP, StageName: 'Closed Won' }, { attributes: { type: 'Account' }, id: ACCOUNT, Name: 'A' }] };
    expect(salesforceSaves.read({ method: 'PATCH', url: `${HOST}/services/data/v62.0/composite/sobjects`, body: JSON.stringify(composite) })).toMatchObject({
      saves: [{ recordId: OPP, stage: 'Closed Won' }],
    });
  });

  it('field names are case-insensitive, as in Salesforce’s APIs', () => {
    expect(salesforceSaves.read(aura([updateRecord(OPP, { stagename: 'Closed Won' })]))).toMatchObject({ saves: [{ stage: 'Closed Won' }] });
  });
});

describe('Salesforce: what Baton cannot read is held (fail closed)', () => {
  it('an Aura body whose message is not JSON but names StageName', () => {
    const body = auraBody([]).replace(/^message=[^&]*/, 'message=%7B%22actions%22%3A%5B%7B%22StageName%22');
    expect(salesforceSaves.read({ method: 'POST', url: `${HOST}/aura?r=1&aura.RecordUi.updateRecord=1`, body })).toMatchObject({ kind: 'unreadable', recordId: null });
  });

  it('an updateRecord whose recordInput is not an object', () => {
    const action = { ...updateRecord(OPP, {}), params: { recordId: OPP, recordInput: '{"fields":{"StageName":"Closed Won"}}', extra: { StageName: 'Closed Won' } } };
    expect(salesforceSaves.read(aura([action]))).toMatchObject({ kind: 'unreadable', recordId: OPP });
  });

  it('a stage set to something that is no text', () => {
    expect(salesforceSaves.read(aura([updateRecord(OPP, { StageName: { value: ['Closed Won'] } })]))).toMatchObject({ kind: 'unreadable', recordId: OPP });
  });

  it('an action Baton does not know that writes a StageName', () => {
    const action = { id: '1;a', descriptor: 'serviceComponent://ui.sales.components.kanban.KanbanController/ACTION$moveCard', params: { record: { Id: OPP, StageName: 'Closed Won' } } };
    expect(salesforceSaves.read(aura([action], 'moveCard'))).toMatchObject({ kind: 'unreadable' });
  });

  it('a streamed body to a record write', () => {
    expect(salesforceSaves.read({ method: 'PATCH', url: `${HOST}/services/data/v62.0/ui-api/records/${OPP}`, body: undefined })).toMatchObject({ kind: 'unreadable' });
  });

  it('an Aura body that does not parse and does not name StageName goes (it cannot set a stage)', () => {
    expect(salesforceSaves.read({ method: 'POST', url: `${HOST}/aura?r=1`, body: 'message=%7Bnot-json' })).toEqual({ kind: 'none' });
  });
});

describe('Salesforce: writing the handoff the rep saved in Baton’s dialog into the page’s save', () => {
  const values = { recordId: OPP, fields: { Handoff_Use_Case__c: 'Replace the ticketing tool', Handoff_Risk_Flags__c: 'None: confirmed' } };

  it('an Aura updateRecord: only the fields the save writes change; the other parameters stay', () => {
    const request = aura([updateRecord(OPP, { StageName: 'Closed Won', handoff_use_case__c: 'TBD', Amount: 5 }), updateRecord(ACCOUNT, { Handoff_Use_Case__c: 'x' }, '2;a')]);
    const body = salesforceSaves.rewrite(request, [values]);
    const form = new URLSearchParams(body ?? '');
    const actions = (JSON.parse(form.get('message') ?? '{}') as { actions: Array<{ params: { recordInput: { fields: Record<string, unknown> } } }> }).actions;
    expect(actions[0]?.params.recordInput.fields).toEqual({ StageName: 'Closed Won', handoff_use_case__c: 'Replace the ticketing tool', Amount: 5 });
    expect(actions[1]?.params.recordInput.fields).toEqual({ Handoff_Use_Case__c: 'x' });
    expect(form.get('aura.token')).toBe(new URLSearchParams(request.body).get('aura.token'));
    expect(salesforceSaves.read({ ...request, body: body ?? '' })).toMatchObject({ saves: [{ fields: { handoff_use_case__c: 'Replace the ticketing tool' } }] });
  });

  it('the RecordGvp {value} fields and the User Interface API', () => {
    const gvp = {
      id: '1;a',
      descriptor: 'serviceComponent://ui.force.components.controllers.recordGlobalValueProvider.RecordGvpController/ACTION$saveRecord',
      params: { recordRep: { id: OPP, apiName: 'Opportunity', fields: { StageName: { value: 'Closed Won' }, Handoff_Use_Case__c: { value: 'TBD', displayValue: 'TBD' } } } },
    };
    const rewritten = new URLSearchParams(salesforceSaves.rewrite(aura([gvp], 'saveRecord'), [values]) ?? '');
    expect(rewritten.get('message')).toContain('{"value":"Replace the ticketing tool","displayValue":"Replace the ticketing tool"}');
    const ui = { method: 'PATCH', url: `${HOST}/services/data/v62.0/ui-api/records/${OPP}`, body: JSON.stringify({ fields: { StageName: 'Closed Won', Handoff_Use_Case__c: 'TBD' } }) };
    expect(JSON.parse(salesforceSaves.rewrite(ui, [values]) ?? 'null')).toEqual({ fields: { StageName: 'Closed Won', Handoff_Use_Case__c: 'Replace the ticketing tool' } });
  });

  it('a body it cannot write is null (the save then does not go)', () => {
    expect(salesforceSaves.rewrite({ method: 'POST', url: `${HOST}/aura?r=1`, body: 'message=%7Bbroken' }, [values])).toBeNull();
  });
});
