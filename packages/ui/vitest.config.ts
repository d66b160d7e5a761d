import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'ui',
    include: ['e2e/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The e2e tests start `make demo`, whose simulated Sparks take fixed loopback ports (as the server's
    // demo.test.ts does): run after the other projects, never beside them.
    sequence: { groupOrder: 1 },
  },
});
