import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, RETRY_AFTER_MAX_MS, nextBackoff, retryAt } from '@/lib/db';

const low = () => 0;
const high = () => 1;
const mid = () => 0.5;

describe('nextBackoff', () => {
  it('starts at the base and doubles per attempt, jitter within the upper half', () => {
    expect(nextBackoff(1, undefined, low)).toBe(BACKOFF_BASE_MS / 2);
    expect(nextBackoff(1, undefined, high)).toBe(BACKOFF_BASE_MS);
    expect(nextBackoff(2, undefined, low)).toBe(BACKOFF_BASE_MS);
    expect(nextBackoff(3, undefined, high)).toBe(BACKOFF_BASE_MS * 4);
    expect(nextBackoff(3, undefined, mid)).toBe(BACKOFF_BASE_MS * 3);
  });

  it('grows with the attempt count for any given jitter draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        expect(nextBackoff(n + 1, undefined, () => r)).toBeGreaterThanOrEqual(nextBackoff(n, undefined, () => r));
      }),
    );
  });

  it('below the cap, never retries sooner than the previous attempt could have, whatever the jitter', () => {
    // 5 s · 2^n stays within the one-hour cap up to n = 9.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r1, r2) => {
        expect(nextBackoff(n + 1, undefined, () => r2)).toBeGreaterThanOrEqual(nextBackoff(n, undefined, () => r1));
      }),
    );
  });

  it('spreads retries: different random draws give different waits', () => {
    const waits = new Set([0, 0.25, 0.5, 0.75, 1].map((r) => nextBackoff(4, undefined, () => r)));
    expect(waits.size).toBe(5);
  });

  it('caps the wait, even for absurd attempt counts', () => {
    expect(nextBackoff(30, undefined, high)).toBe(BACKOFF_CAP_MS);
    // Still jittered at the cap, so items that failed together do not retry in lockstep.
    expect(nextBackoff(30, undefined, mid)).toBe(BACKOFF_CAP_MS * 0.75);
    expect(nextBackoff(1e9, undefined, high)).toBe(BACKOFF_CAP_MS);
    expect(nextBackoff(1e9, undefined, low)).toBe(BACKOFF_CAP_MS / 2);
    expect(nextBackoff(0, undefined, low)).toBe(BACKOFF_BASE_MS / 2);
    expect(nextBackoff(-3, undefined, low)).toBe(BACKOFF_BASE_MS / 2);
  });

  it('survives a random source or an attempt count that is out of range or NaN', () => {
    expect(nextBackoff(1, undefined, () => 7)).toBe(BACKOFF_BASE_MS);
    expect(nextBackoff(1, undefined, () => -7)).toBe(BACKOFF_BASE_MS / 2);
    expect(nextBackoff(1, undefined, () => Number.NaN)).toBe(BACKOFF_BASE_MS / 2);
    expect(nextBackoff(Number.NaN, undefined, high)).toBe(BACKOFF_BASE_MS);
    expect(nextBackoff(Number.POSITIVE_INFINITY, undefined, high)).toBe(BACKOFF_CAP_MS);
  });

  it('honours Retry-After as a floor, even above the cap', () => {
    expect(nextBackoff(1, 120, low)).toBe(120_000);
    expect(nextBackoff(8, 1, high)).toBe(nextBackoff(8, undefined, high)); // our wait is longer
    expect(nextBackoff(1, 3 * 3600, low)).toBe(3 * 3_600_000);
    expect(nextBackoff(1, 0.5, low)).toBe(BACKOFF_BASE_MS / 2);
  });

  it('limits Retry-After to a day and ignores nonsense values', () => {
    expect(nextBackoff(1, 10 * 86_400, low)).toBe(RETRY_AFTER_MAX_MS);
    for (const bad of [Number.NaN, -5, 0, Number.POSITIVE_INFINITY]) {
      expect(nextBackoff(1, bad, low)).toBe(BACKOFF_BASE_MS / 2);
    }
  });
});

describe('retryAt', () => {
  it('adds the backoff to now', () => {
    const now = new Date('2025-03-01T09:00:00.000Z');
    expect(retryAt(now, 2, undefined, high).toISOString()).toBe('2025-03-01T09:00:10.000Z');
    expect(retryAt(now, 1, 60, low).toISOString()).toBe('2025-03-01T09:01:00.000Z');
  });
});
