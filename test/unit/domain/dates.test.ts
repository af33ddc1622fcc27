import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, compareIso, daysBetween, describeBadDate, isValidIsoDate, parseDate } from '@/lib/domain/dates';
import { isoDate } from './arbitraries';

describe('parseDate', () => {
  it.each([
    ['2027-03-01', '2027-03-01'],
    ['2027/03/01', '2027-03-01'],
    ['2027-3-1', '2027-03-01'],
    ['1 Mar 2027', '2027-03-01'],
    ['01 March 2027', '2027-03-01'],
    ['1st March, 2027', '2027-03-01'],
    ['1-Mar-2027', '2027-03-01'],
    ['March 1, 2027', '2027-03-01'],
    ['Mar 1 2027', '2027-03-01'],
    ['mar 1st 2027', '2027-03-01'],
    ['Sept. 30, 2027', '2027-09-30'],
    ['DECEMBER 31 2027', '2027-12-31'],
    ['  2027-01-31.  ', '2027-01-31'],
    ['2028-02-29', '2028-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    ['2027-02-30', 'no 30 February'],
    ['2027-02-29', '2027 is not a leap year'],
    ['2100-02-29', '2100 is not a leap year'],
    ['2027-13-01', 'no month 13'],
    ['2027-04-31', 'April has 30 days'],
    ['31 Feb 2027', 'no 31 February'],
    ['03/04/2027', 'ambiguous: 3 April or March 4'],
    ['13/04/2027', 'day-first only by luck; Baton never guesses the order'],
    ['04-03-27', 'two-digit year and ambiguous'],
    ['0227-03-01', 'a typo of a year'],
    ['Q1 2027', 'a quarter is not a day'],
    ['next Friday', 'relative dates change meaning over time'],
    ['Foo 1 2027', 'not a month'],
    ['2027-03-01 and 2027-03-02', 'two dates'],
    ['', 'empty'],
  ])('refuses %j (%s)', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it('reads every valid ISO date back as itself', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        expect(parseDate(iso)).toBe(iso);
      }),
    );
  });

  it('never throws and returns a valid ISO date or null for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const parsed = parseDate(text);
        expect(parsed === null || isValidIsoDate(parsed)).toBe(true);
      }),
    );
    expect(parseDate('1'.repeat(1_000_000))).toBeNull();
  });
});

describe('describeBadDate', () => {
  it('explains ambiguity, impossibility and unreadable text differently', () => {
    expect(describeBadDate('03/04/2027')).toMatch(/day-first or month-first/);
    expect(describeBadDate('2027-02-30')).toMatch(/not a real calendar date/);
    expect(describeBadDate('Q1')).toMatch(/not a date Baton can read.*YYYY-MM-DD/);
    expect(describeBadDate('')).toMatch(/no date/);
  });

  it('quotes at most a short excerpt of a long value', () => {
    expect(describeBadDate('x'.repeat(10_000)).length).toBeLessThan(200);
  });
});

describe('isValidIsoDate', () => {
  it('accepts only real days written as YYYY-MM-DD', () => {
    expect(isValidIsoDate('2027-03-01')).toBe(true);
    expect(isValidIsoDate('2027-3-1')).toBe(false);
    expect(isValidIsoDate('2027-02-30')).toBe(false);
    expect(isValidIsoDate('1 Mar 2027')).toBe(false);
    expect(isValidIsoDate(' 2027-03-01')).toBe(false);
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-03-01', 90)).toBe('2027-05-30');
  });

  it('returns null instead of throwing on dates it cannot use', () => {
    expect(addDays('TBD', 1)).toBeNull();
    expect(addDays('2027-02-30', 1)).toBeNull();
    expect(addDays('2027-03-01', 1.5)).toBeNull();
    expect(addDays('9999-12-31', 1)).toBeNull();
    expect(daysBetween('2027-03-01', 'soon')).toBeNull();
  });

  it('counts days between dates, and addDays undoes daysBetween', () => {
    expect(daysBetween('2027-03-01', '2027-03-31')).toBe(30);
    expect(daysBetween('2027-03-31', '2027-03-01')).toBe(-30);
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (iso, n) => {
        const later = addDays(iso, n);
        if (later !== null) expect(daysBetween(iso, later)).toBe(n);
      }),
    );
  });

  it('orders ISO dates chronologically', () => {
    expect(['2027-03-01', '2026-12-31', '2027-01-15'].sort(compareIso)).toEqual(['2026-12-31', '2027-01-15', '2027-03-01']);
    expect(compareIso('2027-03-01', '2027-03-01')).toBe(0);
  });
});
