import { defineConfig } from '@playwright/test';

// Every test launches its own Chromium with the built extension (test/e2e/fixtures.ts), so the
// tests are independent; two workers match the two cores of the CI machine.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: { trace: 'retain-on-failure' },
  outputDir: 'test-results/playwright',
});
