import { describe, expect, it } from 'vitest';
import { metricShape } from '@/lib/rules/metricText';
import { evalWith, findings } from './helpers';

describe('success metric shape', () => {
  const WITH_BOTH = [
    'Cut onboarding time from 10 to 4 days by 2027-03-31',
    'Reduce churn by 15% by March 2027',
    'Raise CSAT to 90% in Q3',
    'Deflect 30% of tickets by Q3 2027',
    'Cut backlog to 500 tickets within 90 days',
    'Handle 2,000 chats a week in 6 months',
    'Reduce SLA breaches by half by end of year',
    'Double self-service usage by EOY',
    '95% of agents trained by end of Q2',
    'Cut response time to 2 hours before renewal',
    'NPS above 40 at 90 days',
    'Onboard 300 agents by go-live',
    'Ten sites live by the first QBR',
    'Cut AHT by 20 percent by FY27',
    'Reduce escalations by 25% within 30 days of go-live',
    '80% adoption 60 days after launch',
    'Reduce costs by 10% by 31 March 2027',
    'Cut manual triage by 40% by H2',
    'Reduce first response time to 1 hour by day 90',
    'Cut the backlog in half by the end of the quarter',
    '2027年3月までに対応時間を50%短縮',
    'Bearbeitungszeit um 30% senken bis Ende Q3',
    'Réduire le temps de réponse de 50% dans 90 jours',
  ];
  it.each(WITH_BOTH)('%s has a number and a time bound', (text) => {
    expect(metricShape(text)).toEqual({ number: true, timeBound: true });
  });

  const NO_NUMBER = [
    'Happier agents and faster responses by Q3',
    'Improve onboarding by Q3 2027',
    'Better reporting within 90 days',
    'Faster responses by end of year',
    'Improve CSAT by 2027-06-30',
    'Customers are successful in 6 months',
  ];
  it.each(NO_NUMBER)('%s has no target number', (text) => {
    expect(metricShape(text)).toEqual({ number: false, timeBound: true });
  });

  const NO_TIME = [
    'Cut onboarding time from 10 to 4 days',
    'Reduce churn by 15%',
    'Onboard 2000 users',
    'Raise CSAT to 90 percent',
    'Deflect 30% of tickets to self-service',
    'Handle 500 tickets per month with 10 agents',
  ];
  it.each(NO_TIME)('%s has no time bound', (text) => {
    expect(metricShape(text)).toEqual({ number: true, timeBound: false });
  });

  it.each(['Happier agents', 'Reduce response times significantly', 'Customer is successful with the platform'])(
    '%s has neither',
    (text) => expect(metricShape(text)).toEqual({ number: false, timeBound: false }),
  );
});

describe('rules: metric-no-number, metric-no-time-bound', () => {
  it('a good metric has neither finding', () => {
    const e = evalWith({ successMetric: 'Cut onboarding time from 10 to 4 days by 2027-03-31' });
    expect(findings(e, 'metric-no-number')).toEqual([]);
    expect(findings(e, 'metric-no-time-bound')).toEqual([]);
  });

  it('no number → metric-no-number (block), with the plain message', () => {
    const e = evalWith({ successMetric: 'Improve onboarding for all agents by Q3 2027' });
    expect(findings(e, 'metric-no-number')).toEqual([
      expect.objectContaining({
        element: 'successMetric',
        severity: 'block',
        message: 'The success metric has no number, so nobody can tell later whether it was met.',
      }),
    ]);
    expect(findings(e, 'metric-no-time-bound')).toEqual([]);
  });

  it('no time bound → metric-no-time-bound (block)', () => {
    const e = evalWith({ successMetric: 'Cut onboarding time from 10 to 4 days for every new agent' });
    expect(findings(e, 'metric-no-time-bound')).toEqual([expect.objectContaining({ severity: 'block' })]);
    expect(findings(e, 'metric-no-number')).toEqual([]);
  });

  it('neither → both', () => {
    const e = evalWith({ successMetric: 'Happier agents and much faster responses for customers' });
    expect(findings(e, 'metric-no-number')).toHaveLength(1);
    expect(findings(e, 'metric-no-time-bound')).toHaveLength(1);
  });

  it('a missing or placeholder metric is reported as such, not as a shapeless metric', () => {
    for (const text of ['', 'TBD', 'N/A']) {
      const e = evalWith({ successMetric: text });
      expect(findings(e, 'metric-no-number'), text).toEqual([]);
      expect(findings(e, 'metric-no-time-bound'), text).toEqual([]);
    }
  });
});
