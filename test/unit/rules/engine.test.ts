import { describe, expect, it } from 'vitest';
import { parseArtifact } from '@/lib/domain/artifact';
import { ELEMENT_KEYS } from '@/lib/domain/elements';
import { evaluateArtifact, evaluateRaw } from '@/lib/rules';
import { defaultRulesConfig } from '@/lib/rules/config';
import { compareFindings } from '@/lib/rules/engine';
import { Evaluation, RULE_IDS } from '@/lib/rules/types';
import { generateArtifacts } from '@/test/fixtures/artifacts';
import { CTX, KITCHEN_SINK } from './helpers';

describe('evaluation', () => {
  it('evaluateRaw = parseArtifact + evaluateArtifact', () => {
    const parsed = parseArtifact(KITCHEN_SINK);
    expect(evaluateRaw(KITCHEN_SINK, CTX, defaultRulesConfig())).toEqual(evaluateArtifact(parsed, CTX, defaultRulesConfig()));
  });

  it('findings are ordered by element, then rule, then line', () => {
    for (const g of [...generateArtifacts(200, 5), { raw: KITCHEN_SINK, ctx: CTX }]) {
      const { findings } = evaluateRaw(g.raw, g.ctx, defaultRulesConfig());
      const key = (f: (typeof findings)[number]) => [ELEMENT_KEYS.indexOf(f.element), RULE_IDS.indexOf(f.rule), f.line ?? 0];
      const keys = findings.map(key);
      const sorted = [...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!);
      expect(keys).toEqual(sorted);
      expect([...findings].sort(compareFindings)).toEqual(findings);
    }
  });

  it('the kitchen sink gives exactly these findings (a change to any rule shows up here)', () => {
    const e = evaluateRaw(KITCHEN_SINK, CTX, defaultRulesConfig());
    expect(e.findings.map((f) => `${f.element} ${f.rule} ${f.severity}${f.line ? ` @${f.line}` : ''}`)).toEqual([
      'useCase missing-non-negotiable block',
      'successMetric too-short warn',
      'successMetric metric-no-number block',
      'successMetric metric-no-time-bound block',
      'riskFlags risk-none-unconfirmed block',
      'whyBought copied-between-elements warn @1',
      'promises vague-commitment warn @1',
      'promises promise-no-tier warn @1',
      'promises promise-committed-incomplete warn @2',
      'promises promise-exploring warn @3',
      'promises unparsed-lines warn @4',
      'stakeholders placeholder block @3',
      'stakeholders stakeholder-no-role warn @1',
      'stakeholders stakeholder-no-champion warn',
      'stakeholders stakeholder-no-economic-buyer warn',
      'timeline golive-before-close warn',
      'timeline golive-in-past warn',
      'timeline unparsed-lines warn @2',
      'knownGaps missing-element warn',
    ]);
    expect(e.nonNegotiablesFilled).toBe(2);
    expect(e.blocks).toBe(true);
    expect(Evaluation.parse(e)).toEqual(e);
  });

  it('every finding has a non-empty one-line message and fix', () => {
    for (const g of [...generateArtifacts(300, 9), { raw: KITCHEN_SINK, ctx: CTX }]) {
      for (const f of evaluateRaw(g.raw, g.ctx, defaultRulesConfig()).findings) {
        expect(f.message.trim().length).toBeGreaterThan(10);
        expect(f.fix.trim().length).toBeGreaterThan(10);
        expect(f.message).not.toMatch(/[\n\r]/);
        expect(f.fix).not.toMatch(/[\n\r]/);
        expect(f.message).toMatch(/[.!?…]$/);
        expect(f.message).not.toMatch(/undefined|null|NaN|\[object/);
      }
    }
  });

  it('quotes user text shortened to one line', () => {
    const long = `${'x'.repeat(30)} should be possible ${'y'.repeat(200)}\n${'z'.repeat(50)}`;
    const e = evaluateRaw({ ...KITCHEN_SINK, promises: long }, CTX, defaultRulesConfig());
    for (const f of e.findings) expect(f.message.length).toBeLessThan(300);
  });

  it('is deterministic across runs and does not mutate its input', () => {
    const raw = structuredClone(KITCHEN_SINK);
    const parsed = parseArtifact(raw);
    const frozen = structuredClone(parsed);
    const a = evaluateArtifact(parsed, CTX, defaultRulesConfig());
    const b = evaluateArtifact(parsed, CTX, defaultRulesConfig());
    expect(b).toEqual(a);
    expect(parsed).toEqual(frozen);
    expect(raw).toEqual(KITCHEN_SINK);
  });
});
