// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NON_NEGOTIABLES, type ElementKey, type RawArtifact } from '@/lib/domain/elements';
import { defaultRulesConfig, type RulesConfig } from '@/lib/rules/config';
import { PLACEHOLDER_VOCABULARY } from '@/lib/rules/placeholderText';
import { DEFAULT_SALESFORCE_MAPPING, type SalesforceMapping } from '@/lib/settings/schema';
import { FORMULA_MAX_CHARS, RULE_NAME, salesforceRule } from '@/lib/crms/salesforce/serverRule';
import { evaluateFormula, parseFormula } from './formula';
import { engineBlocks, placeholderVariants, withModes, SAMPLE_PIECES, NEAR_MISSES } from '../serverRuleSamples';
import { GOOD_HANDOFF } from '@/test/fixtures/handoffs';

const NO_BYPASS = { bypassPermission: null };

function record(mapping: SalesforceMapping, raw: RawArtifact, over: { won?: boolean; stageChanged?: boolean; isNew?: boolean; permissions?: string[] } = {}) {
  const fields: Record<string, string | boolean | null> = { IsWon: over.won ?? true, StageName: 'Closed Won' };
  for (const key of Object.keys(raw) as ElementKey[]) fields[mapping[key]] = raw[key] === '' ? null : raw[key];
  return {
    fields,
    isNew: over.isNew ?? false,
    changed: new Set(over.stageChanged ?? true ? ['StageName'] : []),
    permissions: new Set(over.permissions ?? []),
  };
}

function firesOn(formula: string, mapping: SalesforceMapping, element: ElementKey, value: string, over = {}) {
  return evaluateFormula(formula, record(mapping, { ...GOOD_HANDOFF, [element]: value }, over));
}

const SETTINGS: [string, RulesConfig][] = [
  ['default rules', defaultRulesConfig()],
  ['placeholder check off', withModes({ placeholder: 'off' })],
  ['missing non-negotiables only warn', withModes({ 'missing-non-negotiable': 'warn' })],
  ['"none" without confirmation only warns', withModes({ 'risk-none-unconfirmed': 'warn' })],
  ['everything off', withModes({ 'missing-non-negotiable': 'off', placeholder: 'off', 'risk-none-unconfirmed': 'off', 'metric-no-number': 'off', 'metric-no-time-bound': 'off' })],
];

