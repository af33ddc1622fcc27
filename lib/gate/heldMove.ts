/** What a host adapter hands the gate: a move to a stage, caught and held before the CRM acts on it. */
import type { Crm, DealRef } from '@/lib/domain/deal';
import type { DealFacts } from '@/lib/rules/context';
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

/** A new deal created directly in a stage (Salesforce New, HubSpot create deal), held before the CRM saves it. */
export interface HeldCreate {
  crm: Crm;
  /** The org or portal the deal is created in. */
  instance: string;
  target: StageTarget;
  /** The handoff as typed into the create form; an element the form does not show is absent. */
  fields: Partial<RawArtifact>;
  /** What else the rules read: amount, close date, pipeline, as typed. */
  facts: DealFacts;
  /** Lets the creation happen now, as if Baton had not been there. */
  proceed(): void;
  /** Ends a creation that will not happen, when the page needs telling. */
  abandon?(): void;
}
