import type { RuleInput } from './engine';
import { metricShapeOfNorm } from './metricText';

/** metric-no-number, metric-no-time-bound: can anyone tell later whether the metric was met? */
export function metricRules({ text, assessed, sink }: RuleInput): void {
  if (assessed.successMetric.status !== 'filled') return; // missing / placeholder are reported already
  const shape = metricShapeOfNorm(text.successMetric.norm);
  if (sink.on('metric-no-number') && !shape.number) {
    sink.add(
      'metric-no-number',
      'successMetric',
      'The success metric has no number, so nobody can tell later whether it was met.',
      'Add the target number, e.g. “cut onboarding time from 10 to 4 days” or “reduce churn by 15%”.',
    );
  }
  if (sink.on('metric-no-time-bound') && !shape.timeBound) {
    sink.add(
      'metric-no-time-bound',
      'successMetric',
      'The success metric has no time bound, so nobody knows when to check whether it was met.',
      'Add by when, e.g. “by 2027-06-30”, “within 90 days of go-live” or “by end of Q3”.',
    );
  }
}
