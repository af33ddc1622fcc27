import { describe, expect, it } from 'vitest';
import { DealHeader, dealHeader, formatAmount } from '@/lib/domain/header';
import type { TeamDeal } from '@/lib/domain/team';
import { snapshotOf } from '../gate/helpers';

describe('the deal header', () => {
  const snapshot = snapshotOf({}, { currency: 'EUR', stage: { value: 'Negotiation/Review', label: 'Négociation' } });
  const team: TeamDeal = {
    ...snapshot,
    status: 'open',
    ownerId: null,
    activities: [],
    csmRating: null,
  };

  it('is the same whether the deal came from one read or from the team query', () => {
    const header = dealHeader(snapshot);
    expect(header).toEqual({
      deal: snapshot.deal,
      url: snapshot.url,
      name: 'Acme renewal',
      account: 'Acme',
      owner: 'Grace Hopper',
      amount: 50_000,
      currency: 'EUR',
      closeDate: '2027-01-15',
      stage: 'Négociation',
    });
    expect(DealHeader.parse(header)).toEqual(header);
    expect(dealHeader(team)).toEqual(header);
  });

  it('formats the amount with its currency when the CRM gives one', () => {
    expect(formatAmount(48_000.5, 'EUR')).toBe('EUR 48,000.5');
    expect(formatAmount(48_000, null)).toBe('48,000');
    expect(formatAmount(0, 'USD')).toBe('USD 0');
    expect(formatAmount(null, 'USD')).toBeNull();
  });
});
