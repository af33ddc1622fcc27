/**
 * Which requests of a Lightning page save an Opportunity's stage (the backstop behind the UI
 * recognition in intents.ts: the page-world script holds them, README "The backstop"). Pure; no
 * zod, no DOM: it runs in the page-world script.
 *
 * What Lightning sends, from public descriptions (2026-12-09):
 *  - Aura: POST /aura?… (Experience Cloud: …/s/sfsites/aura), a form body
 *    `message=<JSON>&aura.context=…&aura.pageURI=…&aura.token=…`, the message holding
 *    `{actions: [{id, descriptor, callingDescriptor, params}]}`, possibly several actions per
 *    request (github.com/google/aura-inspector issue #3, "sample file for aura request").
 *    Lightning Data Service writes records through `aura://RecordUiController/ACTION$updateRecord`
 *    with `params: {recordId, recordInput: {apiName?, fields}}` and
 *    `ACTION$createRecord` with `recordInput: {apiName, fields}`: the same RecordInput as LWC's
 *    updateRecord / createRecord (developer.salesforce.com/docs/platform/lwc/guide/reference-update-record.html).
 *    Older record views save through
 *    `serviceComponent://ui.force.components.controllers.recordGlobalValueProvider.RecordGvpController/ACTION$saveRecord`
 *    with `params: {recordRep: {id, apiName, fields: {Name: {value}}}}`.
 *  - User Interface API: `PATCH /services/data/vXX.X/ui-api/records/{id}` with `{fields}`, and
 *    `POST …/ui-api/records` with `{apiName, fields}` (developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_resources_record_patch.htm).
 *  - REST: `PATCH|POST …/sobjects/Opportunity[/{id}]` with the fields flat, and
 *    `PATCH|POST …/composite/sobjects` with `{records: [{attributes: {type}, id, …fields}]}`.
 *
 * Field names are case-insensitive in Salesforce's APIs, so StageName is found in any case. A body
 * Baton cannot read is held when it names StageName (or, for a stream, when it goes to a record
 * write at all); an Aura action Baton does not know is held when it is no read and its
 * parameters have a StageName key.
 */
import { idOf, isObject, parseJson, pathOf, saveRecogniser, setFields, textFields, textOf, type PageRequest, type SaveFieldNames, type SaveRecogniser } from '@/lib/crms/shared/page/saveParsing';
import type { PageSave, SaveReading, SaveRewrite } from '@/lib/crms/shared/page/saveWire';

export const SALESFORCE_SAVE_FIELDS: SaveFieldNames = { stage: 'StageName', amount: 'Amount', closeDate: 'CloseDate', pipeline: 'RecordTypeId' };

