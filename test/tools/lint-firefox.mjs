// Runs Mozilla's add-on linter (web-ext lint) on the Firefox build and fails on any error.
// Warnings are printed, not fatal: the ones left come from library code (zod's eval probe, which
// `jitless` never calls; React DOM / Preact innerHTML, which Baton never uses).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const dir = '.output/firefox-mv3';
if (!existsSync(`${dir}/manifest.json`)) {
  console.error(`lint-firefox: ${dir} is not built; run "npm run build:firefox" first.`);
  process.exit(1);
}
let out;
try {
  out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
} catch (error) {
  out = error.stdout; // web-ext exits non-zero when it finds errors; the JSON is still on stdout
}
const report = JSON.parse(out);
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const m of report[kind]) console.log(`  ${kind.slice(0, -1)} ${m.code} ${m.file ?? ''}: ${m.message}`);
}
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors === 0 ? 0 : 1);
