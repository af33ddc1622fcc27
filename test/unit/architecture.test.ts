/**
 * The layout's rules, checked on the source itself (README, "Architecture"): one home per CRM with
 * one shape, page code and API code kept apart, selectors only in a CRM's selectors file, CRM names
 * compared only in the registry, and no import loops.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRM_IDS } from '@/lib/domain/crmIds';
import { CRMS } from '@/lib/crms';
import { crmImportViolations, folderOf, importCycles, importGraph, selectorViolations, crmNameComparisons, type SourceFile } from './architecture';

const ROOT = join(__dirname, '../..');

function sources(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(ROOT, rel))) {
      const path = posix.join(rel, name);
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) out.push({ path, text: readFileSync(join(ROOT, path), 'utf8') });
    }
  };
  walk(dir);
  return out;
}

const LIB = sources('lib');
const ALL = [...LIB, ...sources('components'), ...sources('entrypoints')];

/** The parts every CRM's folder has (README, "Adding a CRM"). */
const CRM_SHAPE = [
  'entry.ts',
  'urls.ts',
  'serverRule.ts',
  'page/selectors.ts',
  'page/intents.ts',
  'page/reading.ts',
  'page/adapter.ts',
  'api/client.ts',
  'api/records.ts',
  'api/team.ts',
  'api/schemas.ts',
  'api/backend.ts',
];

describe('one home per CRM', () => {
  const folders = readdirSync(join(ROOT, 'lib/crms')).filter((name) => name !== 'shared' && statSync(join(ROOT, 'lib/crms', name)).isDirectory());

  it('every folder of lib/crms is a known CRM, and every known CRM has a folder, a registry entry and a gate entrypoint', () => {
    expect([...folders].sort()).toEqual([...CRM_IDS].sort());
    for (const id of CRM_IDS) {
      expect(CRMS[id].id).toBe(id);
      expect(existsSync(join(ROOT, `entrypoints/${id}-gate.content/index.tsx`)), `entrypoints/${id}-gate.content/index.tsx`).toBe(true);
      expect(CRMS[id].gateScript).toBe(`/content-scripts/${id}-gate.js`);
    }
  });

  it.each(CRM_IDS)('lib/crms/%s has every part of the shape', (id) => {
    const missing = CRM_SHAPE.filter((part) => !existsSync(join(ROOT, 'lib/crms', id, part)));
    expect(missing).toEqual([]);
  });
});

