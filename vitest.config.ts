import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Removes each test file's temporary folders when it ends.
    setupFiles: ['tests/setup/remove-temp-dirs.ts'],
    // Build and browser tests run astro, nginx and chromium; one file at a time
    // keeps the 2-core machines responsive and the builds independent.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
