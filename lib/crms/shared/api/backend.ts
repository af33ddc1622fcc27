/**
 * What the background needs from a CRM, whichever it is. Salesforce and HubSpot each implement
 * it; the gate, the side panel and the console only ever talk to this.
 */
import type { DealRef } from '@/lib/domain/deal';
import type { ElementKey, RawArtifact } from '@/lib/domain/elements';
import type { DealSnapshot, StageOption } from '@/lib/domain/snapshot';
import type { BatonActivity } from '@/lib/domain/activity';
import type { TeamDeal, TeamQuery, TeamSource } from '@/lib/domain/team';

export interface FieldConflict {
  element: ElementKey;
  /** The value now in the CRM, written by someone else since the edit started. */
  theirs: string;
}

/** The team's deals from one org / portal; `partial` says why some may be missing. */
export interface TeamDealsResult {
  deals: TeamDeal[];
  partial: string | null;
}

export type WriteOutcome = { ok: true } | { ok: false; conflicts: FieldConflict[] };

export interface DealBackend {
  /** The deal as it is in the CRM now. Throws CrmError. */
  readSnapshot(deal: DealRef): Promise<DealSnapshot>;
  /**
   * Writes the handoff fields unless one changed in the CRM since `expected` was read (then
   * nothing is written and the conflicts come back). Throws CrmError.
   */
  writeFields(deal: DealRef, fields: Partial<RawArtifact>, expected: Partial<RawArtifact>): Promise<WriteOutcome>;
  /** The stages deals of this org / portal can be in (Kanban and board columns). Throws CrmError. */
  readStages(instance: string): Promise<StageOption[]>;
  /** Records an activity on the deal (Salesforce Task, HubSpot note); returns its id. Throws CrmError. */
  createActivity(deal: DealRef, subject: string, body: string): Promise<string>;
  /** Baton's own activities on the deal (overrides, acknowledgements, reviews), newest first. Throws CrmError. */
  readActivities(deal: DealRef): Promise<BatonActivity[]>;
  /** Writes one numeric field / property (the CSM's rating). Throws CrmError. */
  writeNumber(deal: DealRef, field: string, value: number): Promise<void>;
  /** The deals won in the period and the open ones in late stages (manager console). Throws CrmError when nothing could be read. */
  listTeamDeals(instance: string, query: TeamQuery): Promise<TeamDealsResult>;
  /** The orgs / portals the console can read: those Baton has a session or connection for, or why none. */
  teamSources(): Promise<Array<Omit<TeamSource, 'crm'>>>;
}
