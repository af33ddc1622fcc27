import { afterEach, describe, expect, it } from 'vitest';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { HubSpotBackend } from '@/lib/crms/hubspot/api/backend';
import { connectWithToken } from '@/lib/crms/hubspot/api/connection';
import { closeBatonDb, openBatonDb } from '@/lib/db';
import { createMessageRouter } from '@/lib/messaging/router';
import { defaultSettings, DEFAULT_HUBSPOT_MAPPING } from '@/lib/settings/schema';
import { FakeHubSpotPortal } from '@/test/fixtures/hubspot/portal';
import { fetchFromPortal } from '@/test/fixtures/hubspot/fetch';
import { EXTENSION_ID, ROUTER_OPTIONS, envelope } from '../messaging/fixtures';

const DB = 'baton-hubspot-secrets';
afterEach(() => closeBatonDb(DB));

function setup() {
  const portal = new FakeHubSpotPortal();
  const deal = portal.addDeal({ name: 'Secret deal', handoff: { useCase: 'Route email' } });
  const db = () => openBatonDb(DB);
  const fetch = fetchFromPortal(portal);
  const backend = new HubSpotBackend({ db, mapping: async () => DEFAULT_HUBSPOT_MAPPING, oauthClientId: async () => null, fetch });
  const handlers = createBackgroundHandlers({
    backend: (crm) => (crm === 'hubspot' ? backend : null),
    db,
    settings: async () => defaultSettings(),
    kickOutbox: async () => {},
    connectHubSpot: async (request) => {
      if (request.method !== 'private-app') throw new Error('no oauth here');
      return connectWithToken(request.token, new Date(), fetch);
    },
    hubspotConnectionChanged: () => backend.forgetAll(),
    version: '0.1.0',
  });
  const route = createMessageRouter(handlers, ROUTER_OPTIONS);
  const page = { id: EXTENSION_ID, url: `https://app.hubspot.com/contacts/${portal.portalId}/record/0-3/${deal.id}`, tab: { id: 4 }, frameId: 0 };
  const options = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/options.html` };
  return { portal, deal, route, page, options };
}

describe('the HubSpot token', () => {
  it('is taken by the options page, checked, and never comes back in any answer', async () => {
    const { portal, deal, route, page, options } = setup();
    const connected = await route(envelope('hubspot/connect', { method: 'private-app', token: portal.token }), options);
    expect(connected).toMatchObject({ ok: true, data: { ok: true, status: { connected: true, portalId: portal.portalId, tokenHint: portal.token.slice(-4) } } });
    const ref = { crm: 'hubspot', instance: portal.portalId, recordId: deal.id };
    const answers = await Promise.all([
      route(envelope('deal/snapshot', { deal: ref }), page),
      route(envelope('org/stages', { crm: 'hubspot', instance: portal.portalId }), page),
      route(envelope('settings/get', {}), page),
      route(envelope('draft/get', { deal: ref }), page),
      route(envelope('outbox/status', { deal: ref }), page),
      route(envelope('hubspot/status', {}), options),
    ]);
    expect(answers[0]).toMatchObject({ ok: true, data: { ok: true } });
    for (const answer of [connected, ...answers]) expect(JSON.stringify(answer)).not.toContain(portal.token);
  });

  it('connection messages are for Baton’s own pages only: a content script is refused', async () => {
    const { portal, route, page } = setup();
    for (const [type, payload] of [
      ['hubspot/connect', { method: 'private-app', token: portal.token }],
      ['hubspot/status', {}],
      ['hubspot/disconnect', {}],
    ] as const) {
      expect(await route(envelope(type, payload), page)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
  });

  it('a page of one portal cannot ask about another portal’s deal', async () => {
    const { portal, deal, route, page, options } = setup();
    await route(envelope('hubspot/connect', { method: 'private-app', token: portal.token }), options);
    const other = { ...page, url: 'https://app.hubspot.com/contacts/999/record/0-3/1' };
    expect(await route(envelope('deal/snapshot', { deal: { crm: 'hubspot', instance: portal.portalId, recordId: deal.id } }), other)).toMatchObject({
      ok: false,
      error: { code: 'handler-failed', message: expect.stringContaining('own org') },
    });
  });
});
