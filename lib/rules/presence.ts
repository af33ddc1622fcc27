import { ELEMENT_KEYS, isNonNegotiable } from '@/lib/domain/elements';
import type { RuleInput } from './engine';
import { CONSEQUENCE, HOW_TO_WRITE, LINE_EXAMPLE, plural, shown, SUBJECT } from './messages';
import { countNormWords, rawLine } from './prepare';

/**
 * missing-non-negotiable, missing-element, placeholder, too-short: is each element there, and is
 * it more than a placeholder or a couple of words?
 */

const ITEM: Record<string, string> = {
  riskFlags: 'risk',
  promises: 'promise',
  stakeholders: 'stakeholder',
  timeline: 'milestone',
};

// Scripts written without spaces between words: a "word" there is about two characters.
const NO_SPACE_SCRIPT = /[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/g;

/** Words in normalised text, counting Chinese, Japanese and Thai by characters (two per word). */
export function effectiveWordCount(norm: string, enough = Infinity): number {
  const words = countNormWords(norm, enough);
  if (words >= enough) return words;
  const cjk = norm.match(NO_SPACE_SCRIPT);
  return cjk === null ? words : words + Math.floor(cjk.length / 2);
}

/** Risk flags that only state there are none: judged by risk-none-unconfirmed, not by length. */
function onlyNoRisks({ parsed }: RuleInput): boolean {
  const r = parsed.riskFlags;
  return r.flags.length === 0 && (r.unconfirmedNone || r.noRisksConfirmation !== null);
}

export function presenceRules(input: RuleInput): void {
  const { text, assessed, config, sink } = input;
  const placeholderOn = sink.on('placeholder');
  for (const key of ELEMENT_KEYS) {
    const el = text[key];
    const a = assessed[key];

    if (a.status === 'empty') {
      const rule = isNonNegotiable(key) ? 'missing-non-negotiable' : 'missing-element';
      const what = isNonNegotiable(key) ? 'and it is required to close the deal' : `so ${CONSEQUENCE[key]}`;
      sink.add(rule, key, `${SUBJECT[key]} is empty, ${what}.`, HOW_TO_WRITE[key]);
      continue;
    }

    if (a.status === 'punctuation' || a.status === 'placeholder') {
      const what = a.status === 'punctuation' ? 'only punctuation' : 'only placeholder text';
      sink.add('placeholder', key, `${SUBJECT[key]} holds ${what} (${shown(el.raw)}), so ${CONSEQUENCE[key]}.`, HOW_TO_WRITE[key]);
      if (placeholderOn) continue; // "TBD" is not also "too short"
    }

    if (a.placeholderLines.size > 0) {
      for (const line of el.lines) {
        if (!a.placeholderLines.has(line.line)) continue;
        sink.add(
          'placeholder',
          key,
          `Line ${line.line} is placeholder text (${shown(rawLine(el, line.line))}), not a real ${ITEM[key] ?? 'entry'}.`,
          LINE_EXAMPLE[key],
          line.line,
        );
      }
    }

    if (sink.on('too-short') && !(key === 'riskFlags' && onlyNoRisks(input))) {
      const min = config.thresholds.minWords[key];
      const words = effectiveWordCount(el.norm, min);
      if (words < min) {
        sink.add(
          'too-short',
          key,
          `${SUBJECT[key]} has ${plural(words, 'word', 'words')}, fewer than the ${min} needed to be useful to CS.`,
          `Say more. ${HOW_TO_WRITE[key]}`,
        );
      }
    }
  }
}
