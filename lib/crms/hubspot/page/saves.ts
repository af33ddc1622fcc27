/**
 * Which requests of a HubSpot page save a deal's stage (the backstop behind the UI recognition in
 * intents.ts: the page-world script holds them, README "The backstop"). Pure; no zod, no DOM: it
 * runs in the page-world script.
 *
 * The shapes, from public sources (2026-12-09):
 *  - CRM v3 (developers.hubspot.com/docs/api-reference/crm-deals-v3/guide): `PATCH
 *    /crm/v3/objects/deals/{id}` with `{properties}`, `POST /crm/v3/objects/deals` (create),
 *    `POST …/batch/update|create|upsert` with `{inputs: [{id?, idProperty?, properties}]}`; the
 *    object may be named by its type id 0-3, and the app proxies the API under its own /api/.
 *  - HubSpot's own front end (its crm_data BatchMutateClient and crm-objects batch clients, as
 *    published in public source mirrors): `PUT inbounddb-objects/v1/crm-objects/{objectTypeId}`
 *    with `[{objectId, propertyValues: [{name, value}]}]`, and `POST
 *    inbounddb-objects/v2/batch-mutation/dynamic-search` with `{type: 'UPDATE', objectTypeId,
 *    properties, objectIdList}`, or, for "every record matching a filter", a search instead of
 *    the list of ids. The record page saves through `/api/crm-objects/v1/objects/0-3/{id}` with
 *    `{properties}` (what test/fixtures/hubspot/hubspot.js sends).
 *  - Deals v1 (legacy): `PUT /deals/v1/deal/{id}` with `{properties: [{name, value}]}`, `POST
 *    /deals/v1/deal`, `POST /deals/v1/batch-async/update` with `[{objectId, properties}]`.
 *
 * Properties come as a map `{name: value}` or a list `[{name, value}]`. A body Baton cannot read
 * is held when it names dealstage; an update by filter (the deals are not listed) is held too.
 */
import { idOf, isObject, parseJson, pathOf, saveRecogniser, setFields, textOf, type PageRequest, type SaveFieldNames, type SaveRecogniser } from '@/lib/crms/shared/page/saveParsing';
import type { PageSave, SaveReading, SaveRewrite } from '@/lib/crms/shared/page/saveWire';

export const HUBSPOT_SAVE_FIELDS: SaveFieldNames = { stage: 'dealstage', amount: 'amount', closeDate: 'closedate', pipeline: 'pipeline' };

const STAGE = 'dealstage';
/**
 * Each: group 1 the record id, group 2 a batch suffix (a batch read is no write). Literals, so a
 * bundle that does not use the recogniser (the gate's) leaves them out.
 */
const WRITES = [
  /\/crm\/v3\/objects\/(?:deals|0-3)(?:\/(\d+)|\/(batch\/(?:update|create|upsert)))?\/?$/,
  /\/crm-objects\/v1\/objects\/(?:deals|0-3)(?:\/(\d+)|\/(batch(?!-?read)[\w/-]*))?\/?$/,
  /\/inbounddb-objects\/v1\/crm-objects\/0-3(?:\/(\d+)|\/(batch(?!-?read)[\w/-]*))?\/?$/,
  /\/deals\/v1\/deal(?:\/(\d+))?\/?$/,
  /\/deals\/v1\/(batch-async\/update)\/?$/,
];
const DYNAMIC_SEARCH = /\/inbounddb-objects\/v2\/batch-mutation\/dynamic-search\/?$/;
const MENTIONS_STAGE = /dealstage/i;

type Unreadable = Extract<SaveReading, { kind: 'unreadable' }>;
const NONE: SaveReading = { kind: 'none' };
const unreadable = (why: string, recordId: string | null = null): Unreadable => ({ kind: 'unreadable', why, recordId });

/** Properties as a map or as a list of {name, value}; null when neither. */
function propertiesOf(bag: unknown): Record<string, unknown> | null {
  if (Array.isArray(bag)) {
    const out: Record<string, unknown> = {};
    for (const item of bag) {
      if (!isObject(item)) continue;
      const name = item.name ?? item.property;
      if (typeof name === 'string') out[name] = item.value;
    }
    return out;
  }
  return isObject(bag) ? bag : null;
}

function texts(properties: Record<string, unknown>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(properties)) {
    const text = textOf(value);
    if (text !== undefined) out[name] = text;
  }
  return out;
}

interface Target {
  /** The deal the URL names. */
  urlId: string | null;
  /** A POST that may create deals (no id in the URL, not a batch update). */
  mayCreate: boolean;
}

/**
 * One record of a body: its stage move, why it cannot be read, 'cleared' when it empties the stage
 * (HubSpot refuses that; no move), or null when it does not touch the stage.
 */
