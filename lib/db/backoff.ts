/** Retry timing for the outbox. Pure: the randomness is a parameter so tests can pin it. */

export const BACKOFF_BASE_MS = 5_000;
/** Our own backoff never waits longer than this; a retry within the hour is worth it. */
export const BACKOFF_CAP_MS = 60 * 60_000;
/**
 * A server's Retry-After is honoured even above the cap (Salesforce's daily API limit can mean
 * hours), but not beyond a day: a larger value is more likely a bug than an instruction.
 */
export const RETRY_AFTER_MAX_MS = 24 * 60 * 60_000;

/**
 * Milliseconds to wait after the `attempts`-th failed attempt (1 = the first failure; lower
 * counts are treated as 1). Exponential with "equal jitter": a random point in the upper half of
 * min(cap, base·2^(attempts-1)). Jitter keeps items that failed together (an outage) from
 * retrying in lockstep, even at the cap; leaving out the lower half means that, below the cap, a
 * retry never comes sooner than the previous one could have. A Retry-After (seconds) is a floor.
 */
export function nextBackoff(attempts: number, retryAfterSeconds?: number, random: () => number = Math.random): number {
  // Clamp the exponent so 2 ** n cannot overflow to Infinity for a silly attempts count, and
  // never let NaN through: it would become an Invalid Date in the outbox.
  const exponent = Number.isNaN(attempts) ? 0 : Math.min(Math.max(Math.floor(attempts) - 1, 0), 30);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
  const draw = random();
  const r = Number.isNaN(draw) ? 0 : Math.min(Math.max(draw, 0), 1);
  const backoff = Math.round(ceiling / 2 + (r * ceiling) / 2);
  if (retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds <= 0) {
    return backoff;
  }
  return Math.max(backoff, Math.min(Math.ceil(retryAfterSeconds * 1000), RETRY_AFTER_MAX_MS));
}

/** When to retry: `now` plus nextBackoff(). Pass the result to markAttempt(). */
export function retryAt(now: Date, attempts: number, retryAfterSeconds?: number, random?: () => number): Date {
  return new Date(now.getTime() + nextBackoff(attempts, retryAfterSeconds, random));
}

/**
 * How often an item waiting for access to its CRM (a sign-in, a connection, API access) is tried
 * again on its own. Sign-ins and connections wake it at once (wakeWaiting); this re-check catches
 * what Baton cannot see happen, such as an admin opening API access, at the cost of one refused
 * request per deal every few minutes (none for a CRM Baton holds no token for).
 */
export const ACCESS_RECHECK_MS = 5 * 60_000;

export function accessRecheckAt(now: Date): Date {
  return new Date(now.getTime() + ACCESS_RECHECK_MS);
}
