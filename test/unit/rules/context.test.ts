import { describe, expect, it } from 'vitest';
import { dealContext } from '@/lib/rules/context';
import { DealContext } from '@/lib/rules/types';

describe('dealContext', () => {
  it('takes the facts the rules read from a deal, with the stage and day it is judged in', () => {
    const snapshotLike = { amount: 50_000, closeDate: '2027-01-15', pipeline: { id: 'default', label: 'Sales' }, name: 'ignored' };
    const ctx = dealContext(snapshotLike, 'Closed Won', '2027-01-11');
    expect(ctx).toEqual({ amount: 50_000, closeDate: '2027-01-15', stage: 'Closed Won', pipeline: 'default', today: '2027-01-11' });
    expect(DealContext.safeParse(ctx).success).toBe(true);
  });

  it('has no pipeline for a deal whose source does not know one (console row, brief)', () => {
    expect(dealContext({ amount: null, closeDate: null }, 'Negotiation', '2027-01-11').pipeline).toBeNull();
    expect(dealContext({ amount: null, closeDate: null, pipeline: null }, 'Negotiation', '2027-01-11').pipeline).toBeNull();
  });
});
