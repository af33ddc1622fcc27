/**
 * Reading and writing one Opportunity: the record through the UI API, the org's stages through
 * SOQL on OpportunityStage (IsWon decides, never a label), the field list through describe, and
 * writes through sObject rows PATCH with a conflict check. Tasks record overrides and reviews.
 */
import { ELEMENT_KEYS, emptyArtifact, type ElementKey, type RawArtifact } from '@/lib/domain/elements';
import { isValidIsoDate } from '@/lib/domain/dates';
import type { FieldIssue, StageOption } from '@/lib/domain/snapshot';
import type { SalesforceMapping } from '@/lib/settings/schema';
import { CrmError } from '@/lib/domain/problem';
import { z } from '@/lib/zod';
import { activityKindOf, ratingOf, type BatonActivity } from '@/lib/domain/activity';
import type { WriteOutcome } from '@/lib/crms/shared/api/backend';
import { elementsToWrite, fieldConflicts, refuseBlockedFields, type RefusalWording } from '@/lib/crms/shared/api/writeGuard';
import type { SalesforceApi } from './client';
import {
  CreateResult,
  OpportunityStageRow,
  PicklistValues,
  SObjectDescribe,
  UiRecord,
  queryResult,
  type DescribeField,
  type UiFieldValue,
} from './schemas';

export interface OpportunityRecord {
  id: string;
  name: string;
  stage: { value: string; label: string };
  amount: number | null;
  currency: string | null;
  closeDate: string | null;
  owner: string | null;
  account: string | null;
  recordTypeId: string | null;
  lastModifiedDate: string | null;
  artifact: RawArtifact;
  fieldIssues: FieldIssue[];
}

/** Mapped field → its describe entry, or the issue with it. */
export function checkMapping(
  describe: ReadonlyMap<string, DescribeField>,
  mapping: SalesforceMapping,
): { present: Map<ElementKey, DescribeField>; issues: FieldIssue[] } {
  const present = new Map<ElementKey, DescribeField>();
  const issues: FieldIssue[] = [];
  for (const element of ELEMENT_KEYS) {
    const field = mapping[element];
    const info = describe.get(field.toLowerCase());
    if (info === undefined) issues.push({ element, field, problem: 'missing' });
    else {
      present.set(element, info);
      if (!info.updateable) issues.push({ element, field: info.name, problem: 'read-only' });
    }
  }
  return { present, issues };
}

/** Opportunity's fields by lower-cased API name (Salesforce names are case-insensitive). */
export async function describeOpportunity(api: SalesforceApi): Promise<Map<string, DescribeField>> {
  const describe = await api.get('sobjects/Opportunity/describe', SObjectDescribe, 'the Opportunity field list');
  return new Map(describe.fields.map((f) => [f.name.toLowerCase(), f]));
}

