/**
 * Baton's one notion of "today".
 *
 * The rule: today is the calendar day where the rep is, the local day of the device Baton runs
 * on (the browser's time zone). That is what a rep means by "today" when a close date, a go-live
 * date or a Task's date is compared with it: a deal closed at 23:30 in San Francisco closes today,
 * not tomorrow as the UTC day would say. Dates Baton stores as days (YYYY-MM-DD) carry no time
 * zone; only "now" becoming a day needs this rule.
 *
 * The clock is passed in, never read from a global, so tests pin "now".
 */

/** Where "now" comes from: the system clock in the extension, a fixed instant in tests. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The local calendar day of `date`, as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Today, by `clock`, as YYYY-MM-DD. */
export function todayOf(clock: Clock = systemClock): string {
  return isoDay(clock());
}
