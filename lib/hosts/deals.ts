/** The deal a CRM page URL shows, whichever CRM: for the side panel and the console. Pure. */
import type { DealRef } from '@/lib/domain/deal';
import { salesforceOpportunityFromUrl } from './salesforce/urls';
import { hubspotDealFromUrl } from './hubspot/urls';

export function dealFromUrl(url: string | undefined | null): DealRef | null {
  if (!url) return null;
  return salesforceOpportunityFromUrl(url) ?? hubspotDealFromUrl(url);
}
