/**
 * Hostile CRM values: huge, repetitive, binary-ish. Parsing must finish (a catastrophic regex
 * would hang and hit the test timeout), must not throw, must validate, and must keep every line
 * with content visible as an item or an unparsed line.
 */
import { describe, expect, it } from 'vitest';
import { ParsedPromises, ParsedRiskFlags, ParsedStakeholders, ParsedTimeline } from '@/lib/domain/items';
import { parseRiskFlags } from '@/lib/domain/riskFlags';
import { parsePromises } from '@/lib/domain/promises';
import { parseStakeholders } from '@/lib/domain/stakeholders';
import { parseTimeline } from '@/lib/domain/timeline';

const MB = 1_000_000;

const parsers = [
  { name: 'risk flags', parse: parseRiskFlags, schema: ParsedRiskFlags },
  { name: 'promises', parse: parsePromises, schema: ParsedPromises },
  { name: 'stakeholders', parse: parseStakeholders, schema: ParsedStakeholders },
  { name: 'timeline', parse: parseTimeline, schema: ParsedTimeline },
] as const;

type Parsed = { unparsed: Array<{ line: number; text: string }> };

/** How many items (flags, promises, people, milestones) were read. */
function itemCount(parsed: object): number {
  const lists = Object.entries(parsed).filter(([key, v]) => key !== 'unparsed' && Array.isArray(v));
  return lists.reduce((n, [, v]) => n + (v as unknown[]).length, 0);
}

/** Items plus unparsed entries for line 1: what a one-line input turned into. */
function mentionsOfLine1(parsed: object): number {
  return itemCount(parsed) + (parsed as Parsed).unparsed.filter((u) => u.line === 1).length;
}

const HOSTILE_LINES: Record<string, string> = {
  'a 1 MB word': 'a'.repeat(MB),
  'a 1 MB sentence': 'risk '.repeat(MB / 5),
  '100k "|"': '|'.repeat(100_000) + 'x',
  '100k ":"': ':'.repeat(100_000) + 'x',
  '100k "["': '['.repeat(100_000) + 'x',
  '100k "("': '('.repeat(100_000) + 'x',
  '100k "@"': '@'.repeat(100_000) + 'x',
  'a near-email of 1 MB': 'a.'.repeat(MB / 2) + '@' + 'b-'.repeat(1000),
  '100k ";" before keys': 'x; owner: y'.repeat(10_000),
  '100k list markers': '- 1. '.repeat(100_000) + 'x',
  '100k spaced dashes': ' - '.repeat(100_000) + 'x',
  '"confirmed by" and 100k " on "': 'No known risks — confirmed by' + ' on'.repeat(100_000),
  '100k parenthesised roles': 'Jane (champion)'.repeat(100_000),
  'unicode soup': '日本👩🏽‍💻é\u200b\u0000\u202e'.repeat(100_000),
};

describe.each(parsers)('$name with hostile input', ({ parse, schema }) => {
  it.each(Object.entries(HOSTILE_LINES))('handles %s on one line', (_, line) => {
    const parsed = parse(line);
    expect(() => schema.parse(parsed)).not.toThrow();
    expect(mentionsOfLine1(parsed)).toBeGreaterThanOrEqual(1);
  });

  it('handles 100k lines, accounts for each one and numbers them', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => (i % 7 === 0 ? '???' : `Budget risk ${i}`)).join('\n');
    const parsed = parse(text);
    expect(() => schema.parse(parsed)).not.toThrow();
    const unparsedLines = (parsed as Parsed).unparsed;
    expect(itemCount(parsed) + unparsedLines.length).toBe(100_000); // nothing dropped
    expect(unparsedLines).toContainEqual(expect.objectContaining({ line: 99_996, text: '???' })); // i = 99995 = 7 × 14285
  });

  it('handles 1 MB of line breaks, spaces and invisible characters as empty', () => {
    for (const text of ['\n'.repeat(MB), ' '.repeat(MB), '\u200b'.repeat(MB), '\r\n\t'.repeat(MB / 3)]) {
      expect(mentionsOfLine1(parse(text))).toBe(0);
    }
  });
});

describe('content survives intact', () => {
  it('keeps a 1 MB risk as one flag with all its text', () => {
    const line = 'Champion may leave '.repeat(MB / 19);
    expect(parseRiskFlags(line).flags).toEqual([{ text: line.trim(), severity: null }]);
  });

  it('keeps a 1 MB promise description and a 1 MB owner', () => {
    const text = 'x'.repeat(MB);
    const parsed = parsePromises(`[planned] ${text} | owner: ${text}`);
    expect(parsed.promises[0]?.text).toBe(text);
    expect(parsed.promises[0]?.owner).toBe(text);
  });

  it('reports a 1 MB timeline line in full rather than cutting it', () => {
    const line = 'Kickoff '.repeat(MB / 8).trim();
    expect(parseTimeline(line).unparsed).toEqual([{ line: 1, text: line, reason: expect.any(String) }]);
  });

  it('keeps script payloads as inert text in every format', () => {
    const payload = '<img src=x onerror="alert(1)"><script>fetch("//evil")</script>';
    expect(parseRiskFlags(payload).flags[0]?.text).toBe(payload);
    expect(parsePromises(`[verbal] ${payload}`).promises[0]?.text).toBe(payload);
    expect(parseStakeholders(`${payload} | champion`).stakeholders[0]?.name).toBe(payload);
    expect(parseTimeline(`30 days: ${payload}`).milestones[0]?.text).toBe(payload);
  });
});
