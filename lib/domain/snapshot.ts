/**
 * A deal as Baton shows and judges it, whichever CRM it came from: what the background reads
 * from the CRM API (or, when the API is closed to us, what the content script read off the page)
 * and hands to the overlay, the side panel and the console. Holds no session or token.
 */
import { z } from '@/lib/zod';
import { DealRef } from '@/lib/domain/deal';
import { ElementKey, RawArtifact } from '@/lib/domain/elements';
import { IsoDate } from '@/lib/domain/items';

const Text = z.string().max(1000);

/** One value of the stage picklist (Salesforce) or one stage of the deal's pipeline (HubSpot). */
export const StageOption = z.object({
  /** The API value: Salesforce StageName, HubSpot stage id (numeric in custom pipelines). */
  value: z.string().min(1).max(255),
  /** What the user sees, in the user's language. */
  label: z.string().max(255),
  closed: z.boolean(),
  won: z.boolean(),
});
export type StageOption = z.infer<typeof StageOption>;

export const FieldIssue = z.object({
  element: ElementKey,
  /** The CRM field / property name the element is mapped to. */
  field: z.string().max(200),
  /**
   * 'unsaved' (page readings only): the page holds an edit of this field that is not saved yet, so
   * what is saved in the CRM is not known from the page.
   */
  problem: z.enum(['missing', 'read-only', 'unsaved']),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const DealSnapshot = z.object({
  deal: DealRef,
  /** The deal's page in its CRM. */
  url: z.url(),
  name: Text,
  stage: z.object({ value: z.string().max(255), label: z.string().max(255) }),
  amount: z.number().finite().nullable(),
  currency: z.string().max(10).nullable(),
  closeDate: IsoDate.nullable(),
  owner: Text.nullable(),
  account: Text.nullable(),
  /** HubSpot pipeline or Salesforce record type, when there is one. */
  pipeline: z.object({ id: z.string().max(255), label: Text }).nullable(),
  /** The stages this deal can move to; null when unknown (read off a page without API access). */
  stages: z.array(StageOption).max(500).nullable(),
  artifact: RawArtifact,
  fieldIssues: z.array(FieldIssue).max(50),
  source: z.enum(['api', 'page']),
  /** Whether Baton can write the handoff fields back (API access and permission). */
  writable: z.boolean(),
  /** Why the snapshot is limited ("read from the page: …"), for the user; null when it is not. */
  notice: z.string().max(1000).nullable(),
  /** The CRM's last-modified stamp when read: the base of the conflict check. */
  version: z.string().max(100).nullable(),
  fetchedAt: z.iso.datetime({ precision: 3 }),
});
export type DealSnapshot = z.infer<typeof DealSnapshot>;

/** The won stages among `stages`, or null when the stages are unknown. */
export function wonStageValues(stages: readonly StageOption[] | null): Set<string> | null {
  return stages === null ? null : new Set(stages.filter((s) => s.won).map((s) => s.value));
}

/** What a host page shows of a deal, for when the API is closed to Baton. */
export interface PageReading {
  deal: DealRef;
  url: string;
  name: string;
  stageLabel: string;
  owner: string | null;
  /** What the page shows as saved (for a field in `unsaved`, what it rendered before the edit, or ''; never judged for a move). */
  artifact: DealSnapshot['artifact'];
  /** Fields the page holds edits of that are not saved yet: their saved value is not known. */
  unsaved: Array<{ element: ElementKey; field: string }>;
  /** Why the page was read instead of the API, and what that means for the user. */
  notice: string;
}

/** A read-only snapshot of a page reading: judged like any other, never written from. */
export function pageReadingSnapshot(reading: PageReading, now = new Date()): DealSnapshot {
  return {
    deal: reading.deal,
    url: reading.url,
    name: reading.name,
    stage: { value: reading.stageLabel, label: reading.stageLabel },
    amount: null,
    currency: null,
    closeDate: null,
    owner: reading.owner,
    account: null,
    pipeline: null,
    stages: null,
    artifact: reading.artifact,
    fieldIssues: reading.unsaved.map((u) => ({ ...u, problem: 'unsaved' as const })),
    source: 'page',
    writable: false,
    notice: reading.notice,
    version: null,
    fetchedAt: now.toISOString(),
  };
}
