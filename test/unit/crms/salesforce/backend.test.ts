import { beforeEach, describe, expect, it } from 'vitest';
import { ORG_CACHE_MS, SalesforceBackend } from '@/lib/crms/salesforce/api/backend';
import { CrmError, type CrmErrorKind } from '@/lib/domain/problem';
import type { DealRef } from '@/lib/domain/deal';
import { DEFAULT_SALESFORCE_MAPPING } from '@/lib/settings/schema';
import { FakeSalesforceOrg, HANDOFF_FIELDS, type FakeOpportunity } from '@/test/fixtures/salesforce/org';
import { fetchFromOrg } from '@/test/fixtures/salesforce/fetch';
import type { FakeRequest } from '@/test/fixtures/salesforce/org';

function setup(org = new FakeSalesforceOrg(), before?: (r: FakeRequest) => void) {
  const backend = new SalesforceBackend({
    getCookie: async ({ url, name }) => (name === 'sid' && new URL(url).host === org.apiHost ? { value: org.sessionId } : null),
    mapping: async () => DEFAULT_SALESFORCE_MAPPING,
    fetch: fetchFromOrg(org, before),
  });
  return { org, backend };
}

const refOf = (org: FakeSalesforceOrg, opp: FakeOpportunity): DealRef => ({ crm: 'salesforce', instance: org.instance, recordId: opp.id });

async function kindOf(promise: Promise<unknown>): Promise<CrmErrorKind> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CrmError);
    return (error as CrmError).kind;
  }
  throw new Error('expected a CrmError');
}

