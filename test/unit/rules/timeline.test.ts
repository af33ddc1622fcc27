import { describe, expect, it } from 'vitest';
import { evalWith, findings } from './helpers';

describe('rules: golive-before-close, golive-in-past', () => {
  const timeline = (goLive: string) => ({ timeline: `Go-live: ${goLive}\n30 days: Admins trained` });

  it('go-live after close and after today passes', () => {
    const e = evalWith(timeline('2027-03-01'), { ctx: { closeDate: '2027-01-15', today: '2027-01-11' } });
    expect(findings(e, 'golive-before-close')).toEqual([]);
    expect(findings(e, 'golive-in-past')).toEqual([]);
  });

  it('go-live before the close date', () => {
    const e = evalWith(timeline('2027-01-12'), { ctx: { closeDate: '2027-01-15', today: '2027-01-11' } });
    expect(findings(e, 'golive-before-close')).toEqual([
      expect.objectContaining({ element: 'timeline', severity: 'warn' }),
    ]);
    expect(findings(e, 'golive-before-close')[0]?.message).toContain('2027-01-12');
    expect(findings(e, 'golive-in-past')).toEqual([]);
  });

  it('go-live on the close date is fine', () => {
    expect(findings(evalWith(timeline('2027-01-15'), { ctx: { closeDate: '2027-01-15' } }), 'golive-before-close')).toEqual([]);
  });

  it('go-live in the past', () => {
    const e = evalWith(timeline('2027-01-10'), { ctx: { closeDate: null, today: '2027-01-11' } });
    expect(findings(e, 'golive-in-past')).toHaveLength(1);
    expect(findings(e, 'golive-before-close')).toEqual([]);
  });

  it('reads CRM close dates with a time part, and skips unusable ones', () => {
    expect(findings(evalWith(timeline('2027-01-12'), { ctx: { closeDate: '2027-01-15T00:00:00.000Z' } }), 'golive-before-close')).toHaveLength(1);
    for (const closeDate of [null, '', 'next week', '15/01/2027']) {
      expect(findings(evalWith(timeline('2027-01-12'), { ctx: { closeDate } }), 'golive-before-close'), String(closeDate)).toEqual([]);
    }
  });

  it('no go-live date → neither rule', () => {
    const e = evalWith({ timeline: '30 days: Admins trained\n2027-04-15: First QBR' }, { ctx: { today: '2099-01-01' } });
    expect(findings(e, 'golive-before-close')).toEqual([]);
    expect(findings(e, 'golive-in-past')).toEqual([]);
  });
});
