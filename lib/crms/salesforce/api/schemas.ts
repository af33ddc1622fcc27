/**
 * The shapes Baton reads from Salesforce's REST and UI APIs, as documented (seen 2026) at
 * https://developer.salesforce.com/docs/platform/api-rest/guide/dome-query.md and
 * https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_record.htm.
 * Loose objects: Salesforce adds properties release by release, and Baton must not break on them;
 * only what Baton uses is required.
 */
import { z } from '@/lib/zod';

/** The error body: an array of { errorCode, message, fields }. */
export const SalesforceErrorBody = z.array(
  z.looseObject({
    errorCode: z.string(),
    message: z.string(),
    fields: z.array(z.string()).optional(),
  }),
);
export type SalesforceErrorBody = z.infer<typeof SalesforceErrorBody>;

/** A UI API field value: { value, displayValue }; `value` is a nested record for relationships. */
export interface UiFieldValue {
  value: unknown;
  displayValue: string | null;
}
export const UiFieldValue: z.ZodType<UiFieldValue> = z.looseObject({
  value: z.unknown(),
  displayValue: z.string().nullable().optional().transform((v) => v ?? null),
}) as unknown as z.ZodType<UiFieldValue>;

export const UiRecord = z.looseObject({
  apiName: z.string(),
  id: z.string(),
  recordTypeId: z.string().nullable().optional(),
  lastModifiedDate: z.string().nullable().optional(),
  systemModstamp: z.string().nullable().optional(),
  fields: z.record(z.string(), UiFieldValue),
});
export type UiRecord = z.infer<typeof UiRecord>;

export const DescribeField = z.looseObject({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  updateable: z.boolean(),
  length: z.number().optional(),
});
export type DescribeField = z.infer<typeof DescribeField>;

export const SObjectDescribe = z.looseObject({
  name: z.string(),
  fields: z.array(DescribeField),
});
export type SObjectDescribe = z.infer<typeof SObjectDescribe>;

export function queryResult<T extends z.ZodType>(record: T) {
  return z.looseObject({
    totalSize: z.number(),
    done: z.boolean(),
    nextRecordsUrl: z.string().optional(),
    records: z.array(record),
  });
}

export const OpportunityStageRow = z.looseObject({
  ApiName: z.string(),
  MasterLabel: z.string(),
  IsActive: z.boolean(),
  IsClosed: z.boolean(),
  IsWon: z.boolean(),
  SortOrder: z.number().nullable(),
});
export type OpportunityStageRow = z.infer<typeof OpportunityStageRow>;

/** ui-api/object-info/Opportunity/picklist-values/{recordTypeId}/StageName: labels in the user's language. */
export const PicklistValues = z.looseObject({
  values: z.array(
    z.looseObject({
      label: z.string(),
      value: z.string(),
      attributes: z.looseObject({ closed: z.boolean().optional(), won: z.boolean().optional() }).nullable().optional(),
    }),
  ),
});
export type PicklistValues = z.infer<typeof PicklistValues>;

export const CreateResult = z.looseObject({ id: z.string(), success: z.boolean() });
