import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubSpotBackend } from '@/lib/crms/hubspot/api/backend';
import { batonActivityOfNote, NO_OWNERS } from '@/lib/crms/hubspot/api/records';
import { HUBSPOT_AUDIT_STEPS } from '@/lib/crms/hubspot/serverRule';
import { ACTIVITY_SUBJECTS } from '@/lib/domain/activity';
import { closeBatonDb, openBatonDb, putSecret } from '@/lib/db';
import { DEFAULT_HUBSPOT_MAPPING } from '@/lib/settings/schema';
import { CASEY_CS, FakeHubSpotPortal, PAT_ADMIN, SAM } from '@/test/fixtures/hubspot/portal';
import { fetchFromPortal } from '@/test/fixtures/hubspot/fetch';
import type { FakeRequest } from '@/test/fixtures/hubspot/portal';

let dbName = '';
let n = 0;
const NOW = new Date();
const TODAY = NOW.toISOString().slice(0, 10);

beforeEach(() => {
  dbName = `baton-hubspot-audit-${++n}`;
});
afterEach(async () => {
  await closeBatonDb(dbName);
});

async function setup(method: 'private-app' | 'oauth' = 'private-app') {
  const portal = new FakeHubSpotPortal();
  const token = method === 'oauth' ? 'oauth-access-signed-in' : portal.token;
  if (method === 'oauth') {
    portal.tokens.set(token, [...(portal.tokens.get(portal.token) ?? [])]);
    portal.tokenUsers.set(token, CASEY_CS.userId);
  }
  const db = () => openBatonDb(dbName);
  await putSecret(await db(), { name: 'hubspot', method, accessToken: token, refreshToken: null, expiresAt: null, portalId: portal.portalId, uiDomain: portal.appHost, savedAt: NOW.toISOString() });
  const requests: FakeRequest[] = [];
  const backend = new HubSpotBackend({ db, mapping: async () => DEFAULT_HUBSPOT_MAPPING, oauthClientId: async () => 'baton-test-client', fetch: fetchFromPortal(portal, (r) => requests.push(r)), now: () => NOW });
  return { portal, backend, requests };
}

const created = (requests: FakeRequest[]) =>
  requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/crm/v3/objects/notes').map((r) => JSON.parse(r.body ?? '{}') as { properties: Record<string, string> });

describe('the notes Baton writes in HubSpot', () => {
  it('name the user behind an OAuth token as their owner (hubspot_owner_id), looked up once', async () => {
    const { portal, backend, requests } = await setup('oauth');
    const deal = portal.addDeal({ name: 'x' });
    const ref = { crm: 'hubspot' as const, instance: portal.portalId, recordId: deal.id };
    await backend.createActivity(ref, `${ACTIVITY_SUBJECTS.acknowledgement} (4/5)`, 'Rating: 4/5');
    await backend.createActivity(ref, `${ACTIVITY_SUBJECTS.acknowledgement} (5/5)`, 'Rating: 5/5');
    expect(created(requests).map((b) => b.properties.hubspot_owner_id)).toEqual([CASEY_CS.id, CASEY_CS.id]);
    expect(requests.filter((r) => r.url.includes('/oauth/v1/access-tokens/'))).toHaveLength(1);
  });

  it('with a private app token, name the app’s creator: HubSpot knows no one else behind it', async () => {
    const { portal, backend, requests } = await setup();
    const deal = portal.addDeal({ name: 'x' });
    await backend.createActivity({ crm: 'hubspot', instance: portal.portalId, recordId: deal.id }, ACTIVITY_SUBJECTS.override, 'Reason given: x');
    expect(created(requests)[0]?.properties.hubspot_owner_id).toBe(PAT_ADMIN.id);
    expect(portal.notes[0]?.ownerId).toBe(PAT_ADMIN.id);
  });

  it('are still written, without an owner, when HubSpot does not say who the token is', async () => {
    const { portal, backend, requests } = await setup();
    portal.tokenUsers.delete(portal.token);
    const deal = portal.addDeal({ name: 'x' });
    await backend.createActivity({ crm: 'hubspot', instance: portal.portalId, recordId: deal.id }, ACTIVITY_SUBJECTS.override, 'Reason given: x');
    expect(portal.notes).toHaveLength(1);
    expect(created(requests)[0]?.properties).not.toHaveProperty('hubspot_owner_id');
  });
});

