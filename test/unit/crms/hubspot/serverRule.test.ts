import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NON_NEGOTIABLES } from '@/lib/domain/elements';
import { defaultRulesConfig } from '@/lib/rules/config';
import { PLACEHOLDER_VOCABULARY } from '@/lib/rules/placeholderText';
import { DEFAULT_HUBSPOT_MAPPING } from '@/lib/settings/schema';
import { caseless, hubspotSetup } from '@/lib/crms/hubspot/serverRule';
import { wholeValueChecks } from '@/lib/crms/shared/wholeValue';
import { NEAR_MISSES, SAMPLE_PIECES, engineBlocks, placeholderVariants, withModes } from '../serverRuleSamples';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

// HubSpot takes the pattern without flags; JavaScript without flags is the strictest reading.
const accepts = (regex: string, value: string) => new RegExp(regex).test(value);

describe('HubSpot enforcement setup', () => {
  it('spells case out without touching classes or escapes', () => {
    expect(caseless('tbd')).toBe('[tT][bB][dD]');
    expect(caseless('n[\\s!-/]*a')).toBe('[nN][\\s!-/]*[aA]');
    expect(caseless('néant')).toBe('[nN][éÉ][aA][nN][tT]');
    expect(caseless('未定')).toBe('未定');
  });

  for (const [name, rules] of [
    ['default rules', defaultRulesConfig()],
    ['"none" without confirmation only warns', withModes({ 'risk-none-unconfirmed': 'warn' })],
    ['placeholder check off', withModes({ placeholder: 'off' })],
  ] as const) {
    describe(`with ${name}`, () => {
      const setup = hubspotSetup(DEFAULT_HUBSPOT_MAPPING, rules);

      it('rejects only values the rules engine blocks', () => {
        for (const v of setup.validations) {
          expect(accepts(v.regex, GOOD_HANDOFF[v.element])).toBe(true);
          expect(accepts(v.regex, `${GOOD_HANDOFF[v.element]}\nSecond line: TBD`)).toBe(true);
          for (const value of [...NEAR_MISSES, ...PLACEHOLDER_VOCABULARY.flatMap(placeholderVariants)]) {
            if (!accepts(v.regex, value)) expect(engineBlocks(v.element, value, rules), `${v.property} = ${JSON.stringify(value)}`).toBe(true);
          }
        }
        fc.assert(
          fc.property(fc.constantFrom(...setup.validations), fc.array(fc.constantFrom(...SAMPLE_PIECES), { minLength: 1, maxLength: 5 }), (v, pieces) => {
            const value = pieces.join('');
            if (!accepts(v.regex, value)) expect(engineBlocks(v.element, value, rules)).toBe(true);
          }),
          { numRuns: 2000, seed: 11 },
        );
      });

      it('rejects every placeholder Baton blocks on that property, in any case', () => {
        const checks = wholeValueChecks(rules);
        for (const v of setup.validations) {
          const c = checks.find((x) => x.element === v.element)!;
          for (const value of [...c.terms.flatMap(placeholderVariants), ...(c.punctuation ? ['.', '--', '?!'] : [])]) {
            expect(accepts(v.regex, value), `${v.property} = ${JSON.stringify(value)}`).toBe(false);
          }
        }
      });
    });
  }

  it('requires the mapped properties on won stages and writes the validations API call for each', () => {
    const mapping = { ...DEFAULT_HUBSPOT_MAPPING, useCase: 'our_use_case' };
    const setup = hubspotSetup(mapping, defaultRulesConfig());
    expect(setup.requiredProperties.map((p) => p.property)).toEqual(['our_use_case', 'handoff_success_metric', 'handoff_risk_flags']);
    expect(setup.validations.map((v) => v.element)).toEqual([...NON_NEGOTIABLES]);
    const first = setup.validations[0]!;
    expect(first.apiPath).toBe('PUT /crm/v3/property-validations/0-3/our_use_case/rule-type/REGEX');
    expect(JSON.parse(first.apiBody)).toEqual({ ruleArguments: [first.regex] });
    // No capture groups: every group is (?: or (?!.
    expect(first.regex).not.toMatch(/\((?!\?)/);
  });

  it('asks for nothing when the rules in force block none of it', () => {
    const setup = hubspotSetup(
      DEFAULT_HUBSPOT_MAPPING,
      withModes({ 'missing-non-negotiable': 'off', placeholder: 'off', 'risk-none-unconfirmed': 'off', 'metric-no-number': 'off', 'metric-no-time-bound': 'off' }),
    );
    expect(setup).toEqual({ requiredProperties: [], validations: [] });
  });
});
