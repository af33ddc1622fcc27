import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Property and fuzz tests do a fixed amount of work (thousands of runs) that takes 1–3 s on an
    // idle 2-core machine and over 5 s (Vitest's default limit) on a busy one: the limit is there to
    // catch a hang, so it is sized for a machine many times slower than an idle one.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ['test/unit/setup.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
