import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ELEMENT_KEYS, NON_NEGOTIABLES } from '@/lib/domain/elements';
import { BLOCK_COST, ELEMENT_WEIGHTS, evaluateRaw, scoreFindings, WARN_COST } from '@/lib/rules';
import { defaultRulesConfig } from '@/lib/rules/config';
import { Evaluation, RULE_IDS, type Finding } from '@/lib/rules/types';
import { generateArtifacts } from '@/test/fixtures/artifacts';
import { config, CTX, evalWith, KITCHEN_SINK } from './helpers';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

const finding = fc.record({
  rule: fc.constantFrom(...RULE_IDS),
  element: fc.constantFrom(...ELEMENT_KEYS),
  severity: fc.constantFrom('block' as const, 'warn' as const, 'info' as const),
  message: fc.constant('m'),
  fix: fc.constant('f'),
  line: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
}) as fc.Arbitrary<Finding>;

describe('score', () => {
  it('weights sum to 100, non-negotiables 20 each', () => {
    expect(Object.values(ELEMENT_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    for (const k of NON_NEGOTIABLES) expect(ELEMENT_WEIGHTS[k]).toBe(20);
    expect(BLOCK_COST).toBeGreaterThan(WARN_COST);
  });

  it('a complete good artifact scores at least 90 (here: 100)', () => {
    const e = evalWith({});
    expect(e.score).toBeGreaterThanOrEqual(90);
    expect(e.score).toBe(100);
    expect(e.nonNegotiablesFilled).toBe(3);
    expect(e.blocks).toBe(false);
    expect(e.breakdown.every((b) => b.score === b.max)).toBe(true);
  });

  it('generated good artifacts all score at least 90', () => {
    for (const g of generateArtifacts(300, 1000, 'good')) {
      expect(evaluateRaw(g.raw, g.ctx, defaultRulesConfig()).score, String(g.seed)).toBeGreaterThanOrEqual(90);
    }
  });

  it('an empty artifact scores 0', () => {
    const e = evalWith({}, { empty: true });
    expect(e.score).toBe(0);
    expect(e.breakdown.every((b) => b.score === 0)).toBe(true);
  });

  it('a placeholder element earns 0, a missing one too', () => {
    const e = evalWith({ useCase: 'TBD', whyBought: '' });
    expect(e.breakdown.find((b) => b.element === 'useCase')?.score).toBe(0);
    expect(e.breakdown.find((b) => b.element === 'whyBought')?.score).toBe(0);
    expect(e.score).toBe(100 - 20 - 8);
  });

  it('partial credit: a block costs more than a warn', () => {
    const block = evalWith({ successMetric: 'Cut onboarding time from 10 to 4 days for every new agent' }); // no time bound: block
    expect(block.breakdown.find((b) => b.element === 'successMetric')?.score).toBe(20 * (1 - BLOCK_COST));
    const warn = evalWith({ successMetric: 'Cut onboarding time from 10 to 4 days for every new agent' }, { config: config({ 'metric-no-time-bound': 'warn' }) });
    expect(warn.breakdown.find((b) => b.element === 'successMetric')?.score).toBe(20 * (1 - WARN_COST));
    expect(warn.score).toBeGreaterThan(block.score);
  });

  it('a rule counts once per element however many lines it flags', () => {
    const one = evalWith({ stakeholders: 'Maria Lopez | champion\nTom Berg | economic buyer\nBob Smith' });
    const three = evalWith({ stakeholders: 'Maria Lopez | champion\nTom Berg | economic buyer\nBob Smith\nJane Roe\nAl Pike' });
    expect(three.score).toBe(one.score);
  });

  it('off rules cost nothing', () => {
    const e = evalWith({ successMetric: 'Happier agents and much faster responses for customers' }, {
      config: config({ 'metric-no-number': 'off', 'metric-no-time-bound': 'off' }),
    });
    expect(e.score).toBe(100);
  });

  it('breakdown has every element once, in order, and sums to the score', () => {
    for (const raw of [GOOD_HANDOFF, KITCHEN_SINK]) {
      const e = evaluateRaw(raw, CTX, defaultRulesConfig());
      expect(e.breakdown.map((b) => b.element)).toEqual([...ELEMENT_KEYS]);
      expect(Math.abs(e.breakdown.reduce((n, b) => n + b.score, 0) - e.score)).toBeLessThanOrEqual(0.5 + 1e-9);
    }
  });

  it('property: adding a block finding never raises the score', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 30 }), finding, (list, extra) => {
        const before = scoreFindings(list).score;
        const after = scoreFindings([...list, { ...extra, severity: 'block' }]).score;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('property: turning a warning into a block never raises the score; score stays in 0..100', () => {
    fc.assert(
      fc.property(fc.array(finding, { minLength: 1, maxLength: 30 }), fc.nat(), (list, i) => {
        const k = i % list.length;
        const harder = list.map((f, j) => (j === k ? { ...f, severity: 'block' as const } : f));
        const s = scoreFindings(list).score;
        expect(scoreFindings(harder).score).toBeLessThanOrEqual(s);
        expect(Number.isInteger(s) && s >= 0 && s <= 100).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('property: switching any rule from warn to block never raises an evaluation’s score', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULE_IDS), fc.constantFrom(...generateArtifacts(40, 77)), (rule, g) => {
        const warn = evaluateRaw(g.raw, g.ctx, config({ [rule]: 'warn' }));
        const block = evaluateRaw(g.raw, g.ctx, config({ [rule]: 'block' }));
        expect(block.score).toBeLessThanOrEqual(warn.score);
        expect(Evaluation.parse(block)).toEqual(block);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    const a = evaluateRaw(KITCHEN_SINK, CTX, defaultRulesConfig());
    const b = evaluateRaw({ ...KITCHEN_SINK }, { ...CTX }, defaultRulesConfig());
    expect(b).toEqual(a);
  });
});
