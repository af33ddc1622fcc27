/**
 * A deal's header: what every Baton view shows above the handoff (the side panel's brief, the
 * console's row and review walk, the Markdown brief). One shape whichever CRM it came from and
 * however Baton got it: a fresh read (DealSnapshot), the console's team query (TeamDeal) or the
 * copy Baton cached (lib/db/snapshots.ts cachedHeader). CRM text, so no lengths are limited here.
 */
import { z } from '@/lib/zod';
import { DealRef } from './deal';
import type { DealSnapshot } from './snapshot';
import type { TeamDeal } from './team';

export const DealHeader = z.object({
  /** Which CRM, which org / portal, which record. */
  deal: DealRef,
  /** The deal's page in its CRM; '' when unknown (a deal cached before Baton kept the link). */
  url: z.string(),
  name: z.string(),
  account: z.string().nullable(),
  /** The owner's name: the AE. */
  owner: z.string().nullable(),
  amount: z.number().finite().nullable(),
  /** The CRM's currency code ("EUR"); null when the CRM does not say (a single-currency org). */
  currency: z.string().nullable(),
  closeDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'closeDate must be YYYY-MM-DD')
    .nullable(),
  /** The stage as the user sees it (its label, not its API value). */
  stage: z.string(),
});
export type DealHeader = z.infer<typeof DealHeader>;

/** The header of a deal read from its CRM: one read (DealSnapshot) or the team query (TeamDeal). */
export function dealHeader(read: DealSnapshot | TeamDeal): DealHeader {
  return {
    deal: read.deal,
    url: read.url,
    name: read.name,
    account: read.account,
    owner: read.owner,
    amount: read.amount,
    currency: read.currency,
    closeDate: read.closeDate,
    stage: read.stage.label,
  };
}

/** "EUR 48,000.5"; the bare number when the currency is unknown; null without an amount. */
export function formatAmount(amount: number | null, currency: string | null): string | null {
  if (amount === null) return null;
  const n = amount.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return currency ? `${currency} ${n}` : n;
}
