/**
 * The team's deals for the manager console, from HubSpot's search API: won in the period, or
 * open in a late stage of any pipeline; 200 per page, followed through `paging.next.after`.
 * The search endpoints allow a few requests per second per token, so pages are spaced and a
 * 429 is waited out. Owners come from the owners list; Baton's notes through the v4 deal→note
 * associations and a batch read of those notes; deleted (archived) Baton notes from the notes
 * list with archived=true, which HubSpot answers with archivedAt but not who archived them.
 */
import { ELEMENT_KEYS, emptyArtifact } from '@/lib/domain/elements';
import { activityKindOf, type BatonActivity } from '@/lib/domain/activity';
import { TEAM_DEALS_MAX, lateStages, type TeamDeal, type TeamQuery } from '@/lib/domain/team';
import type { HubSpotMapping } from '@/lib/settings/schema';
import { CrmError, toCrmProblem } from '@/lib/domain/problem';
import type { TeamDealsResult } from '@/lib/crms/shared/api/backend';
import { hubspotDealUrl } from '@/lib/crms/hubspot/urls';
import { z } from '@/lib/zod';
import type { HubSpotApi } from './client';
import { NOTE_PROPERTIES, NO_OWNERS, batonActivityOfNote, hubspotDate, noteText, readOwners, type OwnerDirectory, type PipelineInfo, type PropertyInfo } from './records';
import { DealObject, NoteObject } from './schemas';

/** HubSpot's search: at most 200 per page and 10,000 results per query. */
const PAGE_SIZE = 200;
const SEARCH_RESULTS_MAX = 10_000;
/** Spacing of search requests: HubSpot allows five per second per token. */
export const SEARCH_SPACING_MS = 220;
const ASSOCIATIONS_BATCH = 1000;
const NOTES_BATCH = 100;
const RATE_LIMIT_RETRIES = 3;
/** Archived notes are listed 100 a page; past this many pages Baton stops looking and says so. */
const ARCHIVED_NOTE_PAGES_MAX = 20;

const SearchPage = z.looseObject({
  total: z.number(),
  results: z.array(DealObject),
  paging: z.looseObject({ next: z.looseObject({ after: z.string() }).optional() }).optional(),
});
const AssociationsBatch = z.looseObject({
  results: z.array(z.looseObject({ from: z.looseObject({ id: z.string() }), to: z.array(z.looseObject({ toObjectId: z.union([z.number(), z.string()]) })) })),
});
const NotesBatch = z.looseObject({ results: z.array(NoteObject) });
const NotesPage = z.looseObject({
  results: z.array(NoteObject),
  paging: z.looseObject({ next: z.looseObject({ after: z.string() }).optional() }).optional(),
});

export interface HubSpotTeamOptions {
  portal: string;
  uiDomain: string;
  mapping: HubSpotMapping;
  properties: ReadonlyMap<string, PropertyInfo>;
  pipelines: readonly PipelineInfo[];
  query: TeamQuery;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Calls `call`, waiting out HubSpot's 429s (its Retry-After, or 1 s, 2 s, 4 s). */
async function patiently<T>(call: () => Promise<T>, sleep: (ms: number) => Promise<void>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof CrmError) || error.kind !== 'rate-limited' || attempt >= RATE_LIMIT_RETRIES) throw error;
      await sleep(Math.min(10, error.problem.retryAfterSeconds ?? 2 ** attempt) * 1000);
    }
  }
}

function startOfDayMs(day: string): string {
  return String(Date.parse(`${day}T00:00:00.000Z`));
}
function endOfDayMs(day: string): string {
  return String(Date.parse(`${day}T23:59:59.999Z`));
}

/** The search body for one page. Exported for tests. */
export function teamSearchBody(options: HubSpotTeamOptions, properties: string[], after: string | null) {
  const won = options.pipelines.flatMap((p) => p.stages.filter((s) => s.won).map((s) => s.value));
  const late = options.pipelines.flatMap((p) => lateStages(p.stages).map((s) => s.value));
  const filterGroups = [
    {
      filters: [
        { propertyName: 'dealstage', operator: 'IN', values: won },
        { propertyName: 'closedate', operator: 'GTE', value: startOfDayMs(options.query.closedSince) },
        { propertyName: 'closedate', operator: 'LTE', value: endOfDayMs(options.query.closedUntil) },
      ],
    },
    ...(late.length > 0 ? [{ filters: [{ propertyName: 'dealstage', operator: 'IN', values: late }] }] : []),
  ];
  return {
    filterGroups,
    properties,
    sorts: [{ propertyName: 'closedate', direction: 'DESCENDING' }],
    limit: PAGE_SIZE,
    ...(after === null ? {} : { after }),
  };
}

