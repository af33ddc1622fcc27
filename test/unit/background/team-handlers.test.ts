import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { runOutbox } from '@/lib/background/outbox';
import { SalesforceBackend } from '@/lib/crms/salesforce/api/backend';
import { dealKey, type DealRef } from '@/lib/domain/deal';
import { closeBatonDb, listForDeal, listReviews, openBatonDb } from '@/lib/db';
import type { SenderContext } from '@/lib/messaging/router';
import { defaultSettings, DEFAULT_SALESFORCE_MAPPING } from '@/lib/settings/schema';
import { FakeSalesforceOrg } from '@/test/fixtures/salesforce/org';
import { fetchFromOrg } from '@/test/fixtures/salesforce/fetch';

let dbName = '';
let counter = 0;
beforeEach(() => {
  dbName = `baton-team-handlers-${++counter}`;
});
afterEach(async () => {
  await closeBatonDb(dbName);
});

const fromExtension: SenderContext = { senderKind: 'extension-page', url: 'chrome-extension://id/console.html' };
const rubric = { useCase: 4, successMetric: 2, riskFlags: 3, promises: 3 };

function setup() {
  const org = new FakeSalesforceOrg();
  const opp = org.addOpportunity({ name: 'Reviewed deal', stage: 'Closed Won', closeDate: '2026-11-20' });
  const backend = new SalesforceBackend({
    getCookie: async () => ({ value: org.sessionId }),
    sessionDomains: async () => ['acme.my.salesforce.com', '.acme.my.salesforce.com', 'beta--uat.sandbox.my.salesforce.com', 'example.com'],
    mapping: async () => DEFAULT_SALESFORCE_MAPPING, fetch: fetchFromOrg(org) });
  const db = () => openBatonDb(dbName);
  const handlers = createBackgroundHandlers({
    backend: (crm) => (crm === 'salesforce' ? backend : null),
    db,
    settings: async () => defaultSettings(),
    connectHubSpot: vi.fn(),
    hubspotConnectionChanged: () => {},
    kickOutbox: async () => {},
    version: '0.1.0',
    now: () => new Date('2026-12-01T12:00:00.000Z'),
  });
  const deal: DealRef = { crm: 'salesforce', instance: 'acme', recordId: opp.id };
  return { org, handlers, deal, db, backend };
}

describe('console messages', () => {
  it('team/sources: every Salesforce org with a session once, and HubSpot even when it is not connected', async () => {
    const { handlers } = setup();
    expect(await handlers['team/sources']({}, fromExtension)).toEqual({
      sources: [
        { crm: 'salesforce', instance: 'acme', problem: null },
        { crm: 'salesforce', instance: 'beta--uat.sandbox', problem: null },
        { crm: 'hubspot', instance: null, problem: { kind: 'not-connected', message: 'HubSpot is not connected. Connect it in Baton’s options.' } },
      ],
    });
  });

  it('team/deals: an expired session is an answer for that CRM, not a failure of the console', async () => {
    const { org, handlers } = setup();
    org.sessionValid = false;
    const answer = await handlers['team/deals']({ crm: 'salesforce', instance: 'acme', query: { closedSince: '2026-11-01', closedUntil: '2026-12-01' } }, fromExtension);
    expect(answer).toMatchObject({ ok: false, problem: { kind: 'session-expired' } });
    const hubspot = await handlers['team/deals']({ crm: 'hubspot', instance: '12345', query: { closedSince: '2026-11-01', closedUntil: '2026-12-01' } }, fromExtension);
    expect(hubspot).toMatchObject({ ok: false, problem: { kind: 'not-connected' } });
  });

  it('deal/review: a Task in Salesforce with the rubric and verdict, and a local copy marked synced', async () => {
    const { org, handlers, deal, db } = setup();
    const answer = await handlers['deal/review']({ deal, rubric, verdict: 'needs-work', comment: 'Metric has no baseline', sample: { seed: 1234 } }, fromExtension);
    expect(answer).toMatchObject({ recorded: 'crm', problem: null, review: { verdict: 'needs-work', syncedToCrm: true } });
    expect(org.tasks).toHaveLength(1);
    expect(org.tasks[0]?.Subject).toBe('Baton: handoff review: Needs work (3/5)');
    expect(org.tasks[0]?.Description).toContain('Success metric is measurable: 2/5');
    expect(org.tasks[0]?.Description).toContain('Comment: Metric has no baseline');
    expect(org.tasks[0]?.Description).toContain('seed 1234');
    const { items } = await listReviews(await db());
    expect(items.map((r) => r.dealKey)).toEqual([dealKey(deal)]);
  });

  it('deal/review: during an outage it is kept and queued, and marked synced once the outbox sends it', async () => {
    const { org, handlers, deal, db, backend } = setup();
    org.failNext({ method: 'POST', path: /^sobjects\/Task$/, status: 503 });
    const answer = await handlers['deal/review']({ deal, rubric, verdict: 'pass', comment: '', sample: null }, fromExtension);
    expect(answer).toMatchObject({ recorded: 'queued', review: { syncedToCrm: false } });
    expect((await listForDeal(await db(), dealKey(deal))).items.map((i) => i.kind)).toEqual(['create-review']);
    await runOutbox(await db(), () => backend, new Date('2026-12-01T13:00:00.000Z'));
    expect(org.tasks).toHaveLength(1);
    expect((await listReviews(await db())).items[0]?.syncedToCrm).toBe(true);
  });

  it('deal/review: a refusal that will not pass goes back to the reviewer, nothing kept half-way', async () => {
    const { org, handlers, deal, db } = setup();
    org.failNext({ method: 'POST', path: /^sobjects\/Task$/, status: 400, body: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Tasks are locked' }] });
    const answer = await handlers['deal/review']({ deal, rubric, verdict: 'fail', comment: 'x', sample: null }, fromExtension);
    expect(answer).toMatchObject({ recorded: 'failed', review: null, problem: { kind: 'validation' } });
    expect((await listReviews(await db())).items).toEqual([]);
  });
});
