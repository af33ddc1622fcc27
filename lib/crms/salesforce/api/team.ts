/**
 * The team's opportunities for the manager console, in one SOQL query with Baton's Tasks as a
 * child subquery: won in the period, or open in a late stage. It goes to queryAll, so Tasks in
 * the recycle bin come back too (a deleted override still shows, marked deleted); the
 * opportunities themselves are filtered to IsDeleted = false. Batches are followed through
 * `nextRecordsUrl`; when a later batch fails, what was read comes back marked partial.
 */
import { ELEMENT_KEYS, emptyArtifact } from '@/lib/domain/elements';
import { isValidIsoDate } from '@/lib/domain/dates';
import { TEAM_DEALS_MAX, lateStages, type TeamDeal, type TeamQuery } from '@/lib/domain/team';
import type { StageOption } from '@/lib/domain/snapshot';
import type { SalesforceMapping } from '@/lib/settings/schema';
import { toCrmProblem } from '@/lib/domain/problem';
import type { TeamDealsResult } from '@/lib/crms/shared/api/backend';
import { opportunityUrl } from '@/lib/crms/salesforce/urls';
import { z } from '@/lib/zod';
import type { SalesforceApi } from './client';
import { TASK_FIELDS, TaskRow, batonActivitiesOf, checkMapping } from './records';
import { queryResult, type DescribeField } from './schemas';

/** A SOQL string literal: backslash and quote escaped, as SOQL requires. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const OpportunityRow = z.looseObject({
  Id: z.string().regex(/^[A-Za-z0-9]{15,18}$/),
  Name: z.string().nullable(),
  StageName: z.string().nullable(),
  Amount: z.number().nullable().optional(),
  CloseDate: z.string().nullable().optional(),
  IsWon: z.boolean(),
  OwnerId: z.string().nullable().optional(),
  Owner: z.looseObject({ Name: z.string().nullable().optional() }).nullable().optional(),
  Account: z.looseObject({ Name: z.string().nullable().optional() }).nullable().optional(),
  Tasks: z.looseObject({ records: z.array(TaskRow) }).nullable().optional(),
});
type OpportunityRow = z.infer<typeof OpportunityRow>;

const TeamBatch = queryResult(OpportunityRow);

export interface TeamQueryPlan {
  soql: string;
  /** The mapped fields the org has, by element. */
  fields: Partial<Record<(typeof ELEMENT_KEYS)[number], string>>;
  ratingField: string | null;
  currencyField: boolean;
}

/** The one query, from the mapping and the fields the org has. Exported for tests. */
export function teamQuery(
  mapping: SalesforceMapping,
  describe: ReadonlyMap<string, DescribeField>,
  stages: readonly StageOption[],
  query: TeamQuery,
): TeamQueryPlan {
  const { present } = checkMapping(describe, mapping);
  const fields: TeamQueryPlan['fields'] = {};
  for (const [element, info] of present) fields[element] = info.name;
  const rating = mapping.csmRating === null ? undefined : describe.get(mapping.csmRating.toLowerCase());
  const currencyField = describe.has('currencyisocode');
  const late = lateStages(stages).map((s) => soqlString(s.value));
  const select = [
    'Id', 'Name', 'StageName', 'Amount', 'CloseDate', 'IsWon', 'OwnerId', 'Owner.Name', 'Account.Name',
    ...(currencyField ? ['CurrencyIsoCode'] : []),
    ...Object.values(fields),
    ...(rating ? [rating.name] : []),
    `(SELECT ${TASK_FIELDS} FROM Tasks WHERE Subject LIKE 'Baton:%' ORDER BY CreatedDate DESC LIMIT 20)`,
  ];
  // SOQL date literals are bare YYYY-MM-DD.
  const won = `(IsWon = true AND CloseDate >= ${query.closedSince} AND CloseDate <= ${query.closedUntil})`;
  const which = late.length > 0 ? `${won} OR (IsClosed = false AND StageName IN (${late.join(', ')}))` : won;
  return {
    // queryAll returns deleted opportunities too: only their Tasks are wanted from the recycle bin.
    soql: `SELECT ${select.join(', ')} FROM Opportunity WHERE IsDeleted = false AND (${which}) ORDER BY CloseDate DESC`,
    fields,
    ratingField: rating?.name ?? null,
    currencyField,
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function teamDealOf(row: OpportunityRow, instance: string, plan: TeamQueryPlan, labels: ReadonlyMap<string, string>): TeamDeal {
  const record = row as Record<string, unknown>;
  const artifact = emptyArtifact();
  for (const element of ELEMENT_KEYS) {
    const field = plan.fields[element];
    if (field !== undefined) artifact[element] = text(record[field]);
  }
  const rating = plan.ratingField === null ? null : record[plan.ratingField];
  const closeDate = row.CloseDate ?? null;
  const stage = row.StageName ?? '';
  return {
    deal: { crm: 'salesforce', instance, recordId: row.Id },
    url: opportunityUrl(instance, row.Id),
    name: (row.Name ?? '').slice(0, 1000),
    owner: row.Owner?.Name?.slice(0, 200) ?? null,
    ownerId: row.OwnerId?.slice(0, 100) || null,
    account: row.Account?.Name?.slice(0, 500) ?? null,
    amount: typeof row.Amount === 'number' && Number.isFinite(row.Amount) ? row.Amount : null,
    currency: plan.currencyField ? text(record.CurrencyIsoCode).slice(0, 10) || null : null,
    closeDate: closeDate !== null && isValidIsoDate(closeDate) ? closeDate : null,
    stage: { value: stage.slice(0, 255), label: (labels.get(stage) ?? stage).slice(0, 255) },
    status: row.IsWon ? 'won' : 'open',
    artifact,
    activities: batonActivitiesOf(row.Tasks?.records ?? []),
    csmRating: typeof rating === 'number' && Number.isFinite(rating) ? rating : null,
  };
}

export async function listTeamOpportunities(
  api: SalesforceApi,
  instance: string,
  plan: TeamQueryPlan,
  stages: readonly StageOption[],
): Promise<TeamDealsResult> {
  const labels = new Map(stages.map((s) => [s.value, s.label]));
  const what = 'the team’s opportunities';
  let batch = await api.get(`queryAll?q=${encodeURIComponent(plan.soql)}`, TeamBatch, what);
  const deals = batch.records.map((r) => teamDealOf(r, instance, plan, labels));
  while (!batch.done && batch.nextRecordsUrl !== undefined) {
    if (deals.length >= TEAM_DEALS_MAX) {
      return { deals, partial: `Only the first ${TEAM_DEALS_MAX.toLocaleString('en')} of ${batch.totalSize.toLocaleString('en')} opportunities are shown; narrow the period.` };
    }
    try {
      batch = await api.next(batch.nextRecordsUrl, TeamBatch, what);
    } catch (error) {
      return { deals, partial: `Salesforce stopped answering after ${deals.length} of ${batch.totalSize} opportunities: ${toCrmProblem(error).message}` };
    }
    for (const r of batch.records) deals.push(teamDealOf(r, instance, plan, labels));
  }
  return { deals, partial: null };
}
