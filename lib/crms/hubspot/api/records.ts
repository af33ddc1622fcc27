/**
 * Reading and writing one HubSpot deal: the deal through CRM v3 objects (every value a string),
 * the mapped handoff properties checked against the deal property list, won stages from the
 * pipelines API (metadata.isClosed "true" and probability 1.0; custom pipelines have numeric stage
 * ids; several pipelines per portal), never from a label or the string "closedwon".
 */
import { ELEMENT_KEYS, emptyArtifact, type ElementKey, type RawArtifact } from '@/lib/domain/elements';
import { isValidIsoDate } from '@/lib/domain/dates';
import type { FieldIssue, StageOption } from '@/lib/domain/snapshot';
import type { HubSpotMapping } from '@/lib/settings/schema';
import { z } from '@/lib/zod';
import { activityKindOf, ratingOf, type ActivityAuthor, type BatonActivity, type DeletedRecord } from '@/lib/domain/activity';
import type { WriteOutcome } from '@/lib/crms/shared/api/backend';
import { elementsToWrite, fieldConflicts, refuseBlockedFields, type RefusalWording } from '@/lib/crms/shared/api/writeGuard';
import type { HubSpotApi } from './client';
import { Created, DealObject, OAuthTokenInfo, Owner, OwnersPage, Pipelines, PrivateAppTokenInfo, PropertyList } from './schemas';

export interface PipelineInfo {
  id: string;
  label: string;
  stages: StageOption[];
}

/** A stage is won when HubSpot says it is closed with probability 1 (metadata values are strings). */
export function pipelinesOf(raw: Pipelines): PipelineInfo[] {
  return raw.results
    .filter((p) => !p.archived)
    .map((p) => ({
      id: p.id,
      label: p.label,
      stages: [...p.stages]
        .filter((s) => !s.archived)
        .sort((a, b) => (a.displayOrder ?? 0) - (b.displayOrder ?? 0))
        .map((s) => {
          const closed = s.metadata?.isClosed === 'true';
          const probability = Number(s.metadata?.probability);
          return { value: s.id, label: s.label, closed, won: closed && probability === 1 };
        }),
    }));
}

export async function readPipelines(api: HubSpotApi): Promise<PipelineInfo[]> {
  return pipelinesOf(await api.get('/crm/v3/pipelines/deals', Pipelines, 'the deal pipelines'));
}

export interface PropertyInfo {
  name: string;
  label: string;
  readOnly: boolean;
}

export async function readDealProperties(api: HubSpotApi): Promise<Map<string, PropertyInfo>> {
  const list = await api.get('/crm/v3/properties/deals', PropertyList, 'the deal properties');
  return new Map(list.results.map((p) => [p.name, { name: p.name, label: p.label, readOnly: p.modificationMetadata?.readOnlyValue === true }]));
}

export function checkMapping(properties: ReadonlyMap<string, PropertyInfo>, mapping: HubSpotMapping): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const element of ELEMENT_KEYS) {
    const info = properties.get(mapping[element]);
    if (!info) issues.push({ element, field: mapping[element], problem: 'missing' });
    else if (info.readOnly) issues.push({ element, field: info.name, problem: 'read-only' });
  }
  return issues;
}

const STANDARD = ['dealname', 'dealstage', 'pipeline', 'amount', 'closedate', 'hubspot_owner_id', 'hs_lastmodifieddate'];

/** "2027-03-31T00:00:00.000Z", "2027-03-31" or epoch milliseconds ("1743379200000") → YYYY-MM-DD. */
export function hubspotDate(value: string | null | undefined): string | null {
  if (!value) return null;
  if (/^\d{10,14}$/.test(value)) {
    const d = new Date(Number(value));
    return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
  }
  const day = value.slice(0, 10);
  return isValidIsoDate(day) ? day : null;
}

export interface HubSpotDeal {
  id: string;
  name: string;
  stageId: string;
  pipelineId: string;
  amount: number | null;
  closeDate: string | null;
  ownerId: string | null;
  lastModified: string | null;
  artifact: RawArtifact;
}

export async function readDeal(api: HubSpotApi, id: string, mapping: HubSpotMapping, present: ReadonlySet<ElementKey>): Promise<HubSpotDeal> {
  const names = [...STANDARD, ...ELEMENT_KEYS.filter((k) => present.has(k)).map((k) => mapping[k])];
  const deal = await api.get(`/crm/v3/objects/deals/${encodeURIComponent(id)}?properties=${encodeURIComponent(names.join(','))}`, DealObject, 'the deal');
  const p = deal.properties;
  const artifact = emptyArtifact();
  for (const k of ELEMENT_KEYS) if (present.has(k)) artifact[k] = p[mapping[k]] ?? '';
  const amount = p.amount == null || p.amount === '' ? null : Number(p.amount);
  return {
    id: deal.id,
    name: p.dealname ?? '',
    stageId: p.dealstage ?? '',
    pipelineId: p.pipeline ?? 'default',
    amount: amount !== null && Number.isFinite(amount) ? amount : null,
    closeDate: hubspotDate(p.closedate),
    ownerId: p.hubspot_owner_id ?? null,
    lastModified: p.hs_lastmodifieddate ?? deal.updatedAt ?? null,
    artifact,
  };
}

