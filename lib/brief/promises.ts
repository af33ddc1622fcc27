import type { CertaintyTier, HandoffPromise } from '@/lib/domain/items';

/** Firmest first: a CSM reads what is owed before what was floated. */
const TIER_ORDER: Array<CertaintyTier | null> = ['committed', 'planned', 'exploring', 'verbal', null];
const NOT_A_COMMITMENT = new Set<CertaintyTier | null>(['exploring', 'verbal', null]);

export function byCertainty(promises: readonly HandoffPromise[]): HandoffPromise[] {
  return [...promises].sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier));
}

/** Unconfirmed verbal, exploring and untiered promises: the ones that must stand out. */
export function isNotACommitment(promise: HandoffPromise): boolean {
  return NOT_A_COMMITMENT.has(promise.tier);
}

export function promisedByText(promise: HandoffPromise): string | null {
  return promise.promisedBy && `${promise.promisedBy}${promise.promisedOn ? ` on ${promise.promisedOn}` : ''}`;
}