/** Baton's notes on the deals, by deal id, newest first. */
async function batonNotes(api: HubSpotApi, dealIds: readonly string[], owners: OwnerDirectory, sleep: (ms: number) => Promise<void>): Promise<Map<string, BatonActivity[]>> {
  const notesOfDeal = new Map<string, string[]>();
  for (let i = 0; i < dealIds.length; i += ASSOCIATIONS_BATCH) {
    const inputs = dealIds.slice(i, i + ASSOCIATIONS_BATCH).map((id) => ({ id }));
    const batch = await patiently(() => api.post('/crm/v4/associations/deals/notes/batch/read', { inputs }, AssociationsBatch, 'the deals’ notes'), sleep);
    for (const r of batch.results) notesOfDeal.set(r.from.id, r.to.map((t) => String(t.toObjectId)));
  }
  const noteIds = [...new Set([...notesOfDeal.values()].flat())];
  const activityOfNote = new Map<string, BatonActivity>();
  for (let i = 0; i < noteIds.length; i += NOTES_BATCH) {
    const inputs = noteIds.slice(i, i + NOTES_BATCH).map((id) => ({ id }));
    const batch = await patiently(() => api.post('/crm/v3/objects/notes/batch/read', { inputs, properties: NOTE_PROPERTIES }, NotesBatch, 'the notes'), sleep);
    for (const note of batch.results) {
      const activity = batonActivityOfNote(note.properties, owners);
      if (activity) activityOfNote.set(note.id, activity);
    }
  }
  const out = new Map<string, BatonActivity[]>();
  for (const [dealId, ids] of notesOfDeal) {
    const activities = ids.flatMap((id) => activityOfNote.get(id) ?? []);
    if (activities.length > 0) out.set(dealId, activities);
  }
  return out;
}

/**
 * Baton's notes someone deleted, by deal id: HubSpot keeps archived notes readable through the
 * list endpoint's `archived=true`, with `associations=deals`
 * (https://developers.hubspot.com/docs/api-reference/latest/crm/activities/notes/guide). It says
 * when a note was archived, never by whom (the Enterprise audit log does). UNVERIFIED against a
 * live portal: that an archived note keeps its deal associations; a note without them is skipped.
 */
async function deletedBatonNotes(
  api: HubSpotApi,
  dealIds: ReadonlySet<string>,
  owners: OwnerDirectory,
  sleep: (ms: number) => Promise<void>,
): Promise<{ notes: Map<string, BatonActivity[]>; partial: string | null }> {
  const notes = new Map<string, BatonActivity[]>();
  const query = `archived=true&limit=100&associations=deals&properties=${encodeURIComponent(NOTE_PROPERTIES.join(','))}`;
  let after: string | undefined;
  for (let page = 0; page < ARCHIVED_NOTE_PAGES_MAX; page++) {
    const found = await patiently(() => api.get(`/crm/v3/objects/notes?${query}${after ? `&after=${encodeURIComponent(after)}` : ''}`, NotesPage, 'the deleted notes'), sleep);
    for (const note of found.results) {
      if (activityKindOf(noteText((note.properties.hs_note_body ?? '').slice(0, 2000)).split('\n')[0] ?? '') === null) continue;
      const activity = batonActivityOfNote(note.properties, owners, { at: note.archivedAt?.slice(0, 40) ?? null, by: null });
      for (const deal of note.associations?.deals?.results ?? []) {
        const id = String(deal.id);
        if (activity && dealIds.has(id)) notes.set(id, [...(notes.get(id) ?? []), activity]);
      }
    }
    after = found.paging?.next?.after;
    if (after === undefined) return { notes, partial: null };
  }
  const checked = (ARCHIVED_NOTE_PAGES_MAX * 100).toLocaleString('en');
  return { notes, partial: `HubSpot holds more than ${checked} deleted notes; Baton looked for its own among the first ${checked} only.` };
}

const newestFirst = (a: BatonActivity, b: BatonActivity) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);

