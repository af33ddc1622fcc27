import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The message format must not follow the storage format: nothing a message schema is built from
 * may come from lib/db, directly or through another module. Read from the sources, so it holds
 * for type-only imports too (which leave no trace at run time).
 */
const ROOT = path.resolve(__dirname, '../../..');
const IMPORT = /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;

/** The project file an import specifier names, or null for a package. */
function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (base === null) return null;
  const file = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => existsSync(f) && !f.endsWith(path.sep) && path.extname(f) !== '');
  if (!file) throw new Error(`${path.relative(ROOT, from)} imports ${specifier}, which the test cannot find`);
  return file;
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '').flatMap((s) => resolve(file, s) ?? []);
}

/** Every project file `entry` reaches through imports, with the chain that reaches it. */
function reach(entry: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const next of importsOf(file)) {
      if (chains.has(next)) continue;
      chains.set(next, [...(chains.get(file) ?? []), next]);
      queue.push(next);
    }
  }
  return chains;
}

const DB = path.join(ROOT, 'lib/db') + path.sep;

describe('the message format is independent of storage', () => {
  it.each(['lib/messaging/protocol.ts', 'lib/messaging/wire.ts', 'lib/gate/services.ts'])('%s reaches nothing in lib/db', (file) => {
    const intoDb = [...reach(path.join(ROOT, file)).values()].filter((chain) => chain.at(-1)?.startsWith(DB));
    expect(intoDb.map((chain) => chain.map((f) => path.relative(ROOT, f)).join(' → '))).toEqual([]);
  });

  it('sees an import of lib/db, so the check above can fail', () => {
    expect(importsOf(path.join(ROOT, 'lib/background/handlers.ts'))).toContain(path.join(ROOT, 'lib/db/index.ts'));
  });
});
