import { configDefaults, defineConfig } from 'vitest/config';
import { shippedScenarios } from './src/cli/shipped-scenarios.ts';

/** The tests that drive Chromium (playwright-core): their own project. */
const BROWSER_TESTS = ['test/e2e/**/*.test.ts', 'test/browser/**/*.test.ts'];

export default defineConfig({
  server: { host: '127.0.0.1' },
  // The shipped scenarios, checked at build time and served as JSON (src/cli/shipped-scenarios.ts).
  plugins: [shippedScenarios()],
  test: {
    environment: 'node',
    pool: 'threads',
    // `npm test` runs both projects; `npm run test:unit` only the first, which needs no browser.
    // The timeouts are explicit and generous: on a busy machine (CI, or 2 cores shared) a test that
    // takes 1 s alone can take 10, and vitest's default 5 s failed such tests (issue 8).
    projects: [
      {
        extends: true,
        // Both cores for the Node tests; they run first, the browser tests after them (groupOrder).
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...BROWSER_TESTS], testTimeout: 120_000, hookTimeout: 120_000, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        // Chromium (playwright-core) on the app built once (test/browser/built-app.ts); the map and plot labs on
        // Vite's dev server. Seconds to start, a frame 100–300 ms in software WebGL.
        extends: true,
        // One file at a time: the drills run at 60× room time, and two Chromiums on 2 cores miss its deadlines.
        test: { name: 'browser', include: BROWSER_TESTS, globalSetup: ['test/browser/built-app.ts'], testTimeout: 180_000, hookTimeout: 300_000, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
