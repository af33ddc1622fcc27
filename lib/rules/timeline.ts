import { isValidIsoDate } from '@/lib/domain/dates';
import type { RuleInput } from './engine';

/** golive-before-close, golive-in-past: is the go-live date believable? */

/** The calendar day of a CRM date: "2027-03-31" or "2027-03-31T00:00:00Z"; null when unusable. */
function day(value: string | null): string | null {
  if (value === null) return null;
  const d = value.slice(0, 10);
  return isValidIsoDate(d) ? d : null;
}

export function timelineRules({ parsed, ctx, sink }: RuleInput): void {
  const goLive = parsed.timeline.goLive;
  if (goLive === null || !isValidIsoDate(goLive)) return;
  const close = day(ctx.closeDate);
  if (close !== null && goLive < close) {
    sink.add(
      'golive-before-close',
      'timeline',
      `The go-live date (${goLive}) is before the close date (${close}), so the timeline can’t be right.`,
      'Correct the go-live date, or the close date if the deal closes earlier.',
    );
  }
  const today = day(ctx.today);
  if (today !== null && goLive < today) {
    sink.add(
      'golive-in-past',
      'timeline',
      `The go-live date (${goLive}) is already in the past.`,
      'Update the go-live date to the date the customer now expects.',
    );
  }
}
