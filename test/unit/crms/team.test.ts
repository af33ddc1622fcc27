import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SalesforceBackend } from '@/lib/crms/salesforce/api/backend';
import { soqlString } from '@/lib/crms/salesforce/api/team';
import { HubSpotBackend } from '@/lib/crms/hubspot/api/backend';
import { closeBatonDb, openBatonDb, putSecret } from '@/lib/db';
import { lateStages } from '@/lib/domain/team';
import { DEFAULT_HUBSPOT_MAPPING, DEFAULT_SALESFORCE_MAPPING } from '@/lib/settings/schema';
import { FakeSalesforceOrg, HANDOFF_FIELDS } from '@/test/fixtures/salesforce/org';
import { fetchFromOrg } from '@/test/fixtures/salesforce/fetch';
import { FakeHubSpotPortal } from '@/test/fixtures/hubspot/portal';
import { fetchFromPortal } from '@/test/fixtures/hubspot/fetch';
import { seedOrg, seedPortal } from '@/test/fixtures/team';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

const TODAY = '2026-12-01';
const PERIOD = { closedSince: '2026-11-01', closedUntil: TODAY };

function salesforce(org: FakeSalesforceOrg, mapping = DEFAULT_SALESFORCE_MAPPING) {
  return new SalesforceBackend({ getCookie: async () => ({ value: org.sessionId }), mapping: async () => mapping, fetch: fetchFromOrg(org) });
}

describe('late stages', () => {
  it('are the last two open stages of a pipeline, in order', () => {
    const s = (value: string, closed = false) => ({ value, label: value, closed, won: false });
    expect(lateStages([s('a'), s('b'), s('c'), s('won', true), s('lost', true)]).map((x) => x.value)).toEqual(['b', 'c']);
    expect(lateStages([s('only'), s('won', true)]).map((x) => x.value)).toEqual(['only']);
    expect(lateStages([s('won', true)])).toEqual([]);
  });
});

describe('Salesforce team query', () => {
  it('escapes SOQL string literals', () => {
    expect(soqlString("O'Brien \\ co")).toBe("'O\\'Brien \\\\ co'");
  });

  it('reads won deals in the period and late-stage open ones, with Baton’s Tasks, across batches', async () => {
    const org = new FakeSalesforceOrg();
    org.teamQuery.batchSize = 7;
    seedOrg(org, { count: 40, today: TODAY });
    org.addOpportunity({ name: 'Won long ago', stage: 'Closed Won', closeDate: '2026-01-10' });
    org.addOpportunity({ name: 'Early stage', stage: 'Prospecting' });
    org.addOpportunity({ name: 'Lost', stage: 'Closed Lost', closeDate: '2026-11-20' });
    const { deals, partial } = await salesforce(org).listTeamDeals('acme', PERIOD);
    expect(partial).toBeNull();
    expect(deals).toHaveLength(40);
    expect(deals.map((d) => d.name)).not.toContain('Won long ago');
    expect(deals.filter((d) => d.status === 'open')).toHaveLength(8);
    expect(new Set(deals.filter((d) => d.status === 'open').map((d) => d.stage.value))).toEqual(new Set(['Negotiation/Review', 'Proposal/Price Quote']));
    // 40 rows in batches of 7: the first request and five follow-ups.
    expect(org.requests.filter((r) => /\/query\/01gFAKE/.test(r.url))).toHaveLength(5);
    const good = deals.find((d) => d.name === 'Acme renewal 1');
    expect(good?.artifact.useCase).toBe(GOOD_HANDOFF.useCase);
    expect(good?.owner).toBe('Grace Hopper');
    expect(good?.url).toBe(`https://acme.lightning.force.com/lightning/r/Opportunity/${good?.deal.recordId}/view`);
    const overridden = deals.find((d) => d.name === 'Umbrella renewal 4');
    expect(overridden?.activities.map((a) => a.kind)).toEqual(['override']);
    const acknowledged = deals.find((d) => d.name === 'Acme renewal 6');
    expect(acknowledged?.activities[0]).toMatchObject({ kind: 'acknowledgement', rating: 4 });
  });

  it('marks the result partial when a later batch fails, and keeps what it read', async () => {
    const org = new FakeSalesforceOrg();
    org.teamQuery.batchSize = 10;
    seedOrg(org, { count: 25, today: TODAY });
    org.failNext({ method: 'GET', path: /^query\/01gFAKE\d+-20$/, status: 503 });
    const { deals, partial } = await salesforce(org).listTeamDeals('acme', PERIOD);
    expect(deals).toHaveLength(20);
    expect(partial).toMatch(/stopped answering after 20 of 25/);
  });

  it('leaves out of the query the mapped fields the org does not have', async () => {
    const org = new FakeSalesforceOrg({ missingFields: [HANDOFF_FIELDS.promises] });
    seedOrg(org, { count: 3, today: TODAY });
    const { deals } = await salesforce(org).listTeamDeals('acme', PERIOD);
    expect(deals).toHaveLength(3);
    expect(deals[0]?.artifact.promises).toBe('');
  });

  it('throws a CrmError when the session has expired', async () => {
    const org = new FakeSalesforceOrg();
    org.sessionValid = false;
    await expect(salesforce(org).listTeamDeals('acme', PERIOD)).rejects.toMatchObject({ kind: 'session-expired' });
  });
});

