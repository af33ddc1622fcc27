import { z } from '@/lib/zod';

export const Crm = z.enum(['salesforce', 'hubspot']);
export type Crm = z.infer<typeof Crm>;

/** The CRMs' names as people write them. */
export const CRM_LABELS: Record<Crm, string> = { salesforce: 'Salesforce', hubspot: 'HubSpot' };

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

export const DealKey = z.string().regex(/^(salesforce|hubspot):[^:]{1,200}:[A-Za-z0-9]{1,40}$/);
export type DealKey = z.infer<typeof DealKey>;
