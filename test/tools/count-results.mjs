// Prints "passed failed skipped" from a Vitest or Playwright JSON report; exits 1 if it cannot.
import { readFileSync } from 'node:fs';

const [runner, file] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  process.exit(1);
}
if (runner === 'vitest') {
  const { numPassedTests = 0, numFailedTests = 0, numPendingTests = 0, numTodoTests = 0 } = report;
  // A test file that fails to load has no tests in the counts: count it as a failure.
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults?.length === 0).length;
  console.log(numPassedTests, numFailedTests + brokenFiles, numPendingTests + numTodoTests);
} else if (runner === 'playwright') {
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
  const loadErrors = (report.errors ?? []).length;
  console.log(expected, unexpected + flaky + loadErrors, skipped);
} else {
  process.exit(1);
}
