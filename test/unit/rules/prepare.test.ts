import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeForMatch, splitLines } from '@/lib/domain/text';
import { prepareElement } from '@/lib/rules/prepare';

/** Text rich in what normalisation treats specially: breaks, sentence ends, invisible and wide characters. */
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom(
    '\n', '\r\n', '\r', '\u2028', '\u2029', '. ', '! ', '? ', '; ', '.\t', '。', '！ ', '.\u3000', ' ', '  ', '\t',
    '\u200b', '\u00ad', '\ufeff', '\u0000', '\u0085', '\u001e', 'ＴＢＤ', 'ﬁ', 'ß', 'İ', 'Σ', 'ΑΣ. ', 'e\u0301', '3.5',
    'e.g. ', '…', '—', '’', '<b>', '|', ':', 'TBD', 'Tom', '2027-03-01',
  ),
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('prepareElement: one-pass normalisation', () => {
  it('each line’s norm is normalizeForMatch of that line, numbered like splitLines (prose and list elements)', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('useCase' as const, 'promises' as const), (raw, key) => {
        const el = prepareElement(key, raw);
        const expected = splitLines(raw)
          .map((line, i) => ({ line: i + 1, norm: normalizeForMatch(line) }))
          .filter((l) => l.norm !== '');
        expect(el.lines.map((l) => ({ line: l.line, norm: l.norm }))).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('an invisible character between \\r and \\n leaves two line breaks, as splitLines counts them (found by the property above)', () => {
    expect(prepareElement('useCase', '\r\uFEFF\nTom').lines.map((l) => ({ line: l.line, norm: l.norm }))).toEqual([{ line: 3, norm: 'tom' }]);
    expect(prepareElement('promises', 'a\r\u200B\nb').lines.map((l) => l.line)).toEqual([1, 3]);
  });

  it('the element’s norm is normalizeForMatch of the whole value', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('useCase' as const, 'stakeholders' as const), (raw, key) => {
        expect(prepareElement(key, raw).norm).toBe(normalizeForMatch(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('pure ASCII text (the fast path) with control characters, tabs and breaks', () => {
    expect(prepareElement('useCase', 'T\u0001B\u0007D').norm).toBe('tbd');
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 80 });
    fc.assert(
      fc.property(ascii, (raw) => {
        expect(prepareElement('useCase', raw).norm).toBe(normalizeForMatch(raw));
        expect(prepareElement('timeline', raw).lines.map((l) => l.norm)).toEqual(
          splitLines(raw).map(normalizeForMatch).filter((n) => n !== ''),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('sentences are normalised and make up their line', () => {
    fc.assert(
      fc.property(text, (raw) => {
        for (const l of prepareElement('useCase', raw).lines) {
          if (l.sentences === null) continue;
          expect(l.sentences.length).toBeGreaterThan(1);
          expect(l.sentences.join(' ')).toBe(l.norm);
          for (const s of l.sentences) expect(s).toBe(normalizeForMatch(s));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('splits sentences at . ! ? ; followed by white space, not inside numbers or at line ends', () => {
    const el = prepareElement('useCase', 'Cut time by 3.5 days. Then grow!  Really?\nNext line; more');
    expect(el.lines.map((l) => l.sentences)).toEqual([['cut time by 3 5 days', 'then grow', 'really'], ['next line', 'more']]);
  });

  it('list elements are not cut into sentences: their lines are items', () => {
    expect(prepareElement('riskFlags', 'Legal is slow. Very slow.').lines.map((l) => l.sentences)).toEqual([null]);
  });

  it('empty and punctuation-only values', () => {
    expect(prepareElement('useCase', ' \u200b\n ')).toMatchObject({ empty: true, punctuationOnly: false, lines: [], norm: '' });
    expect(prepareElement('useCase', ' - \n ?')).toMatchObject({ empty: false, punctuationOnly: true, lines: [], norm: '' });
  });
});