// Literals, so a bundle that does not use the recogniser (the gate's) leaves them out.
const AURA = /(?:^|\/)aura$/;
const UI_API_RECORD = /\/services\/data\/v\d+\.\d+\/ui-api\/records(?:\/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?))?\/?$/;
const SOBJECT_OPPORTUNITY = /\/services\/data\/v\d+\.\d+\/sobjects\/Opportunity(?:\/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?))?\/?$/i;
const COMPOSITE_SOBJECTS = /\/services\/data\/v\d+\.\d+\/composite\/sobjects\/?$/;
/** Opportunity ids start with the key prefix 006. */
const OPPORTUNITY_ID = /^006[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;
const MENTIONS_STAGE = /stagename/i;
/** A key named StageName in JSON text. */
const STAGE_KEY = /"stagename"\s*:/i;
/** Aura methods that only read (getRecordWithFields, loadView, …). */
const READ_METHOD = /^(?:get|load|fetch|find|search|query|list|describe|read|retrieve|is|has|check|track|log|record(?:Metric|Event))/i;

const NONE: SaveReading = { kind: 'none' };

type Unreadable = Extract<SaveReading, { kind: 'unreadable' }>;

const unreadable = (why: string, recordId: string | null = null): Unreadable => ({ kind: 'unreadable', why, recordId });

interface RecordWrite {
  recordId: string | null;
  apiName: unknown;
  fields: Record<string, unknown>;
  create: boolean;
  unwrap?: (value: unknown) => unknown;
}

/** A record's stage move, why a record write cannot be read, or null when it moves no stage. */
type WriteResult = PageSave | Unreadable | null;

/** One record written: a move of an Opportunity's stage, null when it is none, or why it cannot be read. */
function recordWrite(w: RecordWrite): WriteResult {
  const unwrap = w.unwrap ?? ((v: unknown) => v);
  const stageKey = Object.keys(w.fields).find((k) => k.toLowerCase() === 'stagename');
  if (stageKey === undefined) return null;
  if (typeof w.apiName === 'string' && w.apiName !== '' && w.apiName.toLowerCase() !== 'opportunity') return null;
  if (!w.create) {
    if (w.recordId === null) return unreadable('It sets a stage but does not say on which record.');
    if (!OPPORTUNITY_ID.test(w.recordId)) return null;
  }
  const stage = textOf(unwrap(w.fields[stageKey]));
  if (stage === undefined) return unreadable('It sets a stage to a value Baton cannot read.', w.create ? null : w.recordId);
  if (stage === null || stage === '') return null; // no stage: Salesforce refuses it (StageName is required)
  return { recordId: w.create ? null : w.recordId, stage, fields: textFields(w.fields, unwrap) };
}

const valueOf = (v: unknown) => (isObject(v) && 'value' in v ? v.value : v);

function auraAction(action: unknown): WriteResult {
  if (!isObject(action)) return null;
  const descriptor = typeof action.descriptor === 'string' ? action.descriptor : '';
  const params = isObject(action.params) ? action.params : {};
  const method = descriptor.slice(descriptor.lastIndexOf('$') + 1);
  if (/RecordUiController\/ACTION\$(?:updateRecord|createRecord)$/.test(descriptor)) {
    const input = params.recordInput;
    if (!isObject(input) || !isObject(input.fields)) return STAGE_KEY.test(JSON.stringify(params)) ? unreadable(`Its ${method} has no record fields Baton can read.`, idOf(params.recordId)) : null;
    return recordWrite({ recordId: idOf(params.recordId) ?? idOf(input.fields.Id), apiName: input.apiName, fields: input.fields, create: method === 'createRecord' });
  }
  if (/RecordGvpController\/ACTION\$saveRecord$/.test(descriptor)) {
    const rep = params.recordRep;
    if (!isObject(rep) || !isObject(rep.fields)) return STAGE_KEY.test(JSON.stringify(params)) ? unreadable('Its saveRecord has no record Baton can read.') : null;
    const id = idOf(rep.id) ?? idOf(valueOf(rep.fields.Id));
    return recordWrite({ recordId: id, apiName: rep.apiName, fields: rep.fields, create: id === null, unwrap: valueOf });
  }
  if (!READ_METHOD.test(method) && STAGE_KEY.test(JSON.stringify(params))) {
    return unreadable(`It runs an action Baton does not know (${descriptor.slice(0, 200)}) with a StageName in it.`);
  }
  return null;
}

function auraBody(body: string): SaveReading {
  const message = new URLSearchParams(body).get('message');
  const parsed = message === null ? undefined : parseJson(message);
  const actions = isObject(parsed) ? parsed.actions : undefined;
  if (!Array.isArray(actions)) return MENTIONS_STAGE.test(body) ? unreadable('Its body is not the actions Lightning sends, and it names StageName.') : NONE;
  return collect(actions.map(auraAction));
}

function collect(results: WriteResult[]): SaveReading {
  const saves: PageSave[] = [];
  for (const r of results) {
    if (r === null) continue;
    if ('kind' in r) return r; // one record Baton cannot read holds the whole request
    saves.push(r);
  }
  return saves.length > 0 ? { kind: 'saves', saves } : NONE;
}

function jsonBody(body: string): Record<string, unknown> | null {
  const parsed = parseJson(body);
  return isObject(parsed) ? parsed : null;
}

function read(request: PageRequest): SaveReading {
  const path = pathOf(request.url);
  if (request.body === undefined) return unreadable('Baton could not read its body (it is streamed).');
  // Most of Lightning's Aura traffic is reads: a body that never names the stage field cannot set
  // it (letters survive form and JSON encoding), and is not parsed at all.
  if (!MENTIONS_STAGE.test(request.body)) return NONE;
  if (AURA.test(path)) return auraBody(request.body);
  const body = jsonBody(request.body);
  const notJson = () => (MENTIONS_STAGE.test(request.body ?? '') ? unreadable('Its body is not JSON, and it names StageName.') : NONE);
  const uiApi = UI_API_RECORD.exec(path);
  if (uiApi) {
    if (body === null) return notJson();
    const recordId = uiApi[1] ?? null;
    if (!isObject(body.fields)) return STAGE_KEY.test(request.body) ? unreadable('It has no fields Baton can read.', recordId) : NONE;
    return collect([recordWrite({ recordId, apiName: body.apiName, fields: body.fields, create: recordId === null })]);
  }
  const sobject = SOBJECT_OPPORTUNITY.exec(path);
  if (sobject) {
    if (body === null) return notJson();
    const recordId = sobject[1] ?? null;
    return collect([recordWrite({ recordId, apiName: 'Opportunity', fields: body, create: recordId === null })]);
  }
  if (COMPOSITE_SOBJECTS.test(path)) {
    if (body === null) return notJson();
    if (!Array.isArray(body.records)) return STAGE_KEY.test(request.body) ? unreadable('It has no records Baton can read.') : NONE;
    const create = request.method.toUpperCase() === 'POST';
    return collect(
      body.records.map((r) =>
        isObject(r) ? recordWrite({ recordId: idOf(r.id) ?? idOf(r.Id), apiName: isObject(r.attributes) ? r.attributes.type : undefined, fields: r, create }) : null,
      ),
    );
  }
  return NONE;
}

/** The values a rewrite gives the record `recordId`, or null when it names another record. */
const valuesFor = (rewrites: readonly SaveRewrite[], recordId: string | null) => rewrites.find((r) => recordId !== null && r.recordId === recordId)?.fields ?? null;

/** An Aura body with the records' fields rewritten; the other parameters as they were. */
function rewriteAura(body: string, rewrites: readonly SaveRewrite[]): string | null {
  const form = new URLSearchParams(body);
  const message = parseJson(form.get('message') ?? '');
  if (!isObject(message) || !Array.isArray(message.actions)) return null;
  for (const action of message.actions) {
    if (!isObject(action) || !isObject(action.params) || typeof action.descriptor !== 'string') continue;
    const { params } = action;
    if (/RecordUiController\/ACTION\$updateRecord$/.test(action.descriptor) && isObject(params.recordInput) && isObject(params.recordInput.fields)) {
      const values = valuesFor(rewrites, idOf(params.recordId) ?? idOf(params.recordInput.fields.Id));
      if (values) setFields(params.recordInput.fields, values);
    } else if (/RecordGvpController\/ACTION\$saveRecord$/.test(action.descriptor) && isObject(params.recordRep) && isObject(params.recordRep.fields)) {
      const values = valuesFor(rewrites, idOf(params.recordRep.id) ?? idOf(valueOf(params.recordRep.fields.Id)));
      if (values) setFields(params.recordRep.fields, values, true);
    }
  }
  form.set('message', JSON.stringify(message));
  return form.toString();
}

function rewrite(request: PageRequest & { body: string }, rewrites: readonly SaveRewrite[]): string | null {
  const path = pathOf(request.url);
  if (AURA.test(path)) return rewriteAura(request.body, rewrites);
  const body = jsonBody(request.body);
  if (body === null) return null;
  const uiApi = UI_API_RECORD.exec(path);
  const sobject = SOBJECT_OPPORTUNITY.exec(path);
  if (uiApi && isObject(body.fields)) {
    const values = valuesFor(rewrites, uiApi[1] ?? null);
    if (values) setFields(body.fields, values);
  } else if (sobject) {
    const values = valuesFor(rewrites, sobject[1] ?? null);
    if (values) setFields(body, values);
  } else if (COMPOSITE_SOBJECTS.test(path) && Array.isArray(body.records)) {
    for (const r of body.records) {
      const values = isObject(r) ? valuesFor(rewrites, idOf(r.id) ?? idOf(r.Id)) : null;
      if (values && isObject(r)) setFields(r, values);
    }
  } else return null;
  return JSON.stringify(body);
}

export const salesforceSaves: SaveRecogniser = saveRecogniser({
  writesTo: (path) => AURA.test(path) || UI_API_RECORD.test(path) || SOBJECT_OPPORTUNITY.test(path) || COMPOSITE_SOBJECTS.test(path),
  read,
  rewrite,
});
