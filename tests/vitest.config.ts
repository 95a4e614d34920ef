// Test suites: unit (pure domain code), lint (layering), integration (real files, real processes)
// and e2e (the built renderer in Debian's Chromium). `npm test` builds first, so e2e sees the
// current bundle.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'lint', include: ['tests/lint/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A page on a loaded two-core machine may take seconds to show what a poll waits for;
          // a wait still fails when the behaviour never comes.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
