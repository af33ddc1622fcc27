import { describe, expect, it } from 'vitest';
import { evaluateRaw } from '@/lib/rules';
import { DEFAULT_RULE_MODES, defaultRulesConfig } from '@/lib/rules/config';
import { RULE_IDS, type RuleId, type RuleMode } from '@/lib/rules/types';
import { config, CTX, findings, KITCHEN_SINK, rulesOf } from './helpers';

function modes(mode: RuleMode): Record<RuleId, RuleMode> {
  return Object.fromEntries(RULE_IDS.map((r) => [r, mode])) as Record<RuleId, RuleMode>;
}

describe('configuration', () => {
  it('the kitchen sink trips every rule with the defaults, at the default severity', () => {
    const e = evaluateRaw(KITCHEN_SINK, CTX, defaultRulesConfig());
    expect(rulesOf(e).sort()).toEqual([...RULE_IDS].sort());
    for (const f of e.findings) expect(f.severity).toBe(DEFAULT_RULE_MODES[f.rule]);
  });

  it.each(RULE_IDS)('mode off silences %s, and only it', (rule) => {
    const on = evaluateRaw(KITCHEN_SINK, CTX, defaultRulesConfig());
    const off = evaluateRaw(KITCHEN_SINK, CTX, config({ [rule]: 'off' }));
    expect(findings(off, rule)).toEqual([]);
    const others = (e: typeof on) => e.findings.filter((f) => f.rule !== rule);
    // Only placeholder hides other findings on the same text (too-short, unparsed lines): with it
    // off, those may appear. Every other rule is independent.
    if (rule !== 'placeholder') expect(others(off)).toEqual(others(on));
  });

  it('all rules off → no findings, full score, no block', () => {
    const e = evaluateRaw(KITCHEN_SINK, CTX, { ...defaultRulesConfig(), modes: modes('off') });
    expect(e.findings).toEqual([]);
    expect(e.score).toBe(100);
    expect(e.blocks).toBe(false);
  });

  it('warn vs block decides the severity and whether the close is blocked', () => {
    const block = evaluateRaw(KITCHEN_SINK, CTX, { ...defaultRulesConfig(), modes: modes('block') });
    const warn = evaluateRaw(KITCHEN_SINK, CTX, { ...defaultRulesConfig(), modes: modes('warn') });
    expect(block.findings.every((f) => f.severity === 'block')).toBe(true);
    expect(warn.findings.every((f) => f.severity === 'warn')).toBe(true);
    expect(block.blocks).toBe(true);
    expect(warn.blocks).toBe(false);
    expect(block.findings.map((f) => [f.rule, f.element, f.line])).toEqual(warn.findings.map((f) => [f.rule, f.element, f.line]));
    expect(block.score).toBeLessThanOrEqual(warn.score);
  });

  it('a rule switched to block blocks the close', () => {
    const e = evaluateRaw({ ...KITCHEN_SINK, useCase: 'Route all support email for 300 agents in EMEA through one queue' }, CTX, {
      ...defaultRulesConfig(),
      modes: { ...modes('off'), 'stakeholder-no-champion': 'block' },
    });
    expect(e.findings.map((f) => f.rule)).toEqual(['stakeholder-no-champion']);
    expect(e.blocks).toBe(true);
  });

  it('a missing mode falls back to the default instead of throwing', () => {
    const c = defaultRulesConfig();
    delete (c.modes as Partial<Record<RuleId, RuleMode>>)['metric-no-number'];
    const e = evaluateRaw(KITCHEN_SINK, CTX, c);
    expect(findings(e, 'metric-no-number')[0]?.severity).toBe('block');
  });
});
