/**
 * Salesforce calls use the session of the cookie store the request came from (an incognito window,
 * a Firefox container), never the default store's. A browser context in Playwright has a single
 * cookie store, so this is tested here with a fake cookies API and the fake org.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browserSessionOf, DEFAULT_SESSION, type BrowserSession } from '@/lib/background/cookieStore';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { runOutbox } from '@/lib/background/outbox';
import { salesforceBackends, type CookieJar } from '@/lib/crms/salesforce/api/backend';
import type { DealRef } from '@/lib/domain/deal';
import { closeBatonDb, listForDeal, openBatonDb } from '@/lib/db';
import { dealKey } from '@/lib/domain/deal';
import type { SenderContext } from '@/lib/messaging/router';
import { defaultSettings, DEFAULT_SALESFORCE_MAPPING } from '@/lib/settings/schema';
import { FakeSalesforceOrg } from '@/test/fixtures/salesforce/org';
import { fetchFromOrg } from '@/test/fixtures/salesforce/fetch';

/** Chrome's stores: "0" the normal windows (tabs 1, 2), "1" incognito (tab 7). */
const CHROME_STORES = [
  { id: '0', tabIds: [1, 2] },
  { id: '1', tabIds: [7] },
];
const stores = { getAllCookieStores: vi.fn(async () => CHROME_STORES) };

describe('the cookie store a request speaks for', () => {
  it('Firefox: the store the sender tab names (a container, a private window)', async () => {
    expect(await browserSessionOf({ tabId: 3, cookieStoreId: 'firefox-container-2' }, stores)).toEqual({ cookieStoreId: 'firefox-container-2' });
  });

  it('Chrome: the store that lists the sender tab', async () => {
    expect(await browserSessionOf({ tabId: 7 }, stores)).toEqual({ cookieStoreId: '1' });
    expect(await browserSessionOf({ tabId: 2 }, stores)).toEqual({ cookieStoreId: '0' });
  });

  it('not from a tab (side panel, sidebar): the default store', async () => {
    expect(await browserSessionOf({}, stores)).toEqual(DEFAULT_SESSION);
  });

  it('a tab no store lists is refused, never given the default store’s session', async () => {
    await expect(browserSessionOf({ tabId: 99 }, stores)).rejects.toMatchObject({ problem: { kind: 'not-connected' } });
  });
});

/** The org signed in as its user in the incognito store only; the normal windows hold another user's session. */
function twoUsers() {
  const org = new FakeSalesforceOrg();
  const opp = org.addOpportunity({ name: 'Incognito deal' });
  const sids: Record<string, string> = { '0': 'SOMEONE-ELSE', '1': org.sessionId };
  const sent: string[] = [];
  const jar: CookieJar = {
    get: vi.fn(async ({ name, storeId }) => (name === 'sid' ? { value: sids[storeId ?? '0'] ?? '' } : null)),
    getAll: vi.fn(async ({ storeId }) => ((storeId ?? '0') === '1' ? [{ domain: org.apiHost }] : [{ domain: 'other.my.salesforce.com' }])),
  };
  const salesforceIn = salesforceBackends({
    cookies: jar,
    mapping: async () => DEFAULT_SALESFORCE_MAPPING,
    fetch: fetchFromOrg(org, (request) => sent.push(request.headers.authorization ?? '')),
  });
  const deal: DealRef = { crm: 'salesforce', instance: org.instance, recordId: opp.id };
  return { org, opp, deal, jar, sent, salesforceIn };
}

describe('one Salesforce backend per cookie store', () => {
  it('each store’s backend signs in with that store’s sid only', async () => {
    const { org, deal, sent, salesforceIn } = twoUsers();
    await expect(salesforceIn('1').readSnapshot(deal)).resolves.toMatchObject({ name: 'Incognito deal' });
    expect(new Set(sent)).toEqual(new Set([`Bearer ${org.sessionId}`]));
    sent.length = 0;
    await expect(salesforceIn(null).readSnapshot(deal)).rejects.toMatchObject({ problem: { kind: 'session-expired' } });
    expect(new Set(sent)).toEqual(new Set(['Bearer SOMEONE-ELSE']));
    expect(salesforceIn('1')).toBe(salesforceIn('1'));
  });

  it('the orgs signed in to are those of the store asked about', async () => {
    const { org, salesforceIn } = twoUsers();
    expect(await salesforceIn('1').teamSources()).toEqual([{ instance: org.instance, problem: null }]);
    expect(await salesforceIn(null).teamSources()).toEqual([{ instance: 'other', problem: null }]);
  });
});

let dbName = '';
let counter = 0;
beforeEach(async () => {
  await closeBatonDb(dbName);
  dbName = `baton-cookie-store-${++counter}`;
});

describe('the background’s handlers', () => {
  function handlersFor(salesforceIn: ReturnType<typeof twoUsers>['salesforceIn']) {
    const db = () => openBatonDb(dbName);
    const handlers = createBackgroundHandlers({
      backend: (crm, session) => (crm === 'salesforce' ? salesforceIn(session.cookieStoreId) : null),
      sessionOf: (context) => browserSessionOf(context, stores),
      db,
      settings: async () => defaultSettings(),
      kickOutbox: async () => {},
      connectHubSpot: async () => {
        throw new Error('not in these tests');
      },
      hubspotConnectionChanged: () => {},
      version: '0.1.0',
      now: () => new Date('2027-01-11T12:00:00.000Z'),
    });
    return { handlers, db };
  }
  const fromTab = (tabId: number): SenderContext => ({ senderKind: 'content-script', tabId, frameId: 0, url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view' });

  it('read the deal with the session of the sender tab’s store', async () => {
    const { deal, salesforceIn } = twoUsers();
    const { handlers } = handlersFor(salesforceIn);
    expect(await handlers['deal/snapshot']({ deal }, fromTab(7))).toMatchObject({ ok: true, snapshot: { name: 'Incognito deal' } });
    expect(await handlers['deal/snapshot']({ deal }, fromTab(1))).toMatchObject({ ok: false, problem: { kind: 'session-expired' } });
    expect(await handlers['deal/snapshot']({ deal }, fromTab(99))).toMatchObject({ ok: false, problem: { kind: 'not-connected' } });
  });

  it('work queued from a tab is retried with that tab’s store, not the default one', async () => {
    const { org, deal, salesforceIn } = twoUsers();
    const { handlers, db } = handlersFor(salesforceIn);
    org.failNext({ status: 503, times: 1 });
    expect(await handlers['deal/override']({ deal, reason: 'Quarter end', findings: [], stageLabel: 'Closed Won' }, fromTab(7))).toMatchObject({ recorded: 'queued' });
    expect((await listForDeal(await db(), dealKey(deal))).items[0]).toMatchObject({ kind: 'create-override-record', cookieStoreId: '1' });
    const sessions: BrowserSession[] = [];
    await runOutbox(await db(), (d, session) => {
      sessions.push(session);
      return salesforceIn(session.cookieStoreId);
    }, new Date('2027-01-11T13:00:00.000Z')); // past the first retry's backoff
    expect(sessions).toEqual([{ cookieStoreId: '1' }]);
    expect(org.tasks).toHaveLength(1);
  });
});