function stringValue(field: UiFieldValue | undefined): string | null {
  const v = field?.value;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

/** The Name of a related record in a UI API response: fields.Owner.value.fields.Name.value. */
function relatedName(field: UiFieldValue | undefined): string | null {
  const nested = field?.value;
  if (typeof nested !== 'object' || nested === null) return field?.displayValue ?? null;
  const parsed = UiRecord.safeParse(nested);
  return parsed.success ? stringValue(parsed.data.fields.Name) ?? field?.displayValue ?? null : field?.displayValue ?? null;
}

const BASE_FIELDS = ['Name', 'StageName'];
const OPTIONAL_FIELDS = ['Amount', 'CloseDate', 'Owner.Name', 'Account.Name', 'LastModifiedDate', 'CurrencyIsoCode'];

export async function readOpportunity(
  api: SalesforceApi,
  id: string,
  mapping: SalesforceMapping,
  describe: ReadonlyMap<string, DescribeField>,
): Promise<OpportunityRecord> {
  const { present, issues } = checkMapping(describe, mapping);
  const mapped = [...present.values()].map((f) => f.name);
  const query = new URLSearchParams({
    fields: BASE_FIELDS.map((f) => `Opportunity.${f}`).join(','),
    optionalFields: [...OPTIONAL_FIELDS, ...mapped].map((f) => `Opportunity.${f}`).join(','),
  });
  const record = await api.get(`ui-api/records/${encodeURIComponent(id)}?${query}`, UiRecord, 'the opportunity');
  if (record.apiName !== 'Opportunity') {
    throw new CrmError({ kind: 'not-found', message: `Record ${id} is a ${record.apiName}, not an opportunity.` });
  }
  const f = record.fields;
  const artifact = emptyArtifact();
  for (const [element, info] of present) artifact[element] = stringValue(f[info.name]) ?? '';
  const amount = f.Amount?.value;
  const closeDate = stringValue(f.CloseDate);
  const stageValue = stringValue(f.StageName) ?? '';
  return {
    id: record.id,
    name: stringValue(f.Name) ?? '',
    stage: { value: stageValue, label: f.StageName?.displayValue ?? stageValue },
    amount: typeof amount === 'number' && Number.isFinite(amount) ? amount : null,
    currency: stringValue(f.CurrencyIsoCode),
    closeDate: closeDate !== null && isValidIsoDate(closeDate) ? closeDate : null,
    owner: relatedName(f.Owner),
    account: relatedName(f.Account),
    recordTypeId: record.recordTypeId ?? null,
    lastModifiedDate: stringValue(f.LastModifiedDate) ?? record.lastModifiedDate ?? null,
    artifact,
    fieldIssues: issues,
  };
}

const STAGE_QUERY =
  'SELECT ApiName, MasterLabel, IsActive, IsClosed, IsWon, SortOrder FROM OpportunityStage ORDER BY SortOrder';

/**
 * The org's stages, won ones by OpportunityStage.IsWon. Labels come from the record type's
 * picklist values, which the UI API gives in the user's language; MasterLabel is the fallback.
 * Inactive stages are kept: a deal can sit in one.
 */
export async function readStages(api: SalesforceApi, recordTypeId: string | null): Promise<StageOption[]> {
  const rows = await api.get(`query?q=${encodeURIComponent(STAGE_QUERY)}`, queryResult(OpportunityStageRow), 'the opportunity stages');
  const labels = new Map<string, string>();
  try {
    const picklist = await api.get(
      `ui-api/object-info/Opportunity/picklist-values/${encodeURIComponent(recordTypeId ?? '012000000000000AAA')}/StageName`,
      PicklistValues,
      'the stage labels',
    );
    for (const v of picklist.values) labels.set(v.value, v.label);
  } catch (error) {
    // Labels are a nicety; the stages and their IsWon are what matter.
    console.warn('[baton] Salesforce stage labels unavailable; using master labels.', error);
  }
  return rows.records.map((r) => ({
    value: r.ApiName,
    label: labels.get(r.ApiName) ?? r.MasterLabel,
    closed: r.IsClosed,
    won: r.IsWon,
  }));
}

const REFUSAL: RefusalWording = { missing: 'the field is not on Opportunity in this org', readOnly: 'you may not edit it' };

/**
 * Writes `fields` unless one of them changed in Salesforce since `expected` was read (and not to
 * the very value we are writing). Read-then-PATCH with If-Unmodified-Since, so a change that
 * lands between our read and our write is refused by Salesforce (412) instead of overwritten.
 */
export async function writeOpportunityFields(
  api: SalesforceApi,
  id: string,
  mapping: SalesforceMapping,
  describe: ReadonlyMap<string, DescribeField>,
  fields: Partial<RawArtifact>,
  expected: Partial<RawArtifact>,
): Promise<WriteOutcome> {
  const { present, issues } = checkMapping(describe, mapping);
  const elements = elementsToWrite(fields);
  refuseBlockedFields(elements, issues, REFUSAL);
  const tooLong = elements.filter((k) => {
    const max = present.get(k)?.length;
    return max !== undefined && max > 0 && (fields[k] ?? '').length > max;
  });
  if (tooLong.length > 0) {
    throw new CrmError({
      kind: 'validation',
      message: `Too long for Salesforce: ${tooLong
        .map((k) => `${present.get(k)?.label ?? k} holds at most ${present.get(k)?.length} characters`)
        .join('; ')}. Shorten it; nothing was saved.`,
      elements: tooLong,
    });
  }

  for (let attempt = 0; attempt < 2; attempt++) {
    const current = await readOpportunity(api, id, mapping, describe);
    const conflicts = fieldConflicts(elements, current.artifact, fields, expected);
    if (conflicts.length > 0) return { ok: false, conflicts };
    const body: Record<string, string | null> = {};
    for (const k of elements) {
      const name = present.get(k)?.name ?? mapping[k];
      body[name] = fields[k] === '' ? null : (fields[k] ?? null);
    }
    const since = current.lastModifiedDate === null ? null : new Date(current.lastModifiedDate);
    const headers: Record<string, string> =
      since !== null && !Number.isNaN(since.getTime()) ? { 'If-Unmodified-Since': since.toUTCString() } : {};
    try {
      await api.patch(`sobjects/Opportunity/${encodeURIComponent(id)}`, body, headers);
      return { ok: true };
    } catch (error) {
      // 412: the record changed between our read and our write; look again once.
      if (error instanceof CrmError && error.problem.status === 412 && attempt === 0) continue;
      throw error;
    }
  }
  throw new CrmError({ kind: 'conflict', message: 'The opportunity keeps changing in Salesforce; try again in a moment.' });
}

/** Salesforce's limits on Task.Subject and Task.Description. */
export const TASK_SUBJECT_MAX = 255;
export const TASK_DESCRIPTION_MAX = 32_000;

/** A completed Task on the opportunity: how Baton records overrides, acknowledgements and reviews. */
export async function createTask(
  api: SalesforceApi,
  opportunityId: string,
  subject: string,
  description: string,
  today: string,
): Promise<string> {
  const result = await api.post(
    'sobjects/Task',
    {
      WhatId: opportunityId,
      Subject: subject.slice(0, TASK_SUBJECT_MAX),
      Description: description.slice(0, TASK_DESCRIPTION_MAX),
      Status: 'Completed',
      Priority: 'Normal',
      ActivityDate: today,
    },
    CreateResult,
    'the new task',
  );
  if (!result.success) throw new CrmError({ kind: 'bad-response', message: 'Salesforce did not create the task.' });
  return result.id;
}

const NamedRow = z.looseObject({ Name: z.string().nullable().optional() }).nullable().optional();

export const TaskRow = z.looseObject({
  Id: z.string().optional(),
  Subject: z.string().nullable(),
  Description: z.string().nullable(),
  CreatedDate: z.string(),
  CreatedById: z.string().nullable().optional(),
  CreatedBy: z
    .looseObject({ Name: z.string().nullable().optional(), Email: z.string().nullable().optional(), Profile: NamedRow, UserRole: NamedRow })
    .nullable()
    .optional(),
  /** True for a row in the recycle bin (only queryAll returns those). */
  IsDeleted: z.boolean().optional(),
  LastModifiedDate: z.string().nullable().optional(),
  LastModifiedBy: NamedRow,
});
type TaskRow = z.infer<typeof TaskRow>;

/**
 * The Task fields Baton reads back, for the single-deal query and the console's child subquery:
 * who created it (CreatedById is set by Salesforce and cannot be written), their role and profile
 * (what an admin can name in the audit settings), and IsDeleted with who changed the row last —
 * on a deleted row, the user who deleted it (Salesforce's Recycle Bin shows that user as
 * "Deleted By"; the REST docs do not say so).
 */
export const TASK_FIELDS =
  'Id, Subject, Description, CreatedDate, CreatedById, CreatedBy.Name, CreatedBy.Email, CreatedBy.Profile.Name, CreatedBy.UserRole.Name, IsDeleted, LastModifiedDate, LastModifiedBy.Name';

function cut(value: string | null | undefined, max: number): string | null {
  return value ? value.slice(0, max) : null;
}

/** Baton's activities among Task rows (recognised by their subject), in the rows' order. */
export function batonActivitiesOf(rows: readonly TaskRow[]): BatonActivity[] {
  const out: BatonActivity[] = [];
  for (const row of rows) {
    const subject = row.Subject ?? '';
    const kind = activityKindOf(subject);
    if (kind === null) continue;
    const body = (row.Description ?? '').slice(0, 32_000);
    const by = row.CreatedBy;
    const groups = [by?.UserRole?.Name, by?.Profile?.Name].flatMap((g) => (g ? [g.slice(0, 200)] : []));
    out.push({
      kind,
      at: row.CreatedDate,
      author: row.CreatedById || by ? { id: cut(row.CreatedById, 100), name: cut(by?.Name, 200), email: cut(by?.Email, 320), groups } : null,
      deleted: row.IsDeleted ? { at: cut(row.LastModifiedDate, 40), by: cut(row.LastModifiedBy?.Name, 200) } : null,
      subject: subject.slice(0, 255),
      body,
      rating: ratingOf(body),
    });
  }
  return out;
}

/**
 * Baton's Tasks on the opportunity (by their subject), newest first, deleted ones included:
 * queryAll also reads the recycle bin (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_queryall.htm),
 * so a rep who deletes an override Task does not make it disappear.
 */
export async function readBatonTasks(api: SalesforceApi, opportunityId: string): Promise<BatonActivity[]> {
  if (!/^[A-Za-z0-9]{15,18}$/.test(opportunityId)) throw new CrmError({ kind: 'not-found', message: 'Not an opportunity id.' });
  const q = `SELECT ${TASK_FIELDS} FROM Task WHERE WhatId = '${opportunityId}' AND Subject LIKE 'Baton:%' ORDER BY CreatedDate DESC LIMIT 50`;
  const result = await api.get(`queryAll?q=${encodeURIComponent(q)}`, queryResult(TaskRow), 'the opportunity’s Baton tasks');
  return batonActivitiesOf(result.records);
}

/** Writes one number field (the CSM's rating) on the opportunity. */
export async function writeOpportunityNumber(api: SalesforceApi, id: string, describe: ReadonlyMap<string, DescribeField>, field: string, value: number): Promise<void> {
  const info = describe.get(field.toLowerCase());
  if (!info) throw new CrmError({ kind: 'missing-fields', message: `The rating field ${field} is not on Opportunity in this org.`, fields: [field] });
  await api.patch(`sobjects/Opportunity/${encodeURIComponent(id)}`, { [info.name]: value });
}
