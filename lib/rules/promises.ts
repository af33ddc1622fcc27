import type { RuleInput } from './engine';
import { promiseLines } from './locate';
import { shown } from './messages';

/** promise-no-tier, promise-committed-incomplete, promise-exploring: is each promise one CS can plan on? */

function joinOr(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1] ?? ''}`;
}

export function promiseRules({ parsed, text, assessed, sink }: RuleInput): void {
  const a = assessed.promises;
  if (a.status !== 'filled') return;
  const noTier = sink.on('promise-no-tier');
  const incomplete = sink.on('promise-committed-incomplete');
  const exploring = sink.on('promise-exploring');
  if (!noTier && !incomplete && !exploring) return;

  const { promises } = parsed.promises;
  // Lines are only looked up when a promise has a finding (most promises have none).
  let lines: (number | undefined)[] | null = null;

  for (let i = 0; i < promises.length; i++) {
    const p = promises[i];
    if (p === undefined) continue;
    if (p.tier === null) {
      if (!noTier) continue;
      lines ??= promiseLines(text.promises.raw, promises);
      const line = lines[i];
      if (line !== undefined && a.placeholderLines.has(line)) continue; // "TBD" is reported as a placeholder
      sink.add(
        'promise-no-tier',
        'promises',
        `The promise ${shown(p.text)} has no certainty tier, so CS can’t tell a firm commitment from a passing remark.`,
        'Start the line with its tier: [committed] (with owner, due date and sign-off), [planned], [exploring] or [verbal].',
        line,
      );
    } else if (p.tier === 'committed' && incomplete) {
      const missing: string[] = [];
      if (p.owner === null) missing.push('owner');
      if (p.due === null) missing.push('due date');
      if (p.signOff === null) missing.push('sign-off');
      if (missing.length === 0) continue;
      const example = [
        p.owner === null ? 'owner: Dana Lee' : null,
        p.due === null ? 'due: 2027-02-01' : null,
        p.signOff === null ? 'sign-off: VP CS' : null,
      ]
        .filter((x) => x !== null)
        .join(' | ');
      sink.add(
        'promise-committed-incomplete',
        'promises',
        `The committed promise ${shown(p.text)} has no ${joinOr(missing)}, so nobody is accountable for delivering it.`,
        `Add the missing details to the line, e.g. “| ${example}”; if there is no date yet, mark it [planned] instead.`,
        (lines ??= promiseLines(text.promises.raw, promises))[i],
      );
    } else if (p.tier === 'exploring' && exploring) {
      sink.add(
        'promise-exploring',
        'promises',
        `The promise ${shown(p.text)} is only being explored, and exploring items must not be used to close a deal.`,
        'Remove it from the promises, or commit to it (owner, due date, sign-off) before closing.',
        (lines ??= promiseLines(text.promises.raw, promises))[i],
      );
    }
  }
}
