import { contentLines } from '@/lib/domain/lineFormat';
import type { HandoffPromise, ParsedStakeholders } from '@/lib/domain/items';

/**
 * Parsed items carry no line number (items.ts), but findings about an item should point at its
 * line. The parsers read contentLines() in order and make at most one item per line, so the
 * items can be matched back to those lines in one forward pass.
 */

/** How far past the previous item a match is looked for; keeps a miss from costing a full scan. */
const LOOKAHEAD = 64;

/**
 * Line of each promise: its text is a substring of its line (the parser only trims a tier label,
 * list markers and details from around it), and promise i+1 sits on a later line than promise i.
 */
export function promiseLines(raw: string, promises: readonly HandoffPromise[]): (number | undefined)[] {
  const lines = contentLines(raw);
  const out: (number | undefined)[] = [];
  let cursor = 0;
  for (const p of promises) {
    let found: number | undefined;
    for (let i = cursor; i < lines.length && i < cursor + LOOKAHEAD; i++) {
      if (lines[i]?.body.includes(p.text)) {
        found = i;
        break;
      }
    }
    if (found === undefined) {
      out.push(undefined);
    } else {
      out.push(lines[found]?.line);
      cursor = found + 1;
    }
  }
  return out;
}

/**
 * Line of each stakeholder: every content line gives either a stakeholder or one unparsed line,
 * so the stakeholders are the content lines that are not unparsed, in order.
 */
export function stakeholderLines(raw: string, parsed: ParsedStakeholders): (number | undefined)[] {
  const unparsed = new Set(parsed.unparsed.map((u) => u.line));
  const lines = contentLines(raw)
    .map((l) => l.line)
    .filter((n) => !unparsed.has(n));
  if (lines.length !== parsed.stakeholders.length) return parsed.stakeholders.map(() => undefined);
  return lines;
}
