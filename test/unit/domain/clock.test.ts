import { afterEach, describe, expect, it } from 'vitest';
import { isoDay, todayOf } from '@/lib/domain/clock';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('the one "today" rule', () => {
  it('is the local calendar day where the rep is, not the UTC day', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(isoDay(new Date('2027-01-12T07:30:00Z'))).toBe('2027-01-11'); // 23:30 on the 11th in San Francisco
    process.env.TZ = 'Asia/Tokyo';
    expect(isoDay(new Date('2027-01-11T16:00:00Z'))).toBe('2027-01-12'); // 01:00 on the 12th in Tokyo
  });

  it('reads the clock it is given', () => {
    expect(todayOf(() => new Date(2027, 0, 5, 0, 0, 1))).toBe('2027-01-05');
    expect(todayOf(() => new Date(2027, 11, 31, 23, 59, 59))).toBe('2027-12-31');
  });
});