export async function listTeamHubSpotDeals(api: HubSpotApi, options: HubSpotTeamOptions): Promise<TeamDealsResult> {
  const sleep = options.sleep ?? defaultSleep;
  const { mapping, properties: known } = options;
  const mapped = ELEMENT_KEYS.filter((k) => known.has(mapping[k]));
  const rating = mapping.csmRating !== null && known.has(mapping.csmRating) ? mapping.csmRating : null;
  const properties = ['dealname', 'dealstage', 'pipeline', 'amount', 'closedate', 'hubspot_owner_id', 'deal_currency_code', ...mapped.map((k) => mapping[k]), ...(rating ? [rating] : [])];
  const stageOf = new Map(options.pipelines.flatMap((p) => p.stages.map((s) => [s.value, s] as const)));

  const found: z.infer<typeof DealObject>[] = [];
  let partial: string | null = null;
  let after: string | null = null;
  let total = 0;
  do {
    if (found.length > 0) await sleep(SEARCH_SPACING_MS);
    try {
      const page = await patiently(() => api.post('/crm/v3/objects/deals/search', teamSearchBody(options, properties, after), SearchPage, 'the team’s deals'), sleep);
      total = page.total;
      found.push(...page.results);
      after = page.paging?.next?.after ?? null;
    } catch (error) {
      if (found.length === 0) throw error;
      partial = `HubSpot stopped answering after ${found.length} of ${total} deals: ${toCrmProblem(error).message}`;
      break;
    }
    if (after !== null && found.length >= Math.min(SEARCH_RESULTS_MAX, TEAM_DEALS_MAX)) {
      partial = `HubSpot’s search gives at most ${SEARCH_RESULTS_MAX.toLocaleString('en')} of the ${total.toLocaleString('en')} matching deals; narrow the period.`;
      break;
    }
  } while (after !== null);

  let owners = NO_OWNERS;
  let notes = new Map<string, BatonActivity[]>();
  let deleted = new Map<string, BatonActivity[]>();
  const alsoPartial = (why: string | null) => {
    partial = [partial, why].filter(Boolean).join(' ') || null;
  };
  try {
    owners = await readOwners(api, (call) => patiently(call, sleep));
    notes = await batonNotes(api, found.map((d) => d.id), owners, sleep);
  } catch (error) {
    alsoPartial(`Owners or Baton’s notes could not be read: ${toCrmProblem(error).message}`);
  }
  try {
    const archived = await deletedBatonNotes(api, new Set(found.map((d) => d.id)), owners, sleep);
    deleted = archived.notes;
    alsoPartial(archived.partial);
  } catch (error) {
    alsoPartial(`Deleted Baton notes could not be looked for: ${toCrmProblem(error).message}`);
  }

  const deals: TeamDeal[] = [];
  for (const d of found) {
    if (!/^[A-Za-z0-9]{1,40}$/.test(d.id)) continue;
    const p = d.properties;
    const artifact = emptyArtifact();
    for (const k of mapped) artifact[k] = p[mapping[k]] ?? '';
    const stage = stageOf.get(p.dealstage ?? '');
    const amount = p.amount ? Number(p.amount) : NaN;
    const ratingValue = rating ? Number(p[rating] ?? '') : NaN;
    const deal = { crm: 'hubspot' as const, instance: options.portal, recordId: d.id };
    deals.push({
      deal,
      url: hubspotDealUrl(options.uiDomain, deal),
      name: (p.dealname ?? '').slice(0, 1000),
      owner: p.hubspot_owner_id ? (owners.byId.get(p.hubspot_owner_id)?.name ?? `Owner ${p.hubspot_owner_id}`).slice(0, 200) : null,
      ownerId: p.hubspot_owner_id?.slice(0, 100) || null,
      account: null,
      amount: Number.isFinite(amount) ? amount : null,
      currency: p.deal_currency_code?.slice(0, 10) || null,
      closeDate: hubspotDate(p.closedate),
      stage: { value: (p.dealstage ?? '').slice(0, 255), label: (stage?.label ?? p.dealstage ?? '').slice(0, 255) },
      status: stage?.won ? 'won' : 'open',
      artifact,
      activities: [...(notes.get(d.id) ?? []), ...(deleted.get(d.id) ?? [])].sort(newestFirst).slice(0, 50),
      csmRating: rating && p[rating] && Number.isFinite(ratingValue) ? ratingValue : null,
    });
  }
  return { deals, partial };
}
