/**
 * "Sample N for review": a random sample without replacement, weighted toward weak handoffs and
 * overrides, reproducible from its seed. Same seed and same deals give the same sample in any
 * browser, whatever order the CRMs returned them in.
 */
import type { ConsoleRow } from './rows';

/** mulberry32: a small, well-known 32-bit PRNG; numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A fresh seed for a new sample. */
export function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

/** How much more likely a deal is drawn: 1 for a perfect handoff, up to 6 for score 0; ×3 with an override. */
export function sampleWeight(row: Pick<ConsoleRow, 'score' | 'overrides'>): number {
  return (1 + (100 - row.score) / 20) * (row.overrides > 0 ? 3 : 1);
}

/**
 * Weighted sampling without replacement (Efraimidis–Spirakis): each deal gets the key u^(1/w)
 * and the N largest keys are drawn. Deals are taken in key order first, so the input order
 * does not matter.
 */
export function drawSample<T extends Pick<ConsoleRow, 'key' | 'score' | 'overrides'>>(rows: readonly T[], size: number, seed: number): T[] {
  const random = seededRandom(seed);
  const ordered = [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ordered
    .map((row) => ({ row, k: Math.pow(random(), 1 / sampleWeight(row)) }))
    .sort((a, b) => b.k - a.k)
    .slice(0, Math.max(0, size))
    .map((x) => x.row);
}