describe('HubSpot team search', () => {
  let dbName = '';
  let n = 0;
  beforeEach(() => {
    dbName = `baton-team-${++n}`;
  });
  afterEach(async () => {
    await closeBatonDb(dbName);
  });

  async function hubspot(portal: FakeHubSpotPortal) {
    const db = () => openBatonDb(dbName);
    await putSecret(await db(), { name: 'hubspot', method: 'private-app', accessToken: portal.token, refreshToken: null, expiresAt: null, portalId: portal.portalId, uiDomain: portal.appHost, savedAt: '2026-12-01T00:00:00.000Z' });
    return new HubSpotBackend({ db, mapping: async () => DEFAULT_HUBSPOT_MAPPING, oauthClientId: async () => null, fetch: fetchFromPortal(portal) });
  }

  it('pages through the search 200 at a time, names owners, and finds Baton’s notes', async () => {
    const portal = new FakeHubSpotPortal();
    seedPortal(portal, { count: 450, today: TODAY });
    portal.addDeal({ name: 'Won last year', stage: 'closedwon', closedate: '2025-11-20T00:00:00.000Z' });
    portal.addDeal({ name: 'Early', stage: 'appointmentscheduled' });
    const { deals, partial } = await (await hubspot(portal)).listTeamDeals(portal.portalId, PERIOD);
    expect(partial).toBeNull();
    expect(deals).toHaveLength(450);
    expect(portal.requests.filter((r) => r.url.endsWith('/crm/v3/objects/deals/search'))).toHaveLength(3);
    expect(new Set(deals.map((d) => d.owner))).toEqual(new Set(['Sam Rep', 'Lin Chen']));
    const overridden = deals.find((d) => d.name === 'HubSpot deal 4');
    expect(overridden?.activities).toMatchObject([{ kind: 'override' }]);
    expect(overridden?.activities[0]?.body).toContain('Reason given: Procurement deadline');
    expect(deals.find((d) => d.name === 'HubSpot deal 6')?.activities[0]).toMatchObject({ kind: 'acknowledgement', rating: 5 });
    expect(deals.find((d) => d.name === 'HubSpot pilot 5')?.status).toBe('open');
  });

  it('waits out HubSpot’s search rate limit instead of failing', async () => {
    const portal = new FakeHubSpotPortal();
    portal.teamSearch.searchesPerSecond = 1;
    seedPortal(portal, { count: 250, today: TODAY });
    const { deals, partial } = await (await hubspot(portal)).listTeamDeals(portal.portalId, PERIOD);
    expect(partial).toBeNull();
    expect(deals).toHaveLength(250);
    expect(portal.requests.filter((r) => r.url.endsWith('/deals/search')).length).toBeGreaterThan(2);
  });

  it('marks the result partial when a later page fails', async () => {
    const portal = new FakeHubSpotPortal();
    seedPortal(portal, { count: 300, today: TODAY });
    const backend = await hubspot(portal);
    // The first search succeeds; the second answers 500 every time.
    let searches = 0;
    const original = portal.handleApi.bind(portal);
    portal.handleApi = async (request) => (request.url.endsWith('/deals/search') && ++searches > 1 ? { status: 500, headers: {}, body: '{"status":"error","message":"boom"}' } : original(request));
    const { deals, partial } = await backend.listTeamDeals(portal.portalId, PERIOD);
    expect(deals).toHaveLength(200);
    expect(partial).toMatch(/stopped answering after 200 of 300/);
  });
});
