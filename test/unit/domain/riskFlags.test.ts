import { describe, expect, it } from 'vitest';
import { parseRiskFlags, serializeRiskFlags } from '@/lib/domain/riskFlags';

describe('parseRiskFlags: flags', () => {
  it('reads one flag per line, with or without severity and list markers', () => {
    const parsed = parseRiskFlags(
      [
        '- [high] Champion (Priya) is leaving in March',
        '* (Medium) Legal has not reviewed the DPA',
        '• Low: Budget for year 2 not approved',
        '1. Data migration from Zendesk is bigger than scoped',
        '2) HIGH - Security questionnaire still open',
        'high risk: IT wants on-prem',
        '[med] Admin is part-time',
      ].join('\n'),
    );
    expect(parsed.flags).toEqual([
      { text: 'Champion (Priya) is leaving in March', severity: 'high' },
      { text: 'Legal has not reviewed the DPA', severity: 'medium' },
      { text: 'Budget for year 2 not approved', severity: 'low' },
      { text: 'Data migration from Zendesk is bigger than scoped', severity: null },
      { text: 'Security questionnaire still open', severity: 'high' },
      { text: 'IT wants on-prem', severity: 'high' },
      { text: 'Admin is part-time', severity: 'medium' },
    ]);
    expect(parsed.unparsed).toEqual([]);
    expect(parsed.unconfirmedNone).toBe(false);
    expect(parsed.noRisksConfirmation).toBeNull();
  });

  it('keeps text that only looks like a marker or a severity', () => {
    const parsed = parseRiskFlags(
      '1.5x ramp time vs. plan\n-5% seat count at renewal\nHigh turnover in the support team\n[SSO] not tested with Okta',
    );
    expect(parsed.flags.map((f) => f.text)).toEqual([
      '1.5x ramp time vs. plan',
      '-5% seat count at renewal',
      'High turnover in the support team',
      '[SSO] not tested with Okta',
    ]);
    expect(parsed.flags.every((f) => f.severity === null)).toBe(true);
  });

  it('treats "None of …" and "No risk of …" as risks, not as "no risks"', () => {
    const parsed = parseRiskFlags('None of the admins have been trained\nNo risk of churn - unless pricing changes');
    expect(parsed.flags).toHaveLength(2);
    expect(parsed.unconfirmedNone).toBe(false);
  });

  it('ignores blank lines but keeps line numbers of the original text', () => {
    const parsed = parseRiskFlags('\n\n[high] Churn risk\n   \n[low]\n');
    expect(parsed.flags).toEqual([{ text: 'Churn risk', severity: 'high' }]);
    expect(parsed.unparsed).toEqual([{ line: 5, text: '[low]', reason: expect.stringMatching(/severity with no risk/) }]);
  });

  it('reports punctuation-only lines instead of dropping them', () => {
    const parsed = parseRiskFlags('Legal review pending\n???\n-- \n...');
    expect(parsed.flags).toHaveLength(1);
    expect(parsed.unparsed.map((u) => [u.line, u.text])).toEqual([
      [2, '???'],
      [3, '--'],
      [4, '...'],
    ]);
    expect(parsed.unparsed[0]?.reason).toMatch(/no letters or digits/);
  });

  it('keeps HTML and script text as plain text', () => {
    const parsed = parseRiskFlags('<script>alert("x")</script> pasted from the wiki');
    expect(parsed.flags).toEqual([{ text: '<script>alert("x")</script> pasted from the wiki', severity: null }]);
  });

  it('strips zero-width and control characters before reading', () => {
    const parsed = parseRiskFlags('[hi\u200bgh] Budget\u0007 freeze\nn\u200bone');
    expect(parsed.flags).toEqual([{ text: 'Budget freeze', severity: 'high' }]);
    expect(parsed.unconfirmedNone).toBe(true);
  });
});

