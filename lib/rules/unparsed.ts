import type { ElementKey } from '@/lib/domain/elements';
import type { UnparsedLine } from '@/lib/domain/items';
import type { RuleInput } from './engine';
import { OBJECT, shown } from './messages';

/**
 * unparsed-lines: lines of the list elements the parsers could not read. Each becomes a finding
 * with the parser's reason as the fix; the sink caps them per element (a 100 000-line field gives
 * MAX_LINE_FINDINGS findings and one summary, not 100 000).
 */
export function unparsedRules({ parsed, assessed, sink }: RuleInput): void {
  if (!sink.on('unparsed-lines')) return;
  const placeholderOn = sink.on('placeholder');
  const lists: ReadonlyArray<readonly [ElementKey, readonly UnparsedLine[]]> = [
    ['riskFlags', parsed.riskFlags.unparsed],
    ['promises', parsed.promises.unparsed],
    ['stakeholders', parsed.stakeholders.unparsed],
    ['timeline', parsed.timeline.unparsed],
  ];
  for (const [key, unparsed] of lists) {
    const a = assessed[key];
    if (a.status === 'empty') continue;
    // A placeholder (whole value or line) is reported as such; reading it as an item makes no sense.
    if (placeholderOn && a.status !== 'filled') continue;
    for (const u of unparsed) {
      if (placeholderOn && a.placeholderLines.has(u.line)) continue;
      sink.add(
        'unparsed-lines',
        key,
        `Baton could not read ${shown(u.text)} on line ${u.line} of ${OBJECT[key]}.`,
        u.reason.trim() === '' ? 'Rewrite the line in the format shown in the field’s help, or delete it.' : u.reason,
        u.line,
      );
    }
  }
}