describe('the author of a note read back', () => {
  it('is the creator HubSpot recorded, else the owner the note names, else unknown', () => {
    const owners = {
      byId: new Map([[SAM.id, { id: SAM.id, name: 'Sam Rep', email: SAM.email, groups: ['Sales'] }], [CASEY_CS.id, { id: CASEY_CS.id, name: 'Casey Success', email: CASEY_CS.email, groups: ['Customer Success'] }]]),
      byUserId: new Map([[String(SAM.userId), { id: SAM.id, name: 'Sam Rep', email: SAM.email, groups: ['Sales'] }]]),
    };
    const body = `<p><strong>${ACTIVITY_SUBJECTS.acknowledgement} (5/5)</strong></p><p>Rating: 5/5</p>`;
    // Sam created it through the API and named Casey as its owner: Sam wrote it.
    expect(batonActivityOfNote({ hs_note_body: body, hubspot_owner_id: CASEY_CS.id, hs_created_by_user_id: String(SAM.userId) }, owners)?.author?.id).toBe(SAM.id);
    expect(batonActivityOfNote({ hs_note_body: body, hubspot_owner_id: CASEY_CS.id }, owners)?.author).toMatchObject({ id: CASEY_CS.id, name: 'Casey Success', groups: ['Customer Success'] });
    expect(batonActivityOfNote({ hs_note_body: body, hubspot_owner_id: '999' }, NO_OWNERS)?.author).toEqual({ id: '999', name: null, email: null, groups: [] });
    expect(batonActivityOfNote({ hs_note_body: body }, owners)?.author).toBeNull();
  });

  it('comes with the deal’s notes on one deal, asked for by its properties', async () => {
    const { portal, backend, requests } = await setup();
    const deal = portal.addDeal({ name: 'x' });
    portal.addNote(deal.id, `${ACTIVITY_SUBJECTS.acknowledgement} (5/5)`, 'Rating: 5/5', '2026-11-20T10:00:00.000Z', SAM.id);
    const [ack] = await backend.readActivities({ crm: 'hubspot', instance: portal.portalId, recordId: deal.id });
    expect(ack?.author).toMatchObject({ id: SAM.id, name: 'Sam Rep', email: SAM.email, groups: ['Sales'] });
    const search = requests.find((r) => r.url.endsWith('/crm/v3/objects/notes/search'));
    expect(JSON.parse(search?.body ?? '{}').properties).toEqual(expect.arrayContaining(['hubspot_owner_id', 'hs_created_by_user_id']));
  });
});

describe('the console’s HubSpot deals', () => {
  it('carry the owner’s id, note authors, and Baton’s deleted (archived) notes marked deleted, by no one HubSpot names', async () => {
    const { portal, backend } = await setup();
    const deal = portal.addDeal({ name: 'Won', stage: 'closedwon', closedate: `${TODAY}T00:00:00.000Z` });
    portal.addNote(deal.id, `${ACTIVITY_SUBJECTS.acknowledgement} (5/5)`, 'Rating: 5/5', '2026-11-21T10:00:00.000Z', SAM.id);
    const override = portal.addNote(deal.id, `${ACTIVITY_SUBJECTS.override} (closed won anyway)`, 'Reason given: deadline', '2026-11-20T10:00:00.000Z', SAM.id);
    const human = portal.addNote(deal.id, 'Lunch with the buyer', 'fine', '2026-11-19T10:00:00.000Z', SAM.id);
    portal.archiveNote(override.id);
    portal.archiveNote(human.id);
    const { deals, partial } = await backend.listTeamDeals(portal.portalId, { closedSince: TODAY, closedUntil: TODAY });
    expect(partial).toBeNull();
    expect(deals[0]).toMatchObject({ ownerId: SAM.id });
    expect(deals[0]?.activities.map((a) => [a.kind, a.author?.id, a.deleted])).toEqual([
      ['acknowledgement', SAM.id, null],
      ['override', SAM.id, { at: expect.any(String), by: null }],
    ]);
  });
});

describe('the HubSpot export', () => {
  it('says what cannot be done and what can', () => {
    expect(HUBSPOT_AUDIT_STEPS.map((s) => s.title)).toEqual(['Not possible', 'Permissions', 'Deleted notes still show', 'Who deleted it (Enterprise)', 'Tokens']);
  });
});
