import { describe, expect, it } from 'vitest';
import { hubspotSaves } from '@/lib/crms/hubspot/page/saves';

const APP = 'https://app.hubspot.com';
const API = 'https://api.hubapi.com';

const request = (method: string, url: string, body: unknown) => ({ method, url, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('HubSpot: which requests might save a deal (decided on the URL alone)', () => {
  it.each([
    ['PUT', `${APP}/api/crm-objects/v1/objects/0-3/9001?portalId=123`],
    ['PATCH', `${API}/crm/v3/objects/deals/9001`],
    ['PATCH', `${APP}/api/crm/v3/objects/0-3/9001`],
    ['POST', `${API}/crm/v3/objects/deals`],
    ['POST', `${API}/crm/v3/objects/deals/batch/update`],
    ['POST', `${API}/crm/v3/objects/deals/batch/create`],
    ['PUT', `${APP}/api/inbounddb-objects/v1/crm-objects/0-3?portalId=123`],
    ['POST', `${APP}/api/inbounddb-objects/v2/batch-mutation/dynamic-search?portalId=123`],
    ['PUT', `${API}/deals/v1/deal/9001`],
    ['POST', `${API}/deals/v1/batch-async/update`],
  ])('%s %s', (method, url) => {
    expect(hubspotSaves.mightSave(method, url)).toBe(true);
  });

  it.each([
    ['GET', `${APP}/api/crm-objects/v1/objects/0-3/9001`],
    ['POST', `${API}/crm/v3/objects/deals/search`],
    ['POST', `${API}/crm/v3/objects/deals/batch/read`],
    ['POST', `${APP}/api/crm-objects/v1/objects/0-3/batch-read`],
    ['PATCH', `${API}/crm/v3/objects/contacts/51`],
    ['PUT', `${APP}/api/inbounddb-objects/v1/crm-objects/0-1?portalId=123`],
    ['POST', `${APP}/api/graphql/crm`],
  ])('not %s %s', (method, url) => {
    expect(hubspotSaves.mightSave(method, url)).toBe(false);
  });
});

describe('HubSpot: reading a save', () => {
  it('the record page’s save (what the sandbox sends): the deal from the URL', () => {
    const reading = hubspotSaves.read(request('PUT', `${APP}/api/crm-objects/v1/objects/0-3/9001`, { properties: { dealstage: 'closedwon', handoff_use_case: 'Faster onboarding' } }));
    expect(reading).toEqual({ kind: 'saves', saves: [{ recordId: '9001', stage: 'closedwon', fields: { dealstage: 'closedwon', handoff_use_case: 'Faster onboarding' } }] });
  });

  it('a property save without the stage is none', () => {
    expect(hubspotSaves.read(request('PUT', `${APP}/api/crm-objects/v1/objects/0-3/9001`, { properties: { handoff_use_case: 'TBD' } }))).toEqual({ kind: 'none' });
  });

  it('CRM v3: update, create, batch update', () => {
    expect(hubspotSaves.read(request('PATCH', `${API}/crm/v3/objects/deals/9001`, { properties: { dealstage: '123456789' } }))).toMatchObject({ saves: [{ recordId: '9001', stage: '123456789' }] });
    expect(hubspotSaves.read(request('POST', `${API}/crm/v3/objects/deals`, { properties: { dealname: 'New', dealstage: 'closedwon', pipeline: 'default', amount: 500 } }))).toEqual({
      kind: 'saves',
      saves: [{ recordId: null, stage: 'closedwon', fields: { dealname: 'New', dealstage: 'closedwon', pipeline: 'default', amount: '500' } }],
    });
    const batch = { inputs: [{ id: '1', properties: { dealstage: 'closedwon' } }, { id: '2', properties: { dealname: 'x' } }, { id: 3, properties: { dealstage: 'closedwon' } }] };
    expect(hubspotSaves.read(request('POST', `${API}/crm/v3/objects/deals/batch/update`, batch))).toMatchObject({
      saves: [
        { recordId: '1', stage: 'closedwon' },
        { recordId: '3', stage: 'closedwon' },
      ],
    });
  });

  it('HubSpot’s own batch mutation: [{objectId, propertyValues: [{name, value}]}]', () => {
    const body = [9001, 9002].map((objectId) => ({ objectId, propertyValues: [{ name: 'dealstage', value: 'closedwon' }] }));
    expect(hubspotSaves.read(request('PUT', `${APP}/api/inbounddb-objects/v1/crm-objects/0-3?portalId=123`, body))).toMatchObject({
      saves: [
        { recordId: '9001', stage: 'closedwon' },
        { recordId: '9002', stage: 'closedwon' },
      ],
    });
  });

  it('the dynamic-search mutation by ids; of other objects it is none', () => {
    const body = { type: 'UPDATE', objectTypeId: '0-3', properties: [{ name: 'dealstage', value: 'closedwon' }], objectIdList: [7, 8] };
    expect(hubspotSaves.read(request('POST', `${APP}/api/inbounddb-objects/v2/batch-mutation/dynamic-search`, body))).toMatchObject({
      saves: [{ recordId: '7' }, { recordId: '8' }],
    });
    expect(hubspotSaves.read(request('POST', `${APP}/api/inbounddb-objects/v2/batch-mutation/dynamic-search`, { ...body, objectTypeId: '0-5' }))).toEqual({ kind: 'none' });
  });

  it('the legacy deals v1 shape', () => {
    expect(hubspotSaves.read(request('PUT', `${API}/deals/v1/deal/9001`, { properties: [{ name: 'dealstage', value: 'closedwon' }] }))).toMatchObject({ saves: [{ recordId: '9001', stage: 'closedwon' }] });
  });

  it('emptying the stage is no move', () => {
    expect(hubspotSaves.read(request('PATCH', `${API}/crm/v3/objects/deals/9001`, { properties: { dealstage: '' } }))).toEqual({ kind: 'none' });
  });
});

describe('HubSpot: what Baton cannot read is held (fail closed)', () => {
  it('an update by filter: the deals are not listed', () => {
    const body = { type: 'UPDATE', objectTypeId: '0-3', applyToAll: true, properties: [{ name: 'dealstage', value: 'closedwon' }], crmSearchRequestProxyEgg: { filterGroups: [] } };
    expect(hubspotSaves.read(request('POST', `${APP}/api/inbounddb-objects/v2/batch-mutation/dynamic-search`, body))).toMatchObject({ kind: 'unreadable', recordId: null });
  });

  it('a body that is not JSON but names dealstage', () => {
    expect(hubspotSaves.read(request('PUT', `${APP}/api/crm-objects/v1/objects/0-3/9001`, 'properties[dealstage]=closedwon'))).toMatchObject({ kind: 'unreadable' });
  });

  it('a JSON shape Baton does not know that names dealstage', () => {
    expect(hubspotSaves.read(request('PUT', `${APP}/api/crm-objects/v1/objects/0-3/9001`, { changes: { dealstage: 'closedwon' } }))).toMatchObject({ kind: 'unreadable', recordId: '9001' });
  });

  it('an update that does not say which deal', () => {
    expect(hubspotSaves.read(request('POST', `${API}/crm/v3/objects/deals/batch/update`, { inputs: [{ properties: { dealstage: 'closedwon' } }] }))).toMatchObject({ kind: 'unreadable' });
  });

  it('an upsert by a unique property', () => {
    const body = { inputs: [{ id: 'ext-1', idProperty: 'external_id', properties: { dealstage: 'closedwon' } }] };
    expect(hubspotSaves.read(request('POST', `${API}/crm/v3/objects/deals/batch/upsert`, body))).toMatchObject({ kind: 'unreadable' });
  });

  it('a streamed body', () => {
    expect(hubspotSaves.read({ method: 'PATCH', url: `${API}/crm/v3/objects/deals/1`, body: undefined })).toMatchObject({ kind: 'unreadable' });
  });
});

describe('HubSpot: writing the handoff the rep saved in Baton’s dialog into the page’s save', () => {
  const values = { recordId: '9001', fields: { handoff_use_case: 'Faster onboarding' } };

  it('a map of properties; only what the save writes', () => {
    const request = { method: 'PUT', url: `${APP}/api/crm-objects/v1/objects/0-3/9001`, body: JSON.stringify({ properties: { dealstage: 'closedwon', handoff_use_case: 'TBD' } }) };
    expect(JSON.parse(hubspotSaves.rewrite(request, [values]) ?? 'null')).toEqual({ properties: { dealstage: 'closedwon', handoff_use_case: 'Faster onboarding' } });
    const without = { ...request, body: JSON.stringify({ properties: { dealstage: 'closedwon' } }) };
    expect(JSON.parse(hubspotSaves.rewrite(without, [values]) ?? 'null')).toEqual({ properties: { dealstage: 'closedwon' } });
  });

  it('HubSpot’s own [{objectId, propertyValues: [{name, value}]}], by deal', () => {
    const body = [9001, 9002].map((objectId) => ({ objectId, propertyValues: [{ name: 'dealstage', value: 'closedwon' }, { name: 'handoff_use_case', value: 'TBD' }] }));
    const out = JSON.parse(hubspotSaves.rewrite({ method: 'PUT', url: `${APP}/api/inbounddb-objects/v1/crm-objects/0-3`, body: JSON.stringify(body) }, [values]) ?? 'null') as typeof body;
    expect(out.map((r) => r.propertyValues[1]?.value)).toEqual(['Faster onboarding', 'TBD']);
  });
});