describe('parseRiskFlags: "no risks"', () => {
  it.each([
    'No known risks — confirmed by Dana Lee on 2027-01-31',
    'No known risks - confirmed by Dana Lee on 2027-01-31',
    'No known risks – confirmed by Dana Lee on 2027-01-31',
    'No known risks, confirmed by Dana Lee on 2027-01-31',
    'No known risks: confirmed by Dana Lee on 2027-01-31',
    'no known risks confirmed by Dana Lee on 2027-01-31',
    'NO KNOWN RISKS — CONFIRMED BY Dana Lee ON 2027-01-31',
    'No known risks — confirmed by Dana Lee on 31 Jan 2027',
    'No known risks — confirmed by Dana Lee on January 31, 2027.',
    'No known risks — confirmed by Dana Lee, on 2027/01/31',
    'No known risks — confirmed by Dana Lee 2027-01-31',
    '- None — confirmed by Dana Lee on 2027-01-31',
    'N/A - confirmed by Dana Lee on Jan 31 2027',
  ])('reads the confirmation %j', (line) => {
    const parsed = parseRiskFlags(line);
    expect(parsed.noRisksConfirmation).toEqual({ confirmedBy: 'Dana Lee', confirmedOn: '2027-01-31' });
    expect(parsed.unconfirmedNone).toBe(false);
    expect(parsed.flags).toEqual([]);
    expect(parsed.unparsed).toEqual([]);
  });

  it('keeps names that contain " on " or punctuation', () => {
    expect(parseRiskFlags('No known risks — confirmed by Jon On (VP CS) on 2027-01-31').noRisksConfirmation).toEqual({
      confirmedBy: 'Jon On (VP CS)',
      confirmedOn: '2027-01-31',
    });
  });

  it.each(['none', 'None.', 'NONE', 'no risks', 'No known risks', 'n/a', 'N/A', 'nothing', 'None identified', 'nil', '- none'])(
    'marks the bare %j as unconfirmed, not as a flag',
    (line) => {
      const parsed = parseRiskFlags(line);
      expect(parsed.unconfirmedNone).toBe(true);
      expect(parsed.flags).toEqual([]);
      expect(parsed.unparsed).toEqual([]);
    },
  );

  it('reports a "no risks" line that is not in the confirmation form', () => {
    const parsed = parseRiskFlags(
      'No known risks per Jane\nNone - see call notes\nNone at this time, confirmed verbally\nN/A (small deal)',
    );
    expect(parsed.unconfirmedNone).toBe(true);
    expect(parsed.flags).toEqual([]);
    expect(parsed.unparsed.map((u) => u.line)).toEqual([1, 2, 3, 4]);
    expect(parsed.unparsed[0]?.reason).toContain('No known risks — confirmed by');
  });

  it.each([
    ['No known risks — confirmed by Dana Lee', /needs a date/],
    ['No known risks — confirmed by Dana Lee on 31/01/2027', /day-first or month-first/],
    ['No known risks — confirmed by Dana Lee on 2027-02-30', /not a real calendar date/],
    ['No known risks — confirmed by on 2027-01-31', /name of who confirmed/],
  ])('explains what is wrong with %j', (line, reason) => {
    const parsed = parseRiskFlags(line);
    expect(parsed.noRisksConfirmation).toBeNull();
    expect(parsed.unconfirmedNone).toBe(true);
    expect(parsed.unparsed).toHaveLength(1);
    expect(parsed.unparsed[0]?.reason).toMatch(reason);
  });

  it('keeps the first of two confirmations and reports the second', () => {
    const parsed = parseRiskFlags(
      'No known risks — confirmed by Dana Lee on 2027-01-31\nNo known risks — confirmed by Sam Rep on 2027-02-01',
    );
    expect(parsed.noRisksConfirmation?.confirmedBy).toBe('Dana Lee');
    expect(parsed.unparsed).toEqual([{ line: 2, text: expect.stringContaining('Sam Rep'), reason: expect.stringMatching(/second/) }]);
  });
});

describe('serializeRiskFlags', () => {
  it('writes the canonical form', () => {
    expect(
      serializeRiskFlags({
        flags: [
          { text: 'Champion leaves in March', severity: 'high' },
          { text: 'Legal has not reviewed the DPA', severity: null },
        ],
        noRisksConfirmation: { confirmedBy: 'Dana Lee', confirmedOn: '2027-01-31' },
        unconfirmedNone: true,
        unparsed: [{ line: 9, text: '???', reason: 'x' }],
      }),
    ).toBe(
      '[high] Champion leaves in March\nLegal has not reviewed the DPA\nNone\nNo known risks — confirmed by Dana Lee on 2027-01-31',
    );
  });

  it('normalises tolerant input into the canonical text', () => {
    const messy = '* (High) Churn\n  low: Budget\nno known risks, confirmed by Dana Lee, on March 1, 2027.';
    expect(serializeRiskFlags(parseRiskFlags(messy))).toBe(
      '[high] Churn\n[low] Budget\nNo known risks — confirmed by Dana Lee on 2027-03-01',
    );
  });

  it('writes nothing for an empty value', () => {
    expect(serializeRiskFlags(parseRiskFlags(''))).toBe('');
  });
});
