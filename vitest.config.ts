// One vitest config for the whole workspace: tests run against sources through the
// "@kommunrapport/source" export condition, so no build is needed to test a package.
// test/ at the root holds the tests across packages (architecture, generated files).
import { defineConfig } from 'vitest/config';
import { defaultClientConditions, defaultServerConditions } from 'vite';

const reporters: any[] = ['default'];
if (process.env.CI || process.env.KOMMUNRAPPORT_TEST_REPORT) {
  reporters.push(['json', { outputFile: process.env.KOMMUNRAPPORT_TEST_REPORT ?? '.test-report.json' }]);
}

export default defineConfig({
  resolve: { conditions: ['@kommunrapport/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@kommunrapport/source', ...defaultServerConditions] } },
  test: {
    include: ['{packages,plugins,tools}/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters,
    pool: 'forks',
  },
});
