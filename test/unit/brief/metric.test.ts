import { describe, expect, it } from 'vitest';
import { metricParts } from '@/lib/brief/metric';

describe('metricParts', () => {
  it.each([
    ['Cut median first response time from 9 hours to 2 hours within 90 days of go-live.', { baseline: '9 hours', target: '2 hours', change: '−77.8%', by: 'within 90 days of go-live' }],
    ['Reduce onboarding time for new nurses from 12 to 4 days by Q3 2027.', { baseline: '12', target: '4 days', change: '−66.7%', by: 'by Q3 2027' }],
    ['Raise CSAT from 74% to 90% by 2027-09-30, measured on the post-ticket survey.', { baseline: '74%', target: '90%', change: '+16 points', by: 'by 2027-09-30' }],
    ['Deflect 30% of contact-form tickets to self-service by end of Q2.', { baseline: null, target: null, change: null, by: 'by end of Q2' }],
    ['Reduce SLA breaches by 50% before the first renewal.', { baseline: null, target: null, change: '50%', by: 'before the first renewal' }],
    ['Cut churn by half in 6 months', { baseline: null, target: null, change: 'half', by: 'in 6 months' }],
    ['Grow pipeline from $1.2M to 300k ARR', { baseline: '$1.2M', target: '300k ARR', change: null, by: null }],
    ['Move tickets from 3 days to 20 hours', { baseline: '3 days', target: '20 hours', change: null, by: null }],
    ['Lift weekly active users from 1,200 to 3,000 by 2027-06-30', { baseline: '1,200', target: '3,000', change: '+150%', by: 'by 2027-06-30' }],
    ['Cut churn by 20% from 10% to 8%', { baseline: '10%', target: '8%', change: '20%', by: null }],
    ['Happier customers', { baseline: null, target: null, change: null, by: null }],
  ])('%s', (text, parts) => {
    expect(metricParts(text)).toEqual(parts);
  });

  it('reads only the head of a huge metric (catastrophic backtracking would hit the test timeout)', () => {
    const huge = `${'from '.repeat(200_000)}9 to 2 days`;
    expect(metricParts(huge).baseline).toBeNull();
  });
});
