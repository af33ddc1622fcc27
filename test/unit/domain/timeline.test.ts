import { describe, expect, it } from 'vitest';
import { parseTimeline, serializeTimeline } from '@/lib/domain/timeline';

describe('parseTimeline', () => {
  it('reads go-live, relative and dated milestones', () => {
    expect(
      parseTimeline('Go-live: 2027-03-01\n30 days: Admins trained\n2027-04-15: First QBR\n90 days: Renewal health check'),
    ).toEqual({
      goLive: '2027-03-01',
      milestones: [
        { when: { kind: 'days', days: 30 }, text: 'Admins trained' },
        { when: { kind: 'days', days: 90 }, text: 'Renewal health check' },
        { when: { kind: 'date', date: '2027-04-15' }, text: 'First QBR' },
      ],
      unparsed: [],
    });
  });

  it.each([
    'Go-live: 2027-03-01',
    'go live: 2027-03-01',
    'GoLive: 1 Mar 2027',
    'Go-Live Date: March 1, 2027',
    'Launch: 2027/03/01',
    'launch date - Mar 1 2027',
    'Go live 2027-03-01',
    '- Go-live: 2027-03-01',
  ])('reads the go-live line %j', (line) => {
    const parsed = parseTimeline(line);
    expect(parsed.goLive).toBe('2027-03-01');
    expect(parsed.unparsed).toEqual([]);
  });

  it.each([
    ['30 days: Admins trained', 30],
    ['30 Days - Admins trained', 30],
    ['Day 60: Admins trained', 60],
    ['day60: Admins trained', 60],
    ['60d: Admins trained', 60],
    ['90-day: Admins trained', 90],
    ['D30: Admins trained', 30],
    ['First 30 days: Admins trained', 30],
    ['1 day: Admins trained', 1],
    ['* 3650 days: Admins trained', 3650],
  ])('reads the relative milestone %j', (line, days) => {
    const parsed = parseTimeline(line);
    expect(parsed.milestones).toEqual([{ when: { kind: 'days', days }, text: 'Admins trained' }]);
    expect(parsed.unparsed).toEqual([]);
  });

  it.each(['2027-04-15: First QBR', 'April 15, 2027: First QBR', '15 Apr 2027 — First QBR', '2027/04/15 - First QBR'])(
    'reads the dated milestone %j',
    (line) => {
      expect(parseTimeline(line).milestones).toEqual([{ when: { kind: 'date', date: '2027-04-15' }, text: 'First QBR' }]);
    },
  );

  it('keeps colons inside the milestone text', () => {
    expect(parseTimeline('30 days: Kickoff: agenda agreed').milestones[0]?.text).toBe('Kickoff: agenda agreed');
  });

  it('reports what it cannot read, with line numbers and reasons', () => {
    const parsed = parseTimeline(
      [
        'Go-live: TBD',
        'Week 2: Training',
        '2027-02-30: QBR',
        '03/04/2027: QBR',
        'Day 0: Kickoff',
        '5000 days: Far away',
        '30 days:',
        'Kickoff with the whole team next month',
        '2027: Expansion',
      ].join('\n'),
    );
    expect(parsed.goLive).toBeNull();
    expect(parsed.milestones).toEqual([]);
    const byLine = Object.fromEntries(parsed.unparsed.map((u) => [u.line, u.reason]));
    expect(Object.keys(byLine).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(byLine[1]).toMatch(/go-live date.*“TBD”/);
    expect(byLine[2]).toMatch(/“Week 2” is not go-live, a number of days or a date/);
    expect(byLine[3]).toMatch(/not a real calendar date/);
    expect(byLine[4]).toMatch(/day-first or month-first/);
    expect(byLine[5]).toMatch(/outside 1 to 3650/);
    expect(byLine[6]).toMatch(/outside 1 to 3650/);
    expect(byLine[7]).toMatch(/when but not what/);
    expect(byLine[8]).toMatch(/Go-live: 2027-03-01/);
    expect(byLine[9]).toMatch(/not go-live, a number of days or a date/);
  });

  it('keeps the first go-live date and reports a different second one', () => {
    const parsed = parseTimeline('Go-live: 2027-03-01\nGo-live: 2027-03-01\nLaunch: 2027-04-01');
    expect(parsed.goLive).toBe('2027-03-01');
    expect(parsed.unparsed).toEqual([{ line: 3, text: 'Launch: 2027-04-01', reason: expect.stringMatching(/second go-live/) }]);
  });
});

describe('serializeTimeline', () => {
  it('writes go-live, then relative milestones, then dated ones, each in the order given', () => {
    expect(
      serializeTimeline({
        goLive: '2027-03-01',
        milestones: [
          { when: { kind: 'date', date: '2027-04-15' }, text: 'First QBR' },
          { when: { kind: 'days', days: 60 }, text: 'Reports live' },
          { when: { kind: 'days', days: 1 }, text: 'Kickoff' },
          { when: { kind: 'date', date: '2027-01-10' }, text: 'Contract signed' },
        ],
        unparsed: [],
      }),
    ).toBe('Go-live: 2027-03-01\n60 days: Reports live\n1 day: Kickoff\n2027-04-15: First QBR\n2027-01-10: Contract signed');
  });

  it('turns tolerant lines into canonical ones', () => {
    expect(serializeTimeline(parseTimeline('day 30 - training\nlaunch: March 1, 2027\nApr 15 2027: QBR'))).toBe(
      'Go-live: 2027-03-01\n30 days: training\n2027-04-15: QBR',
    );
  });
});
