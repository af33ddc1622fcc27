import { z } from '@/lib/zod';
import { dealKey, type DealRef } from '@/lib/domain/deal';
import { ArtifactFields, IsoTimestamp, KEY_MISMATCH, collect, compareStrings, dealFields, forWrite, keyMatchesDeal, readOne, type ListResult } from './common';
import type { BatonDatabase } from './schema';

/** What the user typed for a deal and has not saved to the CRM yet. */
export const Draft = z
  .object({
    ...dealFields,
    fields: ArtifactFields,
    /** The CRM values when editing started: the base for the conflict check on save. */
    baseValues: ArtifactFields.optional(),
    updatedAt: IsoTimestamp,
  })
  .refine(keyMatchesDeal, KEY_MISMATCH);
export type Draft = z.infer<typeof Draft>;

export interface DraftInput {
  deal: DealRef;
  fields: ArtifactFields;
  baseValues?: ArtifactFields;
}

/**
 * Creates or replaces the draft of a deal. `fields` replaces the stored fields (callers send the
 * whole form). `baseValues`, when omitted, keeps the stored ones: they describe the CRM when
 * editing *started*, so a later autosave must not lose them.
 *
 * Throws InvalidRecordError if the stored draft for this deal is unreadable: overwriting it would
 * destroy what the user typed before; deleteDraft() is the explicit way to discard it.
 */
export async function saveDraft(db: BatonDatabase, input: DraftInput, now = new Date()): Promise<Draft> {
  const key = dealKey(input.deal);
  const tx = db.transaction('drafts', 'readwrite');
  const existing = readOne(Draft, 'drafts', key, await tx.store.get(key));
  const draft = forWrite(Draft, 'drafts', {
    dealKey: key,
    deal: input.deal,
    fields: input.fields,
    baseValues: input.baseValues ?? existing?.baseValues,
    updatedAt: now.toISOString(),
  });
  await tx.store.put(draft);
  await tx.done;
  return draft;
}

/** The deal's draft; undefined if none; throws InvalidRecordError if it is unreadable. */
export async function getDraft(db: BatonDatabase, key: string): Promise<Draft | undefined> {
  return readOne(Draft, 'drafts', key, await db.get('drafts', key));
}

/** Discards a draft (after it was saved to the CRM, or when the user throws it away). */
export async function deleteDraft(db: BatonDatabase, key: string): Promise<void> {
  await db.delete('drafts', key);
}

/** All drafts, most recently edited first, plus any unreadable ones. */
export async function listDrafts(db: BatonDatabase): Promise<ListResult<Draft>> {
  const result = await collect(db.transaction('drafts').store.openCursor(), Draft, 'drafts');
  result.items.sort((a, b) => compareStrings(b.updatedAt, a.updatedAt));
  return result;
}