/** The owner's name, or null when it cannot be read (the token may lack the owners scope). */
export async function readOwnerName(api: HubSpotApi, ownerId: string | null): Promise<string | null> {
  if (!ownerId) return null;
  try {
    const owner = await api.get(`/crm/v3/owners/${encodeURIComponent(ownerId)}`, Owner, 'the deal owner');
    const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ');
    return name || owner.email || null;
  } catch {
    return null;
  }
}

const REFUSAL: RefusalWording = { missing: 'the property does not exist in this portal', readOnly: 'it is read-only' };

/**
 * Writes the properties unless one changed in HubSpot since `expected` was read. HubSpot's CRM
 * objects API has no conditional write, so this is read-compare-write: a change landing in the
 * milliseconds between the two calls is the one case it cannot see (README, "Known limits").
 */
export async function writeDealProperties(
  api: HubSpotApi,
  id: string,
  mapping: HubSpotMapping,
  issues: readonly FieldIssue[],
  fields: Partial<RawArtifact>,
  expected: Partial<RawArtifact>,
): Promise<WriteOutcome> {
  const elements = elementsToWrite(fields);
  refuseBlockedFields(elements, issues, REFUSAL);
  const present = new Set(ELEMENT_KEYS.filter((k) => !issues.some((i) => i.element === k && i.problem === 'missing')));
  const current = await readDeal(api, id, mapping, present);
  const conflicts = fieldConflicts(elements, current.artifact, fields, expected);
  if (conflicts.length > 0) return { ok: false, conflicts };
  const properties: Record<string, string> = {};
  for (const k of elements) properties[mapping[k]] = fields[k] ?? '';
  await api.patch(`/crm/v3/objects/deals/${encodeURIComponent(id)}`, { properties }, DealObject, 'the saved deal');
  return { ok: true };
}

/** HubSpot renders a note's body as HTML: everything Baton writes is escaped text. */
export function noteHtml(subject: string, body: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return `<p><strong>${escape(subject)}</strong></p>${body
    .split('\n')
    .map((line) => `<p>${escape(line)}</p>`)
    .join('')}`;
}

/** HubSpot's limit on a note body. */
export const NOTE_BODY_MAX = 65_536;

/** Who a note's author is: a person of the portal, by owner id and by user id. */
export interface OwnerDirectory {
  byId: ReadonlyMap<string, ActivityAuthor>;
  byUserId: ReadonlyMap<string, ActivityAuthor>;
}

export const NO_OWNERS: OwnerDirectory = { byId: new Map(), byUserId: new Map() };

export function authorOfOwner(owner: Owner): ActivityAuthor {
  const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ').trim();
  return {
    id: owner.id.slice(0, 100),
    name: (name || owner.email || null)?.slice(0, 200) ?? null,
    email: owner.email?.slice(0, 320) ?? null,
    groups: (owner.teams ?? []).flatMap((t) => (t.name ? [t.name.slice(0, 200)] : [])).slice(0, 50),
  };
}

/** Every owner of the portal (500 a page). `patiently` wraps each request (the console waits out 429s). */
export async function readOwners(api: HubSpotApi, patiently: <T>(call: () => Promise<T>) => Promise<T> = (call) => call()): Promise<OwnerDirectory> {
  const byId = new Map<string, ActivityAuthor>();
  const byUserId = new Map<string, ActivityAuthor>();
  let after: string | undefined;
  do {
    const page = await patiently(() => api.get(`/crm/v3/owners?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`, OwnersPage, 'the owners'));
    for (const owner of page.results) {
      const author = authorOfOwner(owner);
      byId.set(owner.id, author);
      if (owner.userId != null) byUserId.set(String(owner.userId), author);
    }
    after = page.paging?.next?.after;
  } while (after !== undefined);
  return { byId, byUserId };
}

/**
 * The owner id of the person behind Baton's token, so the notes Baton writes name their author:
 * an OAuth token's user is whoever signed in (GET /oauth/v1/access-tokens/{token},
 * https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/get-oauth-token-metadata);
 * a private app token's is the app's creator, shared by everyone who uses that token
 * (POST /oauth/v2/private-apps/get/access-token-info). Then the owner of that user
 * (GET /crm/v3/owners/{userId}?idProperty=userId). Null when HubSpot names no user.
 */