describe('boundaries', () => {
  const graph = importGraph(ALL);

  it('page code never reaches API code, API code never reaches page code, and no CRM reaches another CRM', () => {
    expect(crmImportViolations(graph, CRM_IDS)).toEqual([]);
  });

  it('no selector string outside a CRM’s page/selectors.ts (CRM-facing code: lib/ and entrypoints/)', () => {
    expect(selectorViolations(ALL.filter((f) => !f.path.startsWith('components/')))).toEqual([]);
  });

  it('no CRM name is compared outside the registry', () => {
    expect(crmNameComparisons(ALL, CRM_IDS)).toEqual([]);
  });

  it('no import loops, between files or between folders', () => {
    expect(importCycles(graph, importGraph(ALL, { values: true }))).toEqual({ files: [], folders: [] });
  });

  it('the pure core (lib/domain, lib/rules) imports nothing from the edges', () => {
    const core = LIB.filter((f) => /^lib\/(domain|rules)\//.test(f.path));
    const outward = core.flatMap((f) => [...(graph.get(f.path) ?? [])].filter((to) => !/^lib\/(domain|rules)\/|^lib\/zod\.ts$/.test(to)).map((to) => `${f.path} → ${to}`));
    expect(outward).toEqual([]);
  });
});

describe('the checks themselves', () => {
  // Each rule fails on the mistake it names: small made-up trees, not the real one.
  const tree = (files: Record<string, string>): SourceFile[] => Object.entries(files).map(([path, text]) => ({ path, text }));

  it('a page file importing an API file (directly or through another file) is reported', () => {
    const graph = importGraph(
      tree({
        'lib/crms/acme/page/adapter.ts': "import { x } from './helper';",
        'lib/crms/acme/page/helper.ts': "import { client } from '@/lib/crms/acme/api/client';",
        'lib/crms/acme/api/client.ts': 'export const client = 1;',
        'lib/crms/acme/api/backend.ts': "import type { Reading } from '../page/reading';",
        'lib/crms/acme/page/reading.ts': 'export type Reading = 1;',
      }),
    );
    expect(crmImportViolations(graph, ['acme'])).toEqual([
      'lib/crms/acme/api/backend.ts (API) reaches lib/crms/acme/page/reading.ts (page)',
      'lib/crms/acme/page/adapter.ts (page) reaches lib/crms/acme/api/client.ts (API)',
      'lib/crms/acme/page/helper.ts (page) reaches lib/crms/acme/api/client.ts (API)',
    ]);
  });

  it('one CRM importing another is reported', () => {
    const graph = importGraph(tree({ 'lib/crms/a/urls.ts': "import { y } from '@/lib/crms/b/urls';", 'lib/crms/b/urls.ts': 'export const y = 1;' }));
    expect(crmImportViolations(graph, ['a', 'b'])).toEqual(['lib/crms/a/urls.ts (CRM a) reaches lib/crms/b/urls.ts (CRM b)']);
  });

  it('a selector string in an adapter is reported; in selectors.ts it is not', () => {
    const files = tree({
      'lib/crms/acme/page/adapter.ts': "const x = document.querySelector('[data-test-id=\"card\"]');\nel.closest(`.row`);\nnode.querySelectorAll('*');",
      'lib/crms/acme/page/selectors.ts': "export const CARD = ['[data-test-id=\"card\"]'];\nel.matches('.x');",
    });
    expect(selectorViolations(files)).toEqual(['lib/crms/acme/page/adapter.ts:1', 'lib/crms/acme/page/adapter.ts:2']);
  });

  it('a CRM name compared outside the registry is reported', () => {
    const files = tree({
      'lib/background/x.ts': "if (crm === 'acme') go();\nconst y = 'beta' !== crm;\nswitch (crm) { case 'acme': }\nconst ref = { crm: 'acme' };",
      'lib/crms/index.ts': "if (crm === 'acme') go();",
    });
    expect(crmNameComparisons(files, ['acme', 'beta'])).toEqual(['lib/background/x.ts:1', 'lib/background/x.ts:2', 'lib/background/x.ts:3']);
  });

  it('a loop between two files, and between two folders, is reported', () => {
    const files = tree({
      'lib/a/one.ts': "import { two } from '../b/two';",
      'lib/b/two.ts': "import { three } from './three';",
      'lib/b/three.ts': "import type { One } from '../a/one';",
      'lib/c/x.ts': "import { y } from './y';",
      'lib/c/y.ts': "import { x } from './x';",
    });
    // The type-only import makes a/one → b/two → b/three → a/one no loop at run time, but a loop of folders.
    expect(importCycles(importGraph(files), importGraph(files, { values: true }))).toEqual({ files: [['lib/c/x.ts', 'lib/c/y.ts']], folders: [['lib/a', 'lib/b']] });
  });

  it('each CRM’s page/ and api/ are layers of their own; the rest of lib/crms is the registry’s layer', () => {
    expect(['lib/crms/index.ts', 'lib/crms/acme/urls.ts', 'lib/crms/acme/entry.ts', 'lib/crms/shared/wholeValue.ts'].map(folderOf)).toEqual(['lib/crms', 'lib/crms', 'lib/crms', 'lib/crms']);
    expect(['lib/crms/acme/page/adapter.ts', 'lib/crms/shared/api/http.ts', 'lib/gate/store.ts', 'components/ui/TextField.tsx'].map(folderOf)).toEqual([
      'lib/crms/acme/page',
      'lib/crms/shared/api',
      'lib/gate',
      'components/ui',
    ]);
  });
});
