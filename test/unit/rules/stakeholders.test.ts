import { describe, expect, it } from 'vitest';
import { config, evalWith, findings } from './helpers';

describe('rule: stakeholder-no-role', () => {
  it('flags each person without a role, with the line', () => {
    const e = evalWith({ stakeholders: 'Maria Lopez | champion\nBob Smith\nTom Berg | economic buyer\nJane Roe, runs finance' });
    expect(findings(e, 'stakeholder-no-role').map((f) => f.line)).toEqual([2, 4]);
    expect(findings(e, 'stakeholder-no-role')[0]?.message).toContain('Bob Smith');
  });

  it('roles in any tolerated form count', () => {
    const e = evalWith({ stakeholders: 'Maria Lopez (Champion)\nEB: Tom Berg\nAli Khan - tech lead' });
    expect(findings(e, 'stakeholder-no-role')).toEqual([]);
  });
});

describe('rule: stakeholder-no-champion', () => {
  const NO_CHAMPION = 'Tom Berg | economic buyer\nAli Khan | technical owner';
  it('is checked for every deal by default (threshold 0)', () => {
    expect(findings(evalWith({ stakeholders: NO_CHAMPION }, { ctx: { amount: 1 } }), 'stakeholder-no-champion')).toHaveLength(1);
  });
  it('is checked when the amount is unknown', () => {
    const c = config({}, (x) => (x.thresholds.championAboveAmount = 1_000_000));
    expect(findings(evalWith({ stakeholders: NO_CHAMPION }, { ctx: { amount: null }, config: c }), 'stakeholder-no-champion')).toHaveLength(1);
  });
  it('is skipped below the threshold, checked at and above it', () => {
    const c = config({}, (x) => (x.thresholds.championAboveAmount = 10_000));
    expect(findings(evalWith({ stakeholders: NO_CHAMPION }, { ctx: { amount: 9_999 }, config: c }), 'stakeholder-no-champion')).toEqual([]);
    expect(findings(evalWith({ stakeholders: NO_CHAMPION }, { ctx: { amount: 10_000 }, config: c }), 'stakeholder-no-champion')).toHaveLength(1);
  });
  it('passes with a champion', () => {
    expect(findings(evalWith({}), 'stakeholder-no-champion')).toEqual([]);
  });
});

describe('rule: stakeholder-no-economic-buyer', () => {
  const NO_EB = 'Maria Lopez | champion\nAli Khan | technical owner';
  it.each([
    [24_999, 0],
    [25_000, 1],
    [1_000_000, 1],
    [null, 1],
  ])('amount %s → %i finding(s) with the default threshold of 25,000', (amount, n) => {
    expect(findings(evalWith({ stakeholders: NO_EB }, { ctx: { amount } }), 'stakeholder-no-economic-buyer')).toHaveLength(n);
  });
  it('passes with an economic buyer', () => {
    expect(findings(evalWith({}, { ctx: { amount: 10_000_000 } }), 'stakeholder-no-economic-buyer')).toEqual([]);
  });
  it('is not piled on top of a missing stakeholders field', () => {
    const e = evalWith({ stakeholders: '' });
    expect(findings(e, 'stakeholder-no-economic-buyer')).toEqual([]);
    expect(findings(e, 'stakeholder-no-champion')).toEqual([]);
    expect(findings(e, 'missing-element', 'stakeholders')).toHaveLength(1);
  });
});
