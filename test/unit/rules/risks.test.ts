import { describe, expect, it } from 'vitest';
import { evalWith, findings } from './helpers';

describe('rule: risk-none-unconfirmed', () => {
  it.each(['None', 'none', 'N/A', 'no risks', 'No known risks', 'Nothing', 'nil', '- none'])('%j blocks', (text) => {
    const e = evalWith({ riskFlags: text });
    expect(findings(e, 'risk-none-unconfirmed')).toEqual([
      expect.objectContaining({ element: 'riskFlags', severity: 'block' }),
    ]);
    expect(e.blocks).toBe(true);
  });

  it('the explicit confirmation form passes', () => {
    const e = evalWith({ riskFlags: 'No known risks — confirmed by Dana Lee on 2027-01-31' });
    expect(findings(e, 'risk-none-unconfirmed')).toEqual([]);
    expect(e.findings).toEqual([]);
  });

  it('real risks pass', () => {
    expect(findings(evalWith({}), 'risk-none-unconfirmed')).toEqual([]);
    expect(findings(evalWith({ riskFlags: 'None of the admins are trained on SSO yet' }), 'risk-none-unconfirmed')).toEqual([]);
  });

  it('"none" that points elsewhere is a placeholder, reported once', () => {
    const e = evalWith({ riskFlags: 'None - see notes' });
    expect(findings(e, 'placeholder', 'riskFlags')).toHaveLength(1);
    expect(findings(e, 'risk-none-unconfirmed')).toEqual([]);
  });

  it('the fix shows the confirmation form', () => {
    const f = findings(evalWith({ riskFlags: 'none' }), 'risk-none-unconfirmed')[0];
    expect(f?.fix).toContain('confirmed by');
  });
});
