/**
 * Baton's local records as messages carry them to the side panel and the console. Declared here
 * rather than taken from lib/db, so a change to how something is stored cannot change a message
 * unless this file changes too: the background maps each stored record to these shapes field by
 * field (lib/background/handlers.ts), and the compiler checks that mapping.
 */
import { z } from '@/lib/zod';
import { DealKey, DealRef } from '@/lib/domain/deal';
import { DealHeader } from '@/lib/domain/header';
import { RawArtifact } from '@/lib/domain/elements';
import { ReviewVerdict } from '@/lib/domain/activity';

/** Date#toISOString() output, as every stored time is. */
const Timestamp = z.iso.datetime({ precision: 3 });

/** The last CRM read of a deal that Baton keeps: its header and handoff, shown at once and in the list of recent deals. */
export const CachedDeal = z.object({
  dealKey: DealKey,
  fetchedAt: Timestamp,
  header: DealHeader,
  artifact: RawArtifact,
});
export type CachedDeal = z.infer<typeof CachedDeal>;

/** A manager's review as kept locally; syncedToCrm says whether the CRM has its copy yet. */
export const SavedReview = z.object({
  id: z.uuid(),
  dealKey: DealKey,
  deal: DealRef,
  /** Criterion name → score 1..5 (the rubric's criteria are configurable). */
  rubric: z.record(z.string().min(1).max(100), z.number().int().min(1).max(5)),
  verdict: ReviewVerdict,
  comment: z.string().max(5000),
  reviewer: z.string().max(200).optional(),
  at: Timestamp,
  syncedToCrm: z.boolean(),
});
export type SavedReview = z.infer<typeof SavedReview>;
