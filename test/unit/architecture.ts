/**
 * The checks behind architecture.test.ts, as pure functions of source files (path + text), so each
 * is also tested on small made-up trees. Imports are read with a regex: enough for this codebase's
 * `import … from '…'` / `export … from '…'` lines, which the typecheck keeps well-formed.
 */
import { posix } from 'node:path';

export interface SourceFile {
  path: string;
  text: string;
}

/** file → the files it imports, resolved within the given files. */
export type ImportGraph = Map<string, Set<string>>;

const IMPORT = /(?:^|\n)\s*(?:import|export)\s(type\s)?[^'"`;]*?from\s+['"]([^'"]+)['"]/g;

/** The import graph; with `values` only, `import type` lines are left out (they vanish at build). */
export function importGraph(files: readonly SourceFile[], { values = false } = {}): ImportGraph {
  const known = new Set(files.map((f) => f.path));
  const resolve = (from: string, spec: string): string | null => {
    let base: string;
    if (spec.startsWith('@/')) base = spec.slice(2);
    else if (spec.startsWith('.')) base = posix.normalize(posix.join(posix.dirname(from), spec));
    else return null;
    base = base.split('?')[0] ?? base;
    for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) if (known.has(base + ext)) return base + ext;
    return null;
  };
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const targets = new Set<string>();
    for (const match of file.text.matchAll(IMPORT)) {
      if (values && match[1] !== undefined) continue;
      const target = resolve(file.path, match[2] ?? '');
      if (target !== null) targets.add(target);
    }
    graph.set(file.path, targets);
  }
  return graph;
}

function reachable(graph: ImportGraph, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(graph.get(start) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(graph.get(next) ?? []));
  }
  return seen;
}

/** 'page', 'API', or null, for a file of lib/crms (a CRM's folder or shared/). */
function sideOf(path: string): 'page' | 'API' | null {
  const m = /^lib\/crms\/[^/]+\/(page|api)\//.exec(path);
  return m ? (m[1] === 'page' ? 'page' : 'API') : null;
}

function crmOf(path: string, crms: readonly string[]): string | null {
  const m = /^lib\/crms\/([^/]+)\//.exec(path);
  return m && crms.includes(m[1] as string) ? (m[1] as string) : null;
}

/**
 * Page code (lib/crms/<crm>/page, lib/crms/shared/page) that reaches API code (…/api) through its
 * imports, directly or not, and the reverse; and a CRM's code that reaches another CRM's.
 */
export function crmImportViolations(graph: ImportGraph, crms: readonly string[]): string[] {
  const out: string[] = [];
  for (const from of [...graph.keys()].sort()) {
    const side = sideOf(from);
    const crm = crmOf(from, crms);
    for (const to of [...reachable(graph, from)].sort()) {
      const toSide = sideOf(to);
      if (side !== null && toSide !== null && side !== toSide) out.push(`${from} (${side}) reaches ${to} (${toSide})`);
      const toCrm = crmOf(to, crms);
      if (crm !== null && toCrm !== null && crm !== toCrm) out.push(`${from} (CRM ${crm}) reaches ${to} (CRM ${toCrm})`);
    }
  }
  return out;
}

const SELECTOR_CALL = /\.(?:querySelector|querySelectorAll|closest|matches)\(\s*(['"`])(.*?)\1/g;

/** `file:line` of every literal selector passed to the DOM outside a CRM's page/selectors.ts ('*' is no host's markup). */
export function selectorViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    if (/^lib\/crms\/[^/]+\/page\/selectors\.ts$/.test(file.path)) continue;
    file.text.split('\n').forEach((line, i) => {
      for (const match of line.matchAll(SELECTOR_CALL)) {
        if (match[2] !== '*') {
          out.push(`${file.path}:${i + 1}`);
          break;
        }
      }
    });
  }
  return out;
}

/** `file:line` of every comparison with a CRM id (===, !==, case) outside the registry, lib/crms/index.ts. */
export function crmNameComparisons(files: readonly SourceFile[], crms: readonly string[]): string[] {
  const names = crms.map((c) => c.replace(/[^a-z0-9-]/gi, '')).join('|');
  const literal = `['"\`](?:${names})['"\`]`;
  const comparison = new RegExp(`(?:[!=]==?\\s*${literal})|(?:${literal}\\s*[!=]==?)|(?:\\bcase\\s+${literal})`);
  const out: string[] = [];
  for (const file of files) {
    if (file.path === 'lib/crms/index.ts') continue;
    file.text.split('\n').forEach((line, i) => {
      if (comparison.test(line)) out.push(`${file.path}:${i + 1}`);
    });
  }
  return out;
}

/**
 * The layer a file belongs to: lib/<folder>, components/<folder>, entrypoints/<name>; inside
 * lib/crms, each page/ and api/ folder is a layer of its own, and the rest (the registry, each
 * CRM's entry, URLs and server rule) is the layer lib/crms that every other layer may read.
 */
export function folderOf(path: string): string {
  const crmSide = /^(lib\/crms\/[^/]+\/(?:page|api))\//.exec(path);
  if (crmSide) return crmSide[1] as string;
  if (path.startsWith('lib/crms/')) return 'lib/crms';
  return path.split('/').slice(0, 2).join('/').replace(/\.tsx?$/, '');
}

/** Strongly connected components of more than one node (Tarjan), each sorted, the list sorted. */
function loops(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    order.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) as number, order.get(next) as number));
    }
    if (low.get(node) === order.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return found.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

/**
 * Import loops between files (value imports: `values` graph), and between folders (any import: a
 * folder importing one that imports it back, through any path).
 */
export function importCycles(graph: ImportGraph, values: ImportGraph): { files: string[][]; folders: string[][] } {
  const folders = new Map<string, Set<string>>();
  for (const [from, targets] of graph) {
    const a = folderOf(from);
    if (!folders.has(a)) folders.set(a, new Set());
    for (const to of targets) {
      const b = folderOf(to);
      if (a !== b) folders.get(a)?.add(b);
    }
  }
  return { files: loops(values), folders: loops(folders) };
}