describe('SalesforceBackend.readSnapshot', () => {
  let org: FakeSalesforceOrg;
  let backend: SalesforceBackend;
  let opp: FakeOpportunity;
  beforeEach(() => {
    ({ org, backend } = setup());
    opp = org.addOpportunity({ name: 'Acme renewal', amount: 48_000, handoff: { useCase: 'Route all support email.', riskFlags: '[high] Champion leaves' } });
  });

  it('reads the deal, its owner and account, and the mapped handoff fields', async () => {
    const s = await backend.readSnapshot(refOf(org, opp));
    expect(s).toMatchObject({
      name: 'Acme renewal',
      stage: { value: 'Negotiation/Review', label: 'Negotiation/Review' },
      amount: 48_000,
      closeDate: '2027-01-29',
      owner: 'Grace Hopper',
      account: 'Acme Logistics',
      source: 'api',
      writable: true,
      notice: null,
      url: `https://acme.lightning.force.com/lightning/r/Opportunity/${opp.id}/view`,
    });
    expect(s.artifact.useCase).toBe('Route all support email.');
    expect(s.artifact.riskFlags).toBe('[high] Champion leaves');
    expect(s.artifact.successMetric).toBe('');
    expect(s.version).toBe(new Date(opp.lastModified).toISOString());
  });

  it('takes won stages from OpportunityStage.IsWon, with labels in the user’s language', async () => {
    ({ org, backend } = setup(new FakeSalesforceOrg({ language: 'de', secondWonStage: true })));
    opp = org.addOpportunity({ name: 'Müller Maschinenbau' });
    const s = await backend.readSnapshot(refOf(org, opp));
    expect(s.stages?.filter((st) => st.won).map((st) => [st.value, st.label])).toEqual([
      ['Closed Won', 'Geschlossen und gewonnen'],
      ['Closed Won - Renewal', 'Gewonnen – Verlängerung'],
    ]);
    expect(s.stages?.find((st) => st.value === 'Closed Lost')).toMatchObject({ closed: true, won: false });
    expect(s.stage.label).toBe('Verhandlung/Prüfung');
  });

  it('names mapped fields the org does not have, and still reads the rest', async () => {
    ({ org, backend } = setup(new FakeSalesforceOrg({ missingFields: [HANDOFF_FIELDS.knownGaps, HANDOFF_FIELDS.timeline] })));
    opp = org.addOpportunity({ name: 'Partial org', handoff: { useCase: 'Something real' } });
    const s = await backend.readSnapshot(refOf(org, opp));
    expect(s.fieldIssues).toEqual([
      { element: 'timeline', field: 'Handoff_Timeline__c', problem: 'missing' },
      { element: 'knownGaps', field: 'Handoff_Known_Gaps__c', problem: 'missing' },
    ]);
    expect(s.notice).toBe(
      'Salesforce setup needed: Handoff_Timeline__c, Handoff_Known_Gaps__c are not on Opportunity in this org (or not visible to you). Ask your admin to add them, or change the mapping in Baton’s options.',
    );
    expect(s.artifact.useCase).toBe('Something real');
  });

  it('names a single missing field in the singular', async () => {
    ({ org, backend } = setup(new FakeSalesforceOrg({ missingFields: [HANDOFF_FIELDS.knownGaps] })));
    const s = await backend.readSnapshot(refOf(org, org.addOpportunity({ name: 'One missing' })));
    expect(s.notice).toBe(
      'Salesforce setup needed: Handoff_Known_Gaps__c is not on Opportunity in this org (or not visible to you). Ask your admin to add it, or change the mapping in Baton’s options.',
    );
  });

  it('without a session cookie it says to sign in', async () => {
    const noCookie = new SalesforceBackend({ getCookie: async () => null, mapping: async () => DEFAULT_SALESFORCE_MAPPING, fetch: fetchFromOrg(org) });
    expect(await kindOf(noCookie.readSnapshot(refOf(org, opp)))).toBe('not-connected');
  });

  it('tells an expired session and a closed API apart', async () => {
    org.sessionValid = false;
    expect(await kindOf(backend.readSnapshot(refOf(org, opp)))).toBe('session-expired');
    org.sessionValid = true;
    org.apiEnabled = false;
    expect(await kindOf(backend.readSnapshot(refOf(org, opp)))).toBe('api-disabled');
  });

  it('reports a deleted record, a body of the wrong shape and a dead network', async () => {
    expect(await kindOf(backend.readSnapshot({ ...refOf(org, opp), recordId: '006Hs00000gone0AAA' }))).toBe('not-found');
    backend.forget(org.instance); // describe is cached from the read above
    org.failNext({ path: /describe/, status: 200, body: { fields: 'not a list' } });
    expect(await kindOf(backend.readSnapshot(refOf(org, opp)))).toBe('bad-response');
    const offline = new SalesforceBackend({
      getCookie: async () => ({ value: org.sessionId }),
      mapping: async () => DEFAULT_SALESFORCE_MAPPING,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(await kindOf(offline.readSnapshot(refOf(org, opp)))).toBe('network');
  });

  it('honours Retry-After on 503 and knows the daily request limit', async () => {
    org.failNext({ path: /describe/, status: 503, headers: { 'Retry-After': '120' }, body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'down' }] });
    try {
      await backend.readSnapshot(refOf(org, opp));
      expect.unreachable();
    } catch (error) {
      expect((error as CrmError).problem).toMatchObject({ kind: 'unavailable', retryAfterSeconds: 120, status: 503 });
    }
    org.failNext({ path: /describe/, status: 403, body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }] });
    expect(await kindOf(backend.readSnapshot(refOf(org, opp)))).toBe('rate-limited');
  });

  it('caches describe and stages per org, but reads the record every time', async () => {
    await backend.readSnapshot(refOf(org, opp));
    await backend.readSnapshot(refOf(org, opp));
    const paths = org.requests.map((r) => new URL(r.url).pathname.split('/v66.0/')[1]);
    expect(paths.filter((p) => p === 'sobjects/Opportunity/describe')).toHaveLength(1);
    expect(paths.filter((p) => p === 'query')).toHaveLength(1);
    expect(paths.filter((p) => p?.startsWith('ui-api/records/'))).toHaveLength(2);
  });

  it('reads describe and stages again once ORG_CACHE_MS has passed, and does not remember a failed read', async () => {
    let clock = Date.parse('2027-01-11T12:00:00.000Z');
    const timed = new SalesforceBackend({ getCookie: async () => ({ value: org.sessionId }), mapping: async () => DEFAULT_SALESFORCE_MAPPING, fetch: fetchFromOrg(org), now: () => new Date(clock) });
    const describes = () => org.requests.filter((r) => r.url.includes('sobjects/Opportunity/describe')).length;
    org.failNext({ path: /describe/, status: 503, body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'down' }] });
    expect(await kindOf(timed.readSnapshot(refOf(org, opp)))).toBe('unavailable');
    await timed.readSnapshot(refOf(org, opp));
    expect(describes()).toBe(2);
    clock += ORG_CACHE_MS - 1;
    await timed.readSnapshot(refOf(org, opp));
    expect(describes()).toBe(2);
    clock += 1;
    await timed.readSnapshot(refOf(org, opp));
    expect(describes()).toBe(3);
  });

  it('sends the session only to the org’s My Domain API host, as a Bearer header, on the pinned version', async () => {
    await backend.readSnapshot(refOf(org, opp));
    for (const r of org.requests) {
      expect(new URL(r.url).host).toBe('acme.my.salesforce.com');
      expect(r.url).toContain('/services/data/v66.0/');
      expect(r.headers.authorization).toBe(`Bearer ${org.sessionId}`);
    }
  });
});

