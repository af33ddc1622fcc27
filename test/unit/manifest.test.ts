import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The built manifests ask for exactly the permissions the README's "Permissions and where data
 * goes" table lists, per browser, and load no code from anywhere but the extension. Reads the
 * builds `npm test` makes before it runs the unit tests.
 */

type Browser = 'chrome' | 'firefox';
type Kind = 'permissions' | 'optional_permissions' | 'host_permissions';

function readmeTable(): { name: string; kind: 'api' | 'host'; chrome: string; firefox: string }[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Permissions and where data goes'));
  if (!section) throw new Error('README has no "Permissions and where data goes" section');
  const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| permission') && !l.startsWith('| ---'));
  return rows.map((row) => {
    const [first, chrome, firefox] = row.split('|').slice(1, 4).map((c) => c.trim());
    const m = /^(host )?`([^`]+)`$/.exec(first!);
    if (!m) throw new Error(`README permission row not understood: ${row}`);
    return { name: m[2]!, kind: m[1] ? 'host' : 'api', chrome: chrome!, firefox: firefox! };
  });
}

function expected(browser: Browser): Record<Kind, string[]> {
  const out: Record<Kind, string[]> = { permissions: [], optional_permissions: [], host_permissions: [] };
  for (const row of readmeTable()) {
    const level = row[browser];
    if (level === '—') continue;
    if (row.kind === 'host') {
      if (level !== 'required') throw new Error(`host permission ${row.name} must be required, not ${level}`);
      out.host_permissions.push(row.name);
    } else if (level === 'required') out.permissions.push(row.name);
    else if (level === 'optional') out.optional_permissions.push(row.name);
    else throw new Error(`README says ${row.name} is "${level}" in ${browser}; use required, optional or —`);
  }
  return out;
}

const BUILDS: Record<Browser, string> = { chrome: '.output/chrome-mv3', firefox: '.output/firefox-mv3' };

function manifest(browser: Browser): Record<string, unknown> {
  const file = path.join(BUILDS[browser], 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: build first (npm run build; npm run build:firefox)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesOf(full) : [full];
  });
}

describe.each(['chrome', 'firefox'] as const)('built %s manifest', (browser) => {
  it('requests exactly the permissions the README lists for it', () => {
    const m = manifest(browser);
    const want = expected(browser);
    for (const kind of ['permissions', 'optional_permissions', 'host_permissions'] as const) {
      expect([...((m[kind] as string[] | undefined) ?? [])].sort(), kind).toEqual([...want[kind]].sort());
    }
  });

  it('asks for no broad access and keeps a strict content security policy', () => {
    const m = manifest(browser);
    const all = JSON.stringify([m.permissions, m.optional_permissions, m.host_permissions, m.optional_host_permissions]);
    for (const broad of ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', 'tabs', 'webRequest', 'debugger', 'nativeMessaging']) {
      expect(all).not.toContain(`"${broad}"`);
    }
    expect(m.manifest_version).toBe(3);
    expect(m.content_security_policy).toEqual({ extension_pages: "script-src 'self'; object-src 'self'" });
    expect(m).not.toHaveProperty('externally_connectable');
    expect(m).not.toHaveProperty('web_accessible_resources');
    expect(m.content_scripts ?? []).toEqual([]); // the gate is injected into deal pages only, never declared broadly
  });

  it('loads no code from outside the extension', () => {
    for (const file of filesOf(BUILDS[browser])) {
      const text = readFileSync(file, 'utf8');
      if (file.endsWith('.html')) {
        const sources = [...text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/g)].map((x) => x[1]!);
        for (const src of sources) expect(src, `${file} loads ${src}`).toMatch(/^\/(?!\/)|^\.\.?\//);
      }
      if (file.endsWith('.js')) {
        expect(text, `${file} imports remote code`).not.toMatch(/\bimport\s*\(\s*["'`]https?:/);
        expect(text, `${file} imports remote code`).not.toMatch(/\bimportScripts\s*\(\s*["'`]https?:/);
      }
    }
  });
});
