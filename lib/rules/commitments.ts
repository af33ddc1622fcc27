import { ELEMENT_KEYS } from '@/lib/domain/elements';
import type { RuleInput } from './engine';
import { promiseLines } from './locate';
import { OBJECT } from './messages';
import { findVaguePhrase } from './vagueText';

/**
 * vague-commitment: "we can definitely work with you on that" anywhere in the artifact is an
 * unconfirmed commitment. In the promises, a line whose promise carries a tier (committed,
 * planned, exploring) has been pinned down already; lines without a tier or marked verbal have not.
 */
export function commitmentRules({ parsed, text, assessed, sink }: RuleInput): void {
  if (!sink.on('vague-commitment')) return;
  for (const key of ELEMENT_KEYS) {
    const el = text[key];
    const a = assessed[key];
    if (a.status !== 'filled') continue;
    // One scan of the whole element; most elements stop here.
    const anywhere = findVaguePhrase(el.norm);
    if (anywhere === null) continue;

    let tiered: Set<number> | null = null;
    if (key === 'promises') {
      const lines = promiseLines(el.raw, parsed.promises.promises);
      tiered = new Set();
      parsed.promises.promises.forEach((p, i) => {
        const line = lines[i];
        if (line !== undefined && p.tier !== null && p.tier !== 'verbal') tiered?.add(line);
      });
    }

    for (const line of el.lines) {
      const phrase = el.lines.length === 1 ? anywhere : findVaguePhrase(line.norm);
      if (phrase === null || tiered?.has(line.line) || a.placeholderLines.has(line.line)) continue;
      if (key === 'promises') {
        sink.add(
          'vague-commitment',
          key,
          `The promise on line ${line.line} says “${phrase}”, which is not a commitment CS can plan around.`,
          'Find out what was actually agreed and give it a tier: [committed] with owner, due date and sign-off, [planned] or [exploring].',
          line.line,
        );
      } else {
        sink.add(
          'vague-commitment',
          key,
          `Line ${line.line} of ${OBJECT[key]} says “${phrase}”, a vague commitment nobody has confirmed.`,
          'If something was promised, add it to the promises with a certainty tier; otherwise reword it so it doesn’t read as a promise.',
          line.line,
        );
      }
    }
  }
}
