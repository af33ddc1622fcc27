import { describe, expect, it } from 'vitest';
import { ELEMENT_KEYS, NON_NEGOTIABLES, isNonNegotiable, type ElementKey } from '@/lib/domain/elements';
import { config, evalWith, findings } from './helpers';

const BLANKS = ['', '   ', '\n\n\t', '\u200b\u200d', '\u0000\u0007'];

describe('rule: missing-non-negotiable / missing-element', () => {
  it.each(NON_NEGOTIABLES)('%s empty → missing-non-negotiable (block)', (key) => {
    for (const blank of BLANKS) {
      const e = evalWith({ [key]: blank });
      const f = findings(e, 'missing-non-negotiable');
      expect(f, JSON.stringify(blank)).toEqual([expect.objectContaining({ element: key, severity: 'block' })]);
      expect(findings(e, 'missing-element')).toEqual([]);
      expect(e.blocks).toBe(true);
      expect(e.nonNegotiablesFilled).toBe(2);
    }
  });

  const others = ELEMENT_KEYS.filter((k) => !isNonNegotiable(k));
  it.each(others)('%s empty → missing-element (warn), the close is not blocked', (key) => {
    const e = evalWith({ [key]: '  ' });
    expect(findings(e, 'missing-element')).toEqual([expect.objectContaining({ element: key, severity: 'warn' })]);
    expect(findings(e, 'missing-non-negotiable')).toEqual([]);
    expect(e.blocks).toBe(false);
    expect(e.nonNegotiablesFilled).toBe(3);
  });

  it('a bare "none" in the risk flags is not missing, but it is not ready either', () => {
    const e = evalWith({ riskFlags: 'none' });
    expect(findings(e, 'missing-non-negotiable')).toEqual([]);
    expect(e.nonNegotiablesFilled).toBe(3);
    // Filled, and blocked by risk-none-unconfirmed: the badge must not count it as done.
    expect(e.nonNegotiablesReady).toBe(2);
  });

  it('counts as ready only the non-negotiables that are filled and block nothing', () => {
    expect(evalWith({}).nonNegotiablesReady).toBe(3);
    expect(evalWith({ useCase: 'TBD' }).nonNegotiablesReady).toBe(2);
    expect(evalWith({ successMetric: 'Happier customers and a smoother onboarding for everyone' }).nonNegotiablesReady).toBe(2);
    expect(evalWith({}, { empty: true }).nonNegotiablesReady).toBe(0);
    // A rule switched off cannot make an empty element ready.
    expect(evalWith({ useCase: '' }, { config: config({ 'missing-non-negotiable': 'off' }) }).nonNegotiablesReady).toBe(2);
  });

  it('filled elements are never missing', () => {
    const e = evalWith({});
    expect(findings(e, 'missing-non-negotiable')).toEqual([]);
    expect(findings(e, 'missing-element')).toEqual([]);
  });

  it('an empty artifact reports every element once, in element order', () => {
    const e = evalWith({}, { empty: true });
    expect(e.findings.map((f) => f.element)).toEqual([...ELEMENT_KEYS]);
    expect(e.nonNegotiablesFilled).toBe(0);
  });
});

describe('rule: too-short', () => {
  const cases: Array<[ElementKey, string, boolean]> = [
    ['useCase', 'Support ticketing for agents', true], // 4 words < 8
    ['useCase', 'Route all support email for 300 agents through one queue', false],
    ['successMetric', 'CSAT 90% by Q3', true], // 4 words < 6
    ['whyBought', 'Old tool too slow', true],
    ['whyBought', 'The old tool could not route tickets by region', false],
    ['knownGaps', 'Jira', true],
    ['knownGaps', 'No Jira Server integration', false],
    ['stakeholders', 'Maria', true],
    ['timeline', 'Go-live: 2027-03-01', false],
  ];
  it.each(cases)('%s %j → too short: %s', (key, text, short) => {
    const f = findings(evalWith({ [key]: text }), 'too-short', key);
    expect(f.length).toBe(short ? 1 : 0);
    if (short) expect(f[0]?.severity).toBe('warn');
  });

  it('counts Chinese and Japanese text by characters, not by spaces', () => {
    expect(findings(evalWith({ useCase: 'サポート窓口を一つのキューに統合し対応時間を半分にする' }), 'too-short')).toEqual([]);
    expect(findings(evalWith({ useCase: '客服' }), 'too-short', 'useCase')).toHaveLength(1);
  });

  it('the threshold decides', () => {
    const text = { useCase: 'Support ticketing for agents' };
    expect(findings(evalWith(text, { config: config({}, (c) => (c.thresholds.minWords.useCase = 4)) }), 'too-short')).toEqual([]);
    expect(findings(evalWith(text, { config: config({}, (c) => (c.thresholds.minWords.useCase = 5)) }), 'too-short')).toHaveLength(1);
    expect(findings(evalWith({ knownGaps: 'Jira' }, { config: config({}, (c) => (c.thresholds.minWords.knownGaps = 0)) }), 'too-short')).toEqual([]);
  });

  it('is not reported for risk flags that only say there are none', () => {
    expect(findings(evalWith({ riskFlags: 'None' }), 'too-short')).toEqual([]);
  });

  it('says how many words there are and how many are needed', () => {
    const f = findings(evalWith({ whyBought: 'Old tool too slow' }), 'too-short')[0];
    expect(f?.message).toMatch(/4 words.*6/);
    expect(f?.fix.length).toBeGreaterThan(10);
  });
});
