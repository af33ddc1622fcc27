/**
 * The one builder of the rules' DealContext from a deal, used by the gate (overlay), the side
 * panel and the console, so all three judge a handoff against the same facts.
 */
import type { DealContext } from './types';

/** What the rules read of a deal besides its handoff text: a snapshot, a console row's deal, a brief's deal. */
export interface DealFacts {
  amount: number | null;
  closeDate: string | null;
  /** The HubSpot pipeline or Salesforce record type, when the deal's source knows it. */
  pipeline?: { id: string } | null;
}

/**
 * The context to judge `deal` in as it moves to, or stands in, `stage` (the stage's label).
 * `today` is a YYYY-MM-DD day from lib/domain/clock.ts (todayOf / isoDay), never computed here:
 * the rules stay free of clocks.
 */
export function dealContext(deal: DealFacts, stage: string, today: string): DealContext {
  return {
    amount: deal.amount,
    closeDate: deal.closeDate,
    stage,
    pipeline: deal.pipeline?.id ?? null,
    today,
  };
}
