import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ELEMENT_KEYS, type RawArtifact } from '@/lib/domain/elements';
import { evaluateRaw, MAX_LINE_FINDINGS } from '@/lib/rules';
import { defaultRulesConfig, RulesConfig } from '@/lib/rules/config';
import { Evaluation, RULE_IDS, type DealContext, type RuleId, type RuleMode } from '@/lib/rules/types';
import { PATHOLOGICAL_SHAPES, pathologicalArtifact, pathologicalText } from '@/test/fixtures/artifacts';
import { CTX } from './helpers';

/** Hostile fragments: list syntax, invisible and control characters, markup, phrases the rules look for. */
const FRAGMENTS = [
  '\n', '\r\n', '\u2028', '|', ':', ' - ', '[committed]', '[exploring]', '[high]', 'owner:', 'due: 2027-02-30', 'sign-off:',
  'Go-live: 2027-03-01', '30 days:', 'champion', 'economic buyer', 'None', 'No known risks — confirmed by Dana on 2027-01-01',
  'TBD', 'N/A', 'asdf', 'should be possible', "we'll figure it out", 'by Q3 2027', '15%', '\u200b', '\u200d', '\ufeff',
  '\u202e', '\u0000', '\u0007', '\u001e', '\u0085', '<script>alert(1)</script>', '<b>x</b>', '&amp;', '\uD800', '\uDC00',
  '🚀', 'e\u0301', 'ＴＢＤ', 'ﬁ', 'Σ', '😀'.repeat(3), ' '.repeat(50), '.'.repeat(20), 'a'.repeat(40) + '!',
];

const field = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 10 })), { maxLength: 25 }).map((p) => p.join('')) },
);

const artifact: fc.Arbitrary<RawArtifact> = fc.record(
  Object.fromEntries(ELEMENT_KEYS.map((k) => [k, field])) as Record<keyof RawArtifact, typeof field>,
);

const isoDate = fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const ctx: fc.Arbitrary<DealContext> = fc.record({
  amount: fc.option(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), { nil: null }),
  closeDate: fc.option(fc.oneof(isoDate, fc.string({ maxLength: 30 })), { nil: null }),
  stage: fc.option(fc.string(), { nil: null }),
  pipeline: fc.option(fc.string(), { nil: null }),
  today: isoDate,
});

const rulesConfig: fc.Arbitrary<RulesConfig> = fc
  .record({
    modes: fc.record(Object.fromEntries(RULE_IDS.map((r) => [r, fc.constantFrom<RuleMode>('block', 'warn', 'off')])) as Record<RuleId, fc.Arbitrary<RuleMode>>),
    minWords: fc.record(Object.fromEntries(ELEMENT_KEYS.map((k) => [k, fc.integer({ min: 0, max: 500 })])) as Record<keyof RawArtifact, fc.Arbitrary<number>>),
    champion: fc.double({ min: 0, max: 1e9, noNaN: true }),
    eb: fc.double({ min: 0, max: 1e9, noNaN: true }),
    copied: fc.integer({ min: 8, max: 10_000 }),
  })
  .map(({ modes, minWords, champion, eb, copied }) =>
    RulesConfig.parse({ modes, thresholds: { minWords, championAboveAmount: champion, economicBuyerAboveAmount: eb, copiedMinChars: copied } }),
  );

function checkEvaluation(e: Evaluation): void {
  expect(Evaluation.parse(e)).toEqual(e);
  for (const f of e.findings) {
    expect(f.message.trim()).not.toBe('');
    expect(f.fix.trim()).not.toBe('');
  }
  // Never more than the cap (plus its summary) per element and rule.
  expect(e.findings.length).toBeLessThanOrEqual(ELEMENT_KEYS.length * RULE_IDS.length * (MAX_LINE_FINDINGS + 1));
}

describe('fuzz: any text in any field', () => {
  it('never throws and always returns a valid evaluation', () => {
    fc.assert(
      fc.property(artifact, ctx, rulesConfig, (raw, c, cfg) => {
        checkEvaluation(evaluateRaw(raw, c, cfg));
      }),
      { numRuns: 1500 },
    );
  });

  it('is deterministic on any input', () => {
    fc.assert(
      fc.property(artifact, ctx, (raw, c) => {
        expect(evaluateRaw(raw, c, defaultRulesConfig())).toEqual(evaluateRaw({ ...raw }, { ...c }, defaultRulesConfig()));
      }),
      { numRuns: 300 },
    );
  });

  it('findings only ever name rules that are on, with their configured severity', () => {
    fc.assert(
      fc.property(artifact, ctx, rulesConfig, (raw, c, cfg) => {
        for (const f of evaluateRaw(raw, c, cfg).findings) {
          expect(cfg.modes[f.rule]).not.toBe('off');
          expect(f.severity).toBe(cfg.modes[f.rule]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('huge and pathological values', () => {
  it.each(PATHOLOGICAL_SHAPES)('1 MB of %s in one field, 64 KB in the others', (shape) => {
    const raw = pathologicalArtifact(shape, 64 * 1024);
    raw.promises = pathologicalText(shape, 1024 * 1024);
    checkEvaluation(evaluateRaw(raw, CTX, defaultRulesConfig()));
  });

  it('1 MB of random text with zero-width, control and markup characters in every field', () => {
    const unit = FRAGMENTS.join(' ');
    const big = unit.repeat(Math.ceil((1024 * 1024) / unit.length));
    const raw = Object.fromEntries(ELEMENT_KEYS.map((k) => [k, big])) as RawArtifact;
    const e = evaluateRaw(raw, CTX, defaultRulesConfig());
    checkEvaluation(e);
  });

  it('a 1 MB value of one repeated placeholder is still one placeholder finding', () => {
    const e = evaluateRaw({ ...pathologicalArtifact('spaces', 10), useCase: 'TBD '.repeat(250_000) }, CTX, defaultRulesConfig());
    expect(e.findings.filter((f) => f.element === 'useCase').map((f) => f.rule)).toEqual(['placeholder']);
  });

  it('lone surrogates and every control character', () => {
    const all = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join('') + '\uD800x\uDFFF\u007f\u0080\u009f';
    const raw = Object.fromEntries(ELEMENT_KEYS.map((k) => [k, `${all}TBD${all}\n${all}`])) as RawArtifact;
    checkEvaluation(evaluateRaw(raw, CTX, defaultRulesConfig()));
  });
});
