import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'startos',
    include: ['**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    exclude: ['node_modules/**', 'javascript/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
