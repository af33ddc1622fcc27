/**
 * The team's deals as the manager console reads them from each CRM's query API: the deals closed
 * won in a period and the open deals in late stages, each with its handoff text and Baton's own
 * activities (overrides, acknowledgements, reviews). Scores are computed from these with the
 * rules in force, so every manager sees the same picture.
 */
import { z } from '@/lib/zod';
import { Crm, DealRef } from './deal';
import { RawArtifact } from './elements';
import { BatonActivity } from './activity';
import { CrmProblem } from '@/lib/domain/problem';
import type { StageOption } from './snapshot';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Which deals the console asks for. */
export const TeamQuery = z.object({
  /** Won deals whose close date is on or after this day… */
  closedSince: IsoDay,
  /** …and on or before this one. */
  closedUntil: IsoDay,
});
export type TeamQuery = z.infer<typeof TeamQuery>;

export const TeamDeal = z.object({
  deal: DealRef,
  url: z.string().max(2000),
  name: z.string().max(1000),
  owner: z.string().max(200).nullable(),
  /** The owner's id in the CRM (Salesforce User Id, HubSpot owner id): whose records do not count as CS's. */
  ownerId: z.string().max(100).nullable(),
  account: z.string().max(500).nullable(),
  amount: z.number().finite().nullable(),
  currency: z.string().max(10).nullable(),
  closeDate: IsoDay.nullable(),
  stage: z.object({ value: z.string().max(255), label: z.string().max(255) }),
  status: z.enum(['won', 'open']),
  artifact: RawArtifact,
  /** Baton's Tasks / notes on the deal, newest first. */
  activities: z.array(BatonActivity).max(50),
  /** The mapped CSM rating field, when the org has one and it is set. */
  csmRating: z.number().finite().nullable(),
});
export type TeamDeal = z.infer<typeof TeamDeal>;

/** One connected CRM the console reads: a Salesforce org with a session, the HubSpot portal Baton holds a token for. */
export const TeamSource = z.object({
  crm: Crm,
  /** Null when the CRM is not connected at all (no HubSpot token); `problem` then says so. */
  instance: DealRef.shape.instance.nullable(),
  problem: CrmProblem.nullable(),
});
export type TeamSource = z.infer<typeof TeamSource>;

/** How many open stages, counted back from the last, are "late" (shown before they close). */
export const LATE_STAGE_COUNT = 2;

/** The late stages of one pipeline: its last open stages, in the pipeline's order. */
export function lateStages(stages: readonly StageOption[], count = LATE_STAGE_COUNT): StageOption[] {
  const open = stages.filter((s) => !s.closed);
  return open.slice(Math.max(0, open.length - count));
}

/** The most a console source returns: beyond it the result is marked partial. */
export const TEAM_DEALS_MAX = 20_000;