describe('Salesforce validation rule', () => {
  it('passes a good handoff and refuses each empty non-negotiable, only when a deal becomes won', () => {
    const { formula } = salesforceRule(DEFAULT_SALESFORCE_MAPPING, defaultRulesConfig(), NO_BYPASS);
    expect(evaluateFormula(formula, record(DEFAULT_SALESFORCE_MAPPING, GOOD_HANDOFF))).toBe(false);
    for (const element of NON_NEGOTIABLES) {
      expect(firesOn(formula, DEFAULT_SALESFORCE_MAPPING, element, '')).toBe(true);
      expect(firesOn(formula, DEFAULT_SALESFORCE_MAPPING, element, '', { isNew: true, stageChanged: false })).toBe(true);
      // Not won, or already won and edited without a stage change: left alone.
      expect(firesOn(formula, DEFAULT_SALESFORCE_MAPPING, element, '', { won: false })).toBe(false);
      expect(firesOn(formula, DEFAULT_SALESFORCE_MAPPING, element, '', { stageChanged: false })).toBe(false);
    }
  });

  for (const [name, rules] of SETTINGS) {
    describe(`with ${name}`, () => {
      const rule = salesforceRule(DEFAULT_SALESFORCE_MAPPING, rules, NO_BYPASS);

      it('never refuses a value the rules engine lets through (curated and generated values)', () => {
        for (const element of NON_NEGOTIABLES) {
          for (const value of [...NEAR_MISSES, ...PLACEHOLDER_VOCABULARY.flatMap(placeholderVariants)]) {
            if (firesOn(rule.formula, DEFAULT_SALESFORCE_MAPPING, element, value)) {
              expect(engineBlocks(element, value, rules), `${element} = ${JSON.stringify(value)}`).toBe(true);
            }
          }
        }
        fc.assert(
          fc.property(fc.constantFrom(...NON_NEGOTIABLES), fc.array(fc.constantFrom(...SAMPLE_PIECES), { maxLength: 5 }), (element, pieces) => {
            const value = pieces.join('');
            if (firesOn(rule.formula, DEFAULT_SALESFORCE_MAPPING, element, value)) expect(engineBlocks(element, value, rules)).toBe(true);
          }),
          { numRuns: 3000, seed: 7 },
        );
      });

      it('refuses every value it says it checks, in any case and with punctuation around it', () => {
        for (const checks of rule.checks) {
          const refused = [
            ...(checks.blank ? ['', '   ', '\n\t'] : []),
            ...(checks.punctuation ? ['.', '-', '???', '( - )', '...\n'] : []),
            ...checks.terms.flatMap(placeholderVariants),
          ];
          for (const value of refused) {
            expect(firesOn(rule.formula, DEFAULT_SALESFORCE_MAPPING, checks.element, value), `${checks.element} = ${JSON.stringify(value)}`).toBe(true);
          }
        }
      });
    });
  }

  it('keeps only what the rules in force block: no placeholder terms with the placeholder check off, no rule at all with everything off', () => {
    const placeholderOff = salesforceRule(DEFAULT_SALESFORCE_MAPPING, withModes({ placeholder: 'off' }), NO_BYPASS);
    expect(placeholderOff.checks.find((c) => c.element === 'useCase')).toMatchObject({ blank: true, punctuation: false, terms: [] });
    // "none" on risk flags is still refused: risk-none-unconfirmed blocks it.
    expect(placeholderOff.checks.find((c) => c.element === 'riskFlags')!.terms).toContain('none');
    expect(firesOn(placeholderOff.formula, DEFAULT_SALESFORCE_MAPPING, 'useCase', 'TBD')).toBe(false);
    const off = salesforceRule(DEFAULT_SALESFORCE_MAPPING, SETTINGS[4]![1], NO_BYPASS);
    expect(off.formula).toBe('FALSE');
  });

  it('uses the mapped field names and stays within the formula length limit with the longest names', () => {
    const long = Object.fromEntries(
      Object.entries(DEFAULT_SALESFORCE_MAPPING).map(([k, v]) => [k, v === null ? null : `ns__${k}_${'x'.repeat(60)}`.slice(0, 77) + '__c']),
    ) as SalesforceMapping;
    const rule = salesforceRule(long, defaultRulesConfig(), { bypassPermission: 'Baton_Close_Anyway' });
    expect(rule.formula.length).toBeLessThanOrEqual(FORMULA_MAX_CHARS);
    expect(rule.omittedTerms).toBeGreaterThan(0);
    expect(() => parseFormula(rule.formula)).not.toThrow();
    for (const element of NON_NEGOTIABLES) {
      expect(rule.formula).toContain(`ISBLANK(${long[element]})`);
      expect(firesOn(rule.formula, long, element, 'TBD')).toBe(true);
      expect(firesOn(rule.formula, long, element, 'TBD', { permissions: ['Baton_Close_Anyway'] })).toBe(false);
    }
  });

  it('writes metadata XML whose formula is the formula, escaped', () => {
    const rule = salesforceRule(DEFAULT_SALESFORCE_MAPPING, defaultRulesConfig(), NO_BYPASS);
    const doc = new DOMParser().parseFromString(rule.metadataXml, 'application/xml');
    const root = doc.documentElement;
    expect(root.nodeName).toBe('ValidationRule');
    expect(root.getAttribute('xmlns')).toBe('http://soap.sforce.com/2006/04/metadata');
    const text = (name: string) => root.getElementsByTagName(name)[0]?.textContent;
    expect(text('fullName')).toBe(RULE_NAME);
    expect(text('active')).toBe('true');
    expect(text('errorConditionFormula')).toBe(rule.formula);
    expect(text('errorMessage')!.length).toBeLessThanOrEqual(255);
    expect(text('description')!.length).toBeLessThanOrEqual(255);
    expect(rule.metadataPath).toMatch(/objects\/Opportunity\/validationRules\/Baton_Handoff_Non_Negotiables\.validationRule-meta\.xml$/);
  });
});