function record(item: unknown, target: Target): PageSave | Unreadable | 'cleared' | null {
  if (!isObject(item)) return null;
  const properties = propertiesOf(item.properties ?? item.propertyValues);
  if (properties === null || !(STAGE in properties)) return null;
  if (item.idProperty !== undefined) return unreadable('It upserts deals by a property of theirs, so Baton cannot tell which deals.');
  const stage = textOf(properties[STAGE]);
  const id = idOf(item.id) ?? idOf(item.objectId) ?? target.urlId;
  if (stage === undefined) return unreadable('It sets the deal stage to a value Baton cannot read.', id);
  if (stage === null || stage === '') return 'cleared';
  if (id === null && !target.mayCreate) return unreadable('It sets a deal stage but does not say on which deal.');
  return { recordId: id, stage, fields: texts(properties) };
}

/** The stage moves of a body's records; `touched` says whether any record named the stage at all. */
function collect(items: unknown[], target: Target): { reading: SaveReading; touched: boolean } {
  const saves: PageSave[] = [];
  let touched = false;
  for (const item of items) {
    const r = record(item, target);
    if (r === null) continue;
    touched = true;
    if (r === 'cleared') continue;
    if ('kind' in r) return { reading: r, touched }; // one record Baton cannot read holds the whole request
    saves.push(r);
  }
  return { reading: saves.length > 0 ? { kind: 'saves', saves } : NONE, touched };
}

function dynamicSearch(body: Record<string, unknown>): SaveReading {
  if (body.objectTypeId !== '0-3' || body.type !== 'UPDATE') return NONE;
  const properties = propertiesOf(body.properties ?? body.propertyValues);
  if (properties === null || !(STAGE in properties)) return NONE;
  if (!Array.isArray(body.objectIdList)) return unreadable('It changes the deal stage of every deal matching a filter, so Baton cannot tell which deals.');
  return collect(
    body.objectIdList.map((id) => ({ id, properties })),
    { urlId: null, mayCreate: false },
  ).reading;
}

function read(request: PageRequest): SaveReading {
  const path = pathOf(request.url);
  if (request.body === undefined) return unreadable('Baton could not read its body (it is streamed).');
  if (!MENTIONS_STAGE.test(request.body)) return NONE; // it cannot set the stage: not parsed at all
  const body = parseJson(request.body);
  if (body === undefined) return MENTIONS_STAGE.test(request.body) ? unreadable('Its body is not JSON, and it names dealstage.') : NONE;
  if (DYNAMIC_SEARCH.test(path)) return isObject(body) ? dynamicSearch(body) : NONE;
  const match = WRITES.map((re) => re.exec(path)).find((m) => m !== null);
  if (!match) return NONE;
  const urlId = match[1] ?? null;
  const batch = match[2] ?? null;
  const target: Target = { urlId, mayCreate: request.method.toUpperCase() === 'POST' && urlId === null && (batch === null || /create|upsert/.test(batch)) };
  const items = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.inputs) ? body.inputs : [body];
  const { reading, touched } = collect(items, target);
  if (!touched && /"dealstage"\s*:|"name"\s*:\s*"dealstage"/i.test(request.body)) {
    return unreadable('It names dealstage in a shape Baton does not know.', urlId);
  }
  return reading;
}

/** Sets properties given as a map or as a list of {name, value}; only those the body already writes. */
function setProperties(bag: unknown, values: Record<string, string>): void {
  if (isObject(bag)) return setFields(bag, values);
  if (!Array.isArray(bag)) return;
  for (const item of bag) {
    const name = isObject(item) ? (item.name ?? item.property) : undefined;
    if (isObject(item) && typeof name === 'string' && name in values) item.value = values[name];
  }
}

function rewrite(request: PageRequest & { body: string }, rewrites: readonly SaveRewrite[]): string | null {
  const path = pathOf(request.url);
  const body = parseJson(request.body);
  const valuesFor = (id: string | null) => rewrites.find((r) => id !== null && r.recordId === id)?.fields ?? null;
  if (DYNAMIC_SEARCH.test(path)) {
    // One set of properties for every listed deal: rewritten only when every deal gets the same.
    if (!isObject(body) || !Array.isArray(body.objectIdList)) return null;
    const all = body.objectIdList.map((id) => valuesFor(idOf(id)));
    const first = all[0];
    if (!first || all.some((v) => JSON.stringify(v) !== JSON.stringify(first))) return null;
    setProperties(body.properties ?? body.propertyValues, first);
    return JSON.stringify(body);
  }
  const match = WRITES.map((re) => re.exec(path)).find((m) => m !== null);
  if (!match || body === undefined) return null;
  const urlId = match[1] ?? null;
  const items = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.inputs) ? body.inputs : [body];
  for (const item of items) {
    if (!isObject(item)) continue;
    const values = valuesFor(idOf(item.id) ?? idOf(item.objectId) ?? urlId);
    if (values) setProperties(item.properties ?? item.propertyValues, values);
  }
  return JSON.stringify(body);
}

export const hubspotSaves: SaveRecogniser = saveRecogniser({
  writesTo: (path) => DYNAMIC_SEARCH.test(path) || WRITES.some((re) => re.test(path)),
  read,
  rewrite,
});
