import { defineConfig } from 'vitest/config'

// One test command for the whole repository: unit tests beside the code (shared/, server/, client/)
// and end-to-end tests under tests/. Browser tests live in tests/browser and drive Debian's Chromium.
export default defineConfig({
  test: {
    include: ['{shared,server,client,templates,tests}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'client/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Server and browser tests start real processes and bind loopback ports; two cores do not
    // profit from more parallel files than this.
    maxWorkers: 2,
    // Builds client/dist once per run when it is stale; the browser tests load the production build.
    globalSetup: ['tests/browser/buildClient.ts'],
  },
})
