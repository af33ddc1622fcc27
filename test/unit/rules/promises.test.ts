import { describe, expect, it } from 'vitest';
import { evalWith, findings } from './helpers';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

const FULL = '[committed] SSO live | owner: Dana Lee | due: 2027-02-01 | sign-off: VP CS';

describe('rule: promise-no-tier', () => {
  it('flags each promise without a tier, with its line', () => {
    const e = evalWith({ promises: `${FULL}\nSlack alerts for escalations\n\n- Sandbox for the IT team` });
    expect(findings(e, 'promise-no-tier').map((f) => [f.line, f.severity])).toEqual([
      [2, 'warn'],
      [4, 'warn'],
    ]);
    expect(findings(e, 'promise-no-tier')[0]?.message).toContain('Slack alerts');
  });

  it('finds the right line when promises repeat the same text', () => {
    const e = evalWith({ promises: 'Slack alerts for escalations\n\nSlack alerts for escalations' });
    expect(findings(e, 'promise-no-tier').map((f) => f.line)).toEqual([1, 3]);
  });

  it.each(['committed', 'planned', 'exploring', 'verbal'])('a [%s] promise has a tier', (tier) => {
    expect(findings(evalWith({ promises: `[${tier}] Slack alerts for escalations` }), 'promise-no-tier')).toEqual([]);
  });
});

describe('rule: promise-committed-incomplete', () => {
  const cases: Array<[string, string[]]> = [
    ['[committed] SSO live | due: 2027-02-01 | sign-off: VP CS', ['owner']],
    ['[committed] SSO live | owner: Dana Lee | sign-off: VP CS', ['due date']],
    ['[committed] SSO live | owner: Dana Lee | due: 2027-02-01', ['sign-off']],
    ['[committed] SSO live', ['owner', 'due date', 'sign-off']],
  ];
  it.each(cases)('%s → missing %j', (line, missing) => {
    const f = findings(evalWith({ promises: line }), 'promise-committed-incomplete');
    expect(f).toHaveLength(1);
    for (const m of missing) expect(f[0]?.message).toContain(m);
    expect(f[0]?.line).toBe(1);
  });

  it('a complete committed promise passes', () => {
    expect(findings(evalWith({ promises: FULL }), 'promise-committed-incomplete')).toEqual([]);
  });

  it('planned promises need no owner or date', () => {
    expect(findings(evalWith({ promises: '[planned] Slack alerts' }), 'promise-committed-incomplete')).toEqual([]);
  });
});

describe('rule: promise-exploring', () => {
  it('flags exploring promises', () => {
    const e = evalWith({ promises: `${GOOD_HANDOFF.promises}\n[exploring] Offline mode for technicians` });
    expect(findings(e, 'promise-exploring')).toEqual([expect.objectContaining({ line: 3, severity: 'warn' })]);
  });

  it('good promises pass every promise rule', () => {
    const e = evalWith({});
    expect(findings(e).filter((f) => f.rule.startsWith('promise-'))).toEqual([]);
  });

  it('a placeholder promises field gets no promise findings', () => {
    const e = evalWith({ promises: 'TBD' });
    expect(findings(e).filter((f) => f.rule.startsWith('promise-'))).toEqual([]);
    expect(findings(e, 'placeholder', 'promises')).toHaveLength(1);
  });
});
