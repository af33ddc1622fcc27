import { defineConfig } from '@playwright/test';

// Every test launches its own Chromium with the built extension (test/e2e/fixtures.ts), so the
// tests are independent; two workers match the two cores of the CI machine. Beside two busy-loop
// CPU hogs, one worker made no test faster (the suite's share of the CPU is what shrinks) and took
// twice as long overall.
//
// The limits are sized for a busy machine. With two CPU hogs beside the suite, an ordinary test
// took up to 15 s (about 6 s of it launching and closing Chromium) and one wait for a page load and
// a CRM read up to 4 s; the limits are about four times that, so a slower machine still fails on a
// fault, not on the clock. Tests that took longer mark themselves test.slow() (three times as long).
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: { trace: 'retain-on-failure' },
  outputDir: 'test-results/playwright',
});
