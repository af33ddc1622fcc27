/**
 * Records that wait for access to their CRM (signed out of Salesforce, HubSpot not connected) are
 * kept as waiting, not failed, and go out once a session or token appears; what the CRM refuses
 * for good stays failed, with its reason, until a retry.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createOutboxRunner, runOutbox } from '@/lib/background/outbox';
import { HubSpotBackend } from '@/lib/crms/hubspot/api/backend';
import { SalesforceBackend } from '@/lib/crms/salesforce/api/backend';
import { connectWithToken } from '@/lib/crms/hubspot/api/connection';
import type { DealBackend } from '@/lib/crms/shared/api/backend';
import type { Crm, DealRef } from '@/lib/domain/deal';
import { closeBatonDb, listOutbox, openBatonDb } from '@/lib/db';
import type { SenderContext } from '@/lib/messaging/router';
import { defaultSettings, DEFAULT_HUBSPOT_MAPPING, DEFAULT_SALESFORCE_MAPPING } from '@/lib/settings/schema';
import { FakeHubSpotPortal } from '@/test/fixtures/hubspot/portal';
import { fetchFromPortal } from '@/test/fixtures/hubspot/fetch';
import { FakeSalesforceOrg } from '@/test/fixtures/salesforce/org';
import { fetchFromOrg } from '@/test/fixtures/salesforce/fetch';

const T = (minutes: number) => new Date(Date.parse('2027-01-11T12:00:00.000Z') + minutes * 60_000);
const fromExtension: SenderContext = { senderKind: 'extension-page', url: 'chrome-extension://id/sidepanel.html' };
const findings = [{ rule: 'missing-non-negotiable' as const, element: 'useCase' as const, severity: 'block' as const, message: 'The use case is empty.', fix: 'Write it.' }];

let dbName = '';
let counter = 0;
afterEach(() => closeBatonDb(dbName));

function setup() {
  dbName = `baton-outbox-access-${++counter}`;
  const db = () => openBatonDb(dbName);
  const org = new FakeSalesforceOrg();
  const opp = org.addOpportunity({ name: 'Signed out' });
  const portal = new FakeHubSpotPortal();
  const hsDeal = portal.addDeal({ name: 'Not connected' });
  const fetchHubSpot = fetchFromPortal(portal);
  const backends: Record<Crm, DealBackend> = {
    salesforce: new SalesforceBackend({ getCookie: async () => ({ value: org.sessionId }), mapping: async () => DEFAULT_SALESFORCE_MAPPING, fetch: fetchFromOrg(org) }),
    hubspot: new HubSpotBackend({ db, mapping: async () => DEFAULT_HUBSPOT_MAPPING, oauthClientId: async () => null, fetch: fetchHubSpot }),
  };
  let clock = T(0);
  const runner = createOutboxRunner({ db, backendFor: (deal) => backends[deal.crm], now: () => clock });
  const kickOutbox = vi.fn(async () => {
    await runner.pass();
  });
  const handlers = createBackgroundHandlers({
    backend: (crm) => backends[crm],
    db,
    settings: async () => defaultSettings(),
    kickOutbox,
    connectHubSpot: async (request) => {
      if (request.method !== 'private-app') throw new Error('no oauth here');
      return connectWithToken(request.token, new Date(), fetchHubSpot);
    },
    hubspotConnectionChanged: () => (backends.hubspot as HubSpotBackend).forgetAll(),
    version: '0.1.0',
    now: () => clock,
  });
  const sfDeal: DealRef = { crm: 'salesforce', instance: org.instance, recordId: opp.id };
  const hubspotDeal: DealRef = { crm: 'hubspot', instance: portal.portalId, recordId: hsDeal.id };
  const at = (minutes: number) => {
    clock = T(minutes);
  };
  return { org, portal, db, runner, handlers, kickOutbox, sfDeal, hubspotDeal, at };
}

const statuses = async (db: () => ReturnType<typeof openBatonDb>) => (await listOutbox(await db())).items.map((i) => [i.kind, i.status, i.lastErrorKind]);

describe('waiting for a sign-in or a connection', () => {
  it('close anyway with HubSpot not connected: the note waits (not failed) through outbox passes, and connecting sends it', async () => {
    const { portal, db, runner, handlers, hubspotDeal, at } = setup();
    const result = await handlers['deal/override']({ deal: hubspotDeal, reason: 'Signed at the CFO dinner', findings, stageLabel: 'Closed Won' }, fromExtension);
    expect(result).toMatchObject({ recorded: 'queued', problem: { kind: 'not-connected' } });
    expect(result.notice).toContain('once HubSpot is connected in Baton’s options');
    // Passes while still not connected (the alarm, minutes apart) keep it waiting, never failed.
    for (const minute of [1, 6, 12]) {
      at(minute);
      await runner.pass();
    }
    expect(await statuses(db)).toEqual([['create-override-record', 'waiting', 'not-connected']]);
    expect(portal.notes).toEqual([]);
    at(13);
    expect(await handlers['hubspot/connect']({ method: 'private-app', token: portal.token }, fromExtension)).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(portal.notes.map((n) => n.dealIds)).toEqual([[hubspotDeal.recordId]]));
    expect(portal.notes[0]?.body).toContain('Reason given: Signed at the CFO dinner');
    await vi.waitFor(async () => expect(await statuses(db)).toEqual([]));
  });

  it('a CS acknowledgement queued while signed out of Salesforce is sent after sign-in, not left failed', async () => {
    const { org, db, handlers, sfDeal, at } = setup();
    org.sessionValid = false;
    const rubric = { context: 4, promises: 4, stakeholders: 4, successCriteria: 4 };
    expect(await handlers['deal/acknowledge']({ deal: sfDeal, rubric, comment: 'Signed out' }, fromExtension)).toMatchObject({ recorded: 'queued', problem: { kind: 'session-expired' } });
    at(6);
    await runOutbox(await db(), () => {
      throw new Error('not reached: nothing is due before its re-check');
    }, T(1));
    const sf = new SalesforceBackend({ getCookie: async () => ({ value: org.sessionId }), mapping: async () => DEFAULT_SALESFORCE_MAPPING, fetch: fetchFromOrg(org) });
    await runOutbox(await db(), () => sf, T(6)); // the slow re-check, still signed out
    expect(await statuses(db)).toEqual([['create-acknowledgement', 'waiting', 'session-expired']]);
    org.sessionValid = true; // signed in again
    await runOutbox(await db(), () => sf, T(12));
    expect(org.tasks.map((t) => t.Subject)).toEqual(['Baton: handoff acknowledged by CS (4/5)']);
    expect(await statuses(db)).toEqual([]);
  });

  it('a new Salesforce session wakes what waited for it at once, without waiting for the re-check', async () => {
    const { org, db, runner, handlers, sfDeal, at } = setup();
    org.apiEnabled = false;
    await handlers['deal/override']({ deal: sfDeal, reason: 'API closed today', findings, stageLabel: 'Closed Won' }, fromExtension);
    expect(await statuses(db)).toEqual([['create-override-record', 'waiting', 'api-disabled']]);
    org.apiEnabled = true;
    at(1); // well before the re-check
    expect(await runner.accessRestored('hubspot')).toMatchObject({ sent: 0 }); // another CRM's sign-in wakes nothing here
    expect(org.tasks).toEqual([]);
    expect(await runner.accessRestored('salesforce')).toMatchObject({ sent: 1 });
    expect(org.tasks.map((t) => t.Subject)).toEqual(['Baton: handoff gate overridden (closed won anyway)']);
  });

  it('what the CRM refuses for good stays failed with its reason, and Retry from the list sends it once fixed', async () => {
    const { org, db, handlers, sfDeal } = setup();
    org.failNext({ method: 'POST', path: /^sobjects\/Task/, status: 400, body: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Tasks are locked this week.', fields: [] }] });
    const result = await handlers['deal/override']({ deal: sfDeal, reason: 'Locked', findings, stageLabel: 'Closed Won' }, fromExtension);
    expect(result).toMatchObject({ recorded: 'queued', problem: { kind: 'validation' } });
    expect(result.notice).toContain('marked failed: retry it from Baton’s side panel or manager console');
    const listed = await handlers['outbox/list']({}, fromExtension);
    expect(listed.items).toMatchObject([{ kind: 'create-override-record', status: 'failed', lastError: expect.stringContaining('Tasks are locked this week.'), dealName: null }]);
    const retried = await handlers['outbox/retry-item']({ id: listed.items[0]!.id }, fromExtension);
    expect(retried.items).toEqual([]);
    expect(org.tasks).toHaveLength(1);
    expect(await statuses(db)).toEqual([]);
  });

  it('the list and its Retry are for Baton’s own pages only: they span every org', async () => {
    const { protocol } = await import('@/lib/messaging/protocol');
    expect(protocol['outbox/list'].senders).toEqual(['extension-page']);
    expect(protocol['outbox/retry-item'].senders).toEqual(['extension-page']);
  });
});
