import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(path.resolve(file), 'utf8');
const TOKENS = read('components/ui/tokens.css');
const STYLESHEETS = ['components/overlay/overlay.css', 'entrypoints/sidepanel/style.css', 'entrypoints/console/style.css', 'entrypoints/options/style.css'];

/** The hex colour tokens declared in one block of tokens.css. */
function colours(block: string): Map<string, string> {
  return new Map([...block.matchAll(/(--baton-[a-z-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)].map((m) => [m[1] as string, m[2] as string]));
}
const light = colours(TOKENS.slice(0, TOKENS.indexOf('@media')));
const dark = colours(TOKENS.slice(TOKENS.indexOf('prefers-color-scheme: dark')));

/** WCAG 2.2 contrast ratio: https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const h = hex.slice(1);
    const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
    const [r, g, b2] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = ['ink', 'muted', 'accent', 'danger', 'ok', 'warn'];
const BACKGROUNDS = ['bg', 'bg-page', 'bg-subtle', 'bg-notice', 'bg-info', 'bg-danger'];

describe('colour tokens', () => {
  it('the dark theme sets every colour the light one does', () => {
    expect(light.size).toBeGreaterThan(15);
    expect([...dark.keys()].sort()).toEqual([...light.keys()].sort());
  });

  describe.each([['light', light], ['dark', dark]] as const)('%s theme', (_name, theme) => {
    const token = (name: string) => {
      const value = theme.get(`--baton-${name}`);
      if (value === undefined) throw new Error(`--baton-${name} is not set`);
      return value;
    };
    it.each(TEXT)('%s text is readable (4.5:1, WCAG AA) on every background', (text) => {
      for (const bg of BACKGROUNDS) expect(contrast(token(text), token(bg)), `${text} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    });
    it('text on the accent colour is readable, and field borders stand out (3:1)', () => {
      expect(contrast(token('on-accent'), token('accent'))).toBeGreaterThanOrEqual(4.5);
      for (const bg of ['bg', 'bg-page']) expect(contrast(token('field-border'), token(bg)), bg).toBeGreaterThanOrEqual(3);
    });
  });

  it.each(STYLESHEETS)('%s takes its colours from the tokens instead of defining its own', (file) => {
    const css = read(file);
    expect(css).toMatch(/^@import '[./]+\/(components\/)?ui\/tokens\.css';$/m);
    expect(css).not.toMatch(/--baton-[a-z-]+\s*:/);
    expect(css).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(/i);
  });
});
