import { describe, expect, it } from 'vitest';
import { MAX_LINE_FINDINGS } from '@/lib/rules';
import { evalWith, findings } from './helpers';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

describe('rule: unparsed-lines', () => {
  it('reports each line the parser could not read, with the parser’s reason as the fix', () => {
    const e = evalWith({ timeline: 'Go-live: 2027-03-01\nsometime in spring\n30 days: Admins trained' });
    const f = findings(e, 'unparsed-lines');
    expect(f).toEqual([expect.objectContaining({ element: 'timeline', line: 2, severity: 'warn' })]);
    expect(f[0]?.message).toContain('sometime in spring');
    expect(f[0]?.fix.length).toBeGreaterThan(10);
  });

  it('reports unreadable promise details', () => {
    const e = evalWith({ promises: `${GOOD_HANDOFF.promises}\n[planned] Alerts | colour: blue` });
    expect(findings(e, 'unparsed-lines', 'promises').map((f) => f.line)).toEqual([3]);
  });

  it('caps the findings per element and summarises the rest', () => {
    const lines = ['Go-live: 2027-03-01', ...Array.from({ length: 100 }, (_, i) => `sometime around spring, item ${i}`)];
    const e = evalWith({ timeline: lines.join('\n') });
    const f = findings(e, 'unparsed-lines', 'timeline');
    expect(f).toHaveLength(MAX_LINE_FINDINGS + 1);
    expect(f.slice(0, MAX_LINE_FINDINGS).map((x) => x.line)).toEqual(Array.from({ length: MAX_LINE_FINDINGS }, (_, i) => i + 2));
    const summary = f[MAX_LINE_FINDINGS];
    expect(summary?.message).toContain(`${100 - MAX_LINE_FINDINGS} more lines`);
    expect(summary?.line).toBe(MAX_LINE_FINDINGS + 2);
  });

  it('a 100,000-line field gives a bounded number of findings', () => {
    const e = evalWith({ stakeholders: 'Maria Lopez | champion\n' + '???\n'.repeat(100_000) });
    expect(findings(e, 'unparsed-lines').length).toBeLessThanOrEqual(MAX_LINE_FINDINGS + 1);
    expect(e.findings.length).toBeLessThan(100);
  });

  it('placeholder lines are reported as placeholders, not also as unreadable', () => {
    const e = evalWith({ timeline: 'Go-live: 2027-03-01\nTBD\n30 days: Admins trained' });
    expect(findings(e, 'placeholder', 'timeline').map((f) => f.line)).toEqual([2]);
    expect(findings(e, 'unparsed-lines')).toEqual([]);
  });
});