export async function readTokenOwnerId(api: HubSpotApi, token: string, method: 'private-app' | 'oauth'): Promise<string | null> {
  const what = 'who Baton’s HubSpot token belongs to';
  const userId =
    method === 'oauth'
      ? (await api.get(`/oauth/v1/access-tokens/${encodeURIComponent(token)}`, OAuthTokenInfo, what)).user_id
      : (await api.post('/oauth/v2/private-apps/get/access-token-info', { tokenKey: token }, PrivateAppTokenInfo, what)).userId;
  if (userId == null) return null;
  const owner = await api.get(`/crm/v3/owners/${encodeURIComponent(String(userId))}?idProperty=userId`, Owner, 'the token’s HubSpot owner');
  return owner.id;
}

/**
 * A note associated with the deal (association type 214, note → deal): overrides,
 * acknowledgements, reviews. `ownerId` is the acting user's owner id: hubspot_owner_id
 * "determines the user listed as the note creator on the record timeline"
 * (https://developers.hubspot.com/docs/api-reference/crm-notes-v3/guide).
 */
export async function createNote(api: HubSpotApi, dealId: string, subject: string, body: string, now: Date, ownerId: string | null): Promise<string> {
  const result = await api.post(
    '/crm/v3/objects/notes',
    {
      properties: {
        hs_note_body: noteHtml(subject, body).slice(0, NOTE_BODY_MAX),
        hs_timestamp: now.toISOString(),
        ...(ownerId === null ? {} : { hubspot_owner_id: ownerId }),
      },
      associations: [{ to: { id: dealId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 214 }] }],
    },
    Created,
    'the new note',
  );
  return result.id;
}

/** The note properties Baton reads: the text, when, and who wrote it. */
export const NOTE_PROPERTIES = ['hs_note_body', 'hs_timestamp', 'hubspot_owner_id', 'hs_created_by_user_id'];

const NoteSearch = z.looseObject({
  results: z.array(z.looseObject({ id: z.string(), properties: z.record(z.string(), z.string().nullable()) })),
});

/** A note body Baton wrote (escaped paragraphs) back to plain text. */
export function noteText(html: string): string {
  return html
    .replace(/<\/p>\s*<p>/g, '\n')
    .replace(/<[^>]{0,200}>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Baton's notes on the deal (their first line is Baton's subject), newest first. */
export async function readBatonNotes(api: HubSpotApi, dealId: string): Promise<BatonActivity[]> {
  const found = await api.post(
    '/crm/v3/objects/notes/search',
    {
      filterGroups: [{ filters: [{ propertyName: 'associations.deal', operator: 'EQ', value: dealId }] }],
      properties: NOTE_PROPERTIES,
      sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }],
      limit: 50,
    },
    NoteSearch,
    'the deal’s notes',
  );
  if (found.results.length === 0) return [];
  // Names are a nicety here (the ids alone decide what counts); a token without the owners scope still reads its notes.
  const owners = await readOwners(api).catch(() => NO_OWNERS);
  return found.results.flatMap((note) => batonActivityOfNote(note.properties, owners) ?? []);
}

/**
 * Who wrote a note: the user HubSpot recorded as its creator (hs_created_by_user_id, which HubSpot
 * sets itself), else the owner the note names (hubspot_owner_id, which whoever creates a note
 * through the API may set). Null when the note says neither.
 */
export function noteAuthor(properties: Record<string, string | null | undefined>, owners: OwnerDirectory): ActivityAuthor | null {
  const creator = properties.hs_created_by_user_id ? owners.byUserId.get(properties.hs_created_by_user_id) : undefined;
  if (creator) return creator;
  const ownerId = properties.hubspot_owner_id?.trim();
  if (!ownerId) return null;
  return owners.byId.get(ownerId) ?? { id: ownerId.slice(0, 100), name: null, email: null, groups: [] };
}

/** A note as a Baton activity (its first line is the subject Baton wrote), or null when it is not Baton's. */
export function batonActivityOfNote(properties: Record<string, string | null | undefined>, owners: OwnerDirectory, deleted: DeletedRecord | null = null): BatonActivity | null {
  const [subject = '', ...rest] = noteText((properties.hs_note_body ?? '').slice(0, 100_000)).split('\n');
  const kind = activityKindOf(subject);
  if (kind === null) return null;
  const body = rest.join('\n').slice(0, 32_000);
  return { kind, at: properties.hs_timestamp ?? '', author: noteAuthor(properties, owners), deleted, subject: subject.slice(0, 255), body, rating: ratingOf(body) };
}
