import { describe, expect, it } from 'vitest';
import { evaluateRaw } from '@/lib/rules';
import { defaultRulesConfig } from '@/lib/rules/config';
import { Evaluation } from '@/lib/rules/types';
import { ARTIFACT_KINDS, generateArtifact, generateArtifacts } from '@/test/fixtures/artifacts';

const cfg = defaultRulesConfig();

describe('generated artifacts, end to end (parse + rules + score)', () => {
  it('the generator is deterministic', () => {
    expect(generateArtifacts(20, 42)).toEqual(generateArtifacts(20, 42));
    expect(generateArtifact(1).raw).not.toEqual(generateArtifact(2).raw);
  });

  it('good artifacts: no finding at all, score 100, nothing blocks', () => {
    for (const g of generateArtifacts(500, 1, 'good')) {
      const e = evaluateRaw(g.raw, g.ctx, cfg);
      expect(e.findings, `seed ${g.seed}`).toEqual([]);
      expect(e.score).toBe(100);
      expect(e.nonNegotiablesFilled).toBe(3);
    }
  });

  it('mediocre artifacts: findings, a middling score, every finding valid', () => {
    for (const g of generateArtifacts(300, 1, 'mediocre')) {
      const e = evaluateRaw(g.raw, g.ctx, cfg);
      expect(e.findings.length, `seed ${g.seed}`).toBeGreaterThan(0);
      expect(e.score).toBeGreaterThan(30);
      expect(e.score).toBeLessThan(100);
      expect(Evaluation.parse(e)).toEqual(e);
    }
  });

  it('junk artifacts: blocked, nearly no score, no non-negotiable filled', () => {
    for (const g of generateArtifacts(300, 1, 'junk')) {
      const e = evaluateRaw(g.raw, g.ctx, cfg);
      expect(e.blocks, `seed ${g.seed}`).toBe(true);
      expect(e.score).toBeLessThanOrEqual(12);
      expect(e.findings.some((f) => f.rule === 'placeholder' || f.rule === 'missing-non-negotiable')).toBe(true);
    }
  });

  it('empty artifacts: blocked, score 0', () => {
    for (const g of generateArtifacts(20, 1, 'empty')) {
      const e = evaluateRaw(g.raw, g.ctx, cfg);
      expect(e.blocks).toBe(true);
      expect(e.score).toBe(0);
      expect(e.nonNegotiablesFilled).toBe(0);
    }
  });

  it('quality orders the kinds: good > mediocre > junk ≥ empty on average', () => {
    const avg = Object.fromEntries(
      ARTIFACT_KINDS.map((kind) => {
        const list = generateArtifacts(200, 3, kind).map((g) => evaluateRaw(g.raw, g.ctx, cfg).score);
        return [kind, list.reduce((a, b) => a + b, 0) / list.length];
      }),
    ) as Record<(typeof ARTIFACT_KINDS)[number], number>;
    expect(avg.good).toBeGreaterThan(avg.mediocre);
    expect(avg.mediocre).toBeGreaterThan(avg.junk);
    expect(avg.junk).toBeGreaterThanOrEqual(avg.empty);
  });
});
