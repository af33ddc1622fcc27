import { NON_NEGOTIABLES, emptyArtifact, type ElementKey } from '@/lib/domain/elements';
import { evaluateRaw } from '@/lib/rules';
import type { RulesConfig } from '@/lib/rules/config';
import type { DealContext } from '@/lib/rules/types';
import { PLACEHOLDER_VOCABULARY } from '@/lib/rules/placeholderText';

/**
 * What a CRM's own validation can check of Baton's rules: whole values only. A non-negotiable
 * that is empty, only punctuation, or only one placeholder ("TBD", "n/a", "to be determined",
 * in any case, with punctuation around it). Everything else Baton judges (too short, a metric
 * without a number or date, vague promises, "none" without a confirmation) needs the rules
 * engine and stays in the browser.
 *
 * Each check is kept only when Baton itself blocks that value on that field with the rules in
 * force, so the server never refuses a handoff that Baton lets through.
 */

/**
 * ASCII punctuation and symbols as ranges, and white space: the same in Java (Salesforce),
 * JavaScript and most other regex dialects. Baton reads every character that is not a letter or
 * digit as a separator, so these are a subset of what it ignores around a placeholder.
 */
const PUNCTUATION = '[!-/:-@\\[-`{-~]';
const SEPARATOR = '[\\s!-/:-@\\[-`{-~]';
/** Every ASCII punctuation character, each checked against the rules in force. */
const PUNCTUATION_SAMPLES = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];

export interface FieldChecks {
  element: ElementKey;
  /** Empty (or white space only) is refused. */
  blank: boolean;
  /** Only punctuation is refused. */
  punctuation: boolean;
  /** Whole-value placeholder terms refused, as people type them. */
  terms: string[];
}

/** A deal context for judging single values: no amount, no dates that could add findings. */
const CONTEXT: DealContext = { amount: null, closeDate: null, stage: null, pipeline: null, today: '2026-01-01' };

function blocksOn(element: ElementKey, value: string, rules: RulesConfig): boolean {
  const raw = { ...emptyArtifact(), [element]: value };
  return evaluateRaw(raw, CONTEXT, rules).findings.some((f) => f.element === element && f.severity === 'block');
}

// Judging every term takes ~50 ms; the options page asks again on each keystroke of the same rules.
const CHECKS_OF = new WeakMap<RulesConfig, FieldChecks[]>();

/** The whole-value checks for each non-negotiable that the rules in force block. */
export function wholeValueChecks(rules: RulesConfig): FieldChecks[] {
  let checks = CHECKS_OF.get(rules);
  if (checks === undefined) {
    checks = judgeChecks(rules);
    CHECKS_OF.set(rules, checks);
  }
  return checks;
}

function judgeChecks(rules: RulesConfig): FieldChecks[] {
  return NON_NEGOTIABLES.map((element) => ({
    element,
    blank: blocksOn(element, '', rules) && blocksOn(element, '  \n ', rules),
    punctuation: PUNCTUATION_SAMPLES.every((c) => blocksOn(element, c, rules) && blocksOn(element, c.repeat(3), rules)),
    terms: PLACEHOLDER_VOCABULARY.filter((term) => termPattern(term) !== null && blocksOn(element, term, rules)),
  }));
}

const WHITE_SPACE = '\\s*';

/**
 * A term as a regular expression (Java and JavaScript alike): its words joined by separators; a
 * word of up to three letters also with separators between them ("t.b.d", "n/a"), which Baton reads
 * the same. null for terms with characters a pattern should not carry.
 */
export function termPattern(term: string): string | null {
  const words = term.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  if (words.length === 0 || words.some((w) => !/^[\p{L}\p{N}]+$/u.test(w))) return null;
  if (words.length === 1 && /^[a-z]{2,3}$/.test(words[0]!)) return [...words[0]!].join(`${SEPARATOR}*`);
  return words.join(`${SEPARATOR}+`);
}

/** One field's whole-value pattern (full match, top-level alternation), or null when nothing is checked. */
export function wholeValuePattern(checks: FieldChecks, caseless: (pattern: string) => string = (p) => p): string | null {
  const alternatives = [
    ...(checks.punctuation ? [PUNCTUATION] : []),
    ...checks.terms.map((t) => caseless(termPattern(t)!)),
  ];
  const valued = alternatives.length === 0 ? null : `${SEPARATOR}*(?:${alternatives.join('|')})${SEPARATOR}*`;
  // White space only is blank: refused with the blank check, not by the punctuation one.
  if (!checks.blank) return valued;
  return valued === null ? WHITE_SPACE : `${WHITE_SPACE}|${valued}`;
}
