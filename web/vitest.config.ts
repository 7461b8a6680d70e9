// Tests of the web app, run by the root `npm test` through `npm run test:web`:
// unit tests beside the code (src/**) and the browser flows (e2e/**) against the real server.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