describe('SalesforceBackend.writeFields', () => {
  let org: FakeSalesforceOrg;
  let backend: SalesforceBackend;
  let opp: FakeOpportunity;
  beforeEach(() => {
    ({ org, backend } = setup());
    opp = org.addOpportunity({ name: 'Write test', handoff: { useCase: 'old' } });
  });

  it('writes the fields when nobody changed them meanwhile', async () => {
    const outcome = await backend.writeFields(refOf(org, opp), { useCase: 'new use case', successMetric: 'Cut time 50% by Q3' }, { useCase: 'old', successMetric: '' });
    expect(outcome).toEqual({ ok: true });
    expect(opp.fields[HANDOFF_FIELDS.useCase]).toBe('new use case');
    expect(opp.fields[HANDOFF_FIELDS.successMetric]).toBe('Cut time 50% by Q3');
    const patch = org.requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers['if-unmodified-since']).toBe(new Date(Date.UTC(2027, 0, 4, 9, 30)).toUTCString());
  });

  it('does not overwrite a newer edit made elsewhere, and says whose text is there now', async () => {
    org.editElsewhere(opp.id, { [HANDOFF_FIELDS.useCase]: 'their edit' });
    const outcome = await backend.writeFields(refOf(org, opp), { useCase: 'mine' }, { useCase: 'old' });
    expect(outcome).toEqual({ ok: false, conflicts: [{ element: 'useCase', theirs: 'their edit' }] });
    expect(opp.fields[HANDOFF_FIELDS.useCase]).toBe('their edit');
    expect(org.requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('is not a conflict when elsewhere someone wrote the same text, or changed another field', async () => {
    org.editElsewhere(opp.id, { [HANDOFF_FIELDS.useCase]: 'mine', [HANDOFF_FIELDS.timeline]: 'Go-live: 2027-03-01' });
    expect(await backend.writeFields(refOf(org, opp), { useCase: 'mine' }, { useCase: 'old' })).toEqual({ ok: true });
  });

  it('catches an edit that lands between its read and its write (412), and does not overwrite it', async () => {
    let patches = 0;
    ({ org, backend } = setup(org, (r) => {
      if (r.method === 'PATCH' && patches++ === 0) org.editElsewhere(opp.id, { [HANDOFF_FIELDS.useCase]: 'raced' });
    }));
    const outcome = await backend.writeFields(refOf(org, opp), { useCase: 'mine' }, { useCase: 'old' });
    expect(outcome).toEqual({ ok: false, conflicts: [{ element: 'useCase', theirs: 'raced' }] });
    expect(opp.fields[HANDOFF_FIELDS.useCase]).toBe('raced');
  });

  it('treats CRLF from Salesforce as the same text', async () => {
    opp.fields[HANDOFF_FIELDS.riskFlags] = 'a\r\nb';
    expect(await backend.writeFields(refOf(org, opp), { riskFlags: 'a\nb\nc' }, { riskFlags: 'a\nb' })).toEqual({ ok: true });
  });

  it('passes a validation rule’s message through', async () => {
    org.validationRule = () => 'Close date must be in the current quarter.';
    try {
      await backend.writeFields(refOf(org, opp), { useCase: 'x' }, { useCase: 'old' });
      expect.unreachable();
    } catch (error) {
      expect((error as CrmError).problem).toMatchObject({ kind: 'validation', message: 'Salesforce refused the change: Close date must be in the current quarter.' });
    }
  });

  it('refuses, before sending, text longer than the field holds, and fields the org lacks', async () => {
    expect(await kindOf(backend.writeFields(refOf(org, opp), { useCase: 'x'.repeat(40_000) }, { useCase: 'old' }))).toBe('validation');
    ({ org, backend } = setup(new FakeSalesforceOrg({ missingFields: [HANDOFF_FIELDS.knownGaps] })));
    opp = org.addOpportunity({ name: 'No gaps field' });
    try {
      await backend.writeFields(refOf(org, opp), { knownGaps: 'x' }, { knownGaps: '' });
      expect.unreachable();
    } catch (error) {
      expect((error as CrmError).problem).toMatchObject({ kind: 'missing-fields', elements: ['knownGaps'], fields: ['Handoff_Known_Gaps__c'] });
    }
    expect(org.requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('clears a field with null, as Salesforce expects', async () => {
    await backend.writeFields(refOf(org, opp), { useCase: '' }, { useCase: 'old' });
    const patch = org.requests.find((r) => r.method === 'PATCH');
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({ Handoff_Use_Case__c: null });
  });
});

describe('SalesforceBackend.createActivity', () => {
  it('creates a completed Task on the opportunity', async () => {
    const { org, backend } = setup();
    const opp = org.addOpportunity({ name: 'Override me' });
    const id = await backend.createActivity(refOf(org, opp), 'Baton: handoff gate overridden', 'Reason: customer signed today');
    expect(org.tasks).toEqual([
      expect.objectContaining({ id, WhatId: opp.id, Subject: 'Baton: handoff gate overridden', Description: 'Reason: customer signed today', Status: 'Completed' }),
    ]);
  });
});
