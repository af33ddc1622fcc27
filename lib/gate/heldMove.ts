/** What a host adapter hands the gate: a move to a stage, caught and held before the CRM acts on it. */
import type { DealRef } from '@/lib/domain/deal';
import type { RawArtifact } from '@/lib/domain/elements';
import type { StageTarget } from './stages';

export interface HeldMove {
  deal: DealRef;
  /** The stage the move goes to, or the collapsed "Closed" chevron of a Salesforce Path. */
  target: StageTarget | 'collapsed-closed';
  /** The page offered only closed stages to choose from (Salesforce's closed-stage modal). */
  amongClosedStages: boolean;
  /** What the rep typed into the page's own edit form for handoff fields, not yet saved. */
  pendingEdits: Partial<RawArtifact>;
  /** Lets the held move happen now, as if Baton had not been there. */
  proceed(): void;
  /** Ends a move that will not happen, when the page needs telling (a drag still in the air). */
  abandon?(): void;
}

/** Several deals moved at once (HubSpot bulk edit). */
export interface HeldBulkMove {
  deals: DealRef[];
  target: StageTarget;
  proceed(): void;
  abandon?(): void;
}
