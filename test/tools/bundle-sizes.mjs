// Prints the raw and gzip size of every file in the built extensions (run after the builds).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const target of ['chrome-mv3', 'firefox-mv3']) {
  const root = path.join('.output', target);
  let files;
  try {
    files = readdirSync(root, { recursive: true }).map(String).filter((f) => statSync(path.join(root, f)).isFile());
  } catch {
    console.log(`${target}: not built`);
    continue;
  }
  console.log(target);
  let raw = 0;
  let gz = 0;
  for (const file of files.sort()) {
    const bytes = readFileSync(path.join(root, file));
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += zipped;
    console.log(`  ${file.padEnd(44)} ${kb(bytes.length).padStart(10)} ${kb(zipped).padStart(10)} gzip`);
  }
  console.log(`  ${'total'.padEnd(44)} ${kb(raw).padStart(10)} ${kb(gz).padStart(10)} gzip`);
}
