import { z } from '@/lib/zod';
import { CRM_IDS } from './crmIds';

export { CRM_IDS };

export const Crm = z.enum(CRM_IDS);
export type Crm = z.infer<typeof Crm>;

/**
 * Identifies one deal across Baton: which CRM, which org / portal, which record.
 * `instance` is the Salesforce My Domain name (e.g. "acme--uat") or the HubSpot portal id.
 */
export const DealRef = z.object({
  crm: Crm,
  instance: z.string().min(1).max(200),
  recordId: z.string().regex(/^[A-Za-z0-9]{1,40}$/),
});
export type DealRef = z.infer<typeof DealRef>;

/** A stable string key for storage: "salesforce:acme:006xx…". */
export function dealKey(ref: DealRef): string {
  return `${ref.crm}:${ref.instance}:${ref.recordId}`;
}

export const DealKey = z.string().regex(new RegExp(`^(?:${CRM_IDS.join('|')}):[^:]{1,200}:[A-Za-z0-9]{1,40}$`));
export type DealKey = z.infer<typeof DealKey>;
