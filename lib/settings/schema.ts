import { z } from '@/lib/zod';
import { ELEMENT_KEYS, ElementKey } from '@/lib/domain/elements';
import { RulesConfig, defaultRulesConfig } from '@/lib/rules/config';
import { AuditPolicy, defaultAuditPolicy } from '@/lib/domain/authorship';

export const SETTINGS_VERSION = 1;

export const EnforcementMode = z.enum(['enforce', 'warn', 'off']);
export type EnforcementMode = z.infer<typeof EnforcementMode>;

export const UserRole = z.enum(['ae', 'csm', 'manager', 'admin']);
export type UserRole = z.infer<typeof UserRole>;

export const USER_ROLE_LABELS: Record<UserRole, string> = {
  ae: 'Account executive',
  csm: 'Customer success manager',
  manager: 'Sales or CS manager',
  admin: 'CRM administrator',
};

// Custom field API names: letters, digits and single underscores, starting with a letter,
// optionally namespaced (ns__Field__c). What Salesforce accepts, so a typo is caught here.
const SalesforceFieldName = z
  .string()
  .trim()
  .regex(
    /^(?:[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*__)?[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*(?:__c)?$/,
    'Use the field API name, e.g. Handoff_Use_Case__c (letters, digits and single underscores).',
  )
  .max(80, 'Salesforce field API names are at most 80 characters.');

// HubSpot internal property names: lower-case letters, digits and underscores, starting with a letter.
const HubSpotPropertyName = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_]*$/,
    'Use the property internal name, e.g. handoff_use_case (lower-case letters, digits, underscores).',
  )
  .max(100, 'HubSpot property names are at most 100 characters.');

function mappingOf(name: z.ZodType<string>) {
  return z.object(Object.fromEntries(ELEMENT_KEYS.map((k) => [k, name])) as Record<ElementKey, z.ZodType<string>>);
}

export const SalesforceMapping = mappingOf(SalesforceFieldName).extend({
  /** Optional field that receives the CSM's 1–5 handoff rating. */
  csmRating: SalesforceFieldName.nullable(),
});
export type SalesforceMapping = z.infer<typeof SalesforceMapping>;

export const HubSpotMapping = mappingOf(HubSpotPropertyName).extend({
  csmRating: HubSpotPropertyName.nullable(),
});
export type HubSpotMapping = z.infer<typeof HubSpotMapping>;

/** How Baton authenticates to HubSpot. The token itself is never part of settings (or their export). */
export const HubSpotConnection = z
  .object({
    method: z.enum(['none', 'private-app', 'oauth']),
    oauthClientId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{8,100}$/, 'A HubSpot OAuth client id is 8–100 letters, digits or dashes.')
      .nullable(),
  })
  .refine((c) => c.method !== 'oauth' || c.oauthClientId !== null, {
    path: ['oauthClientId'],
    message: 'OAuth needs the client id of your HubSpot app.',
  });
export type HubSpotConnection = z.infer<typeof HubSpotConnection>;

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  enforcement: EnforcementMode,
  role: UserRole,
  fieldMappings: z.object({ salesforce: SalesforceMapping, hubspot: HubSpotMapping }),
  rules: RulesConfig,
  hubspot: HubSpotConnection,
  /** Whose acknowledgements and reviews count in the console (lib/domain/authorship.ts). */
  audit: AuditPolicy,
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SALESFORCE_MAPPING: SalesforceMapping = {
  useCase: 'Handoff_Use_Case__c',
  successMetric: 'Handoff_Success_Metric__c',
  riskFlags: 'Handoff_Risk_Flags__c',
  whyBought: 'Handoff_Why_Bought__c',
  promises: 'Handoff_Promises__c',
  stakeholders: 'Handoff_Stakeholders__c',
  timeline: 'Handoff_Timeline__c',
  knownGaps: 'Handoff_Known_Gaps__c',
  csmRating: null,
};

export const DEFAULT_HUBSPOT_MAPPING: HubSpotMapping = {
  useCase: 'handoff_use_case',
  successMetric: 'handoff_success_metric',
  riskFlags: 'handoff_risk_flags',
  whyBought: 'handoff_why_bought',
  promises: 'handoff_promises',
  stakeholders: 'handoff_stakeholders',
  timeline: 'handoff_timeline',
  knownGaps: 'handoff_known_gaps',
  csmRating: null,
};

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    enforcement: 'enforce',
    role: 'ae',
    fieldMappings: {
      salesforce: { ...DEFAULT_SALESFORCE_MAPPING },
      hubspot: { ...DEFAULT_HUBSPOT_MAPPING },
    },
    rules: defaultRulesConfig(),
    hubspot: { method: 'none', oauthClientId: null },
    audit: defaultAuditPolicy(),
  };
}
