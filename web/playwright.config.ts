import { defineConfig } from '@playwright/test'

// Run by tests/integration/test_dashboard_e2e.py against a local stack it starts (DASHBOARD_URL),
// with Debian's chromium (no browser download): `make test` runs it.
export default defineConfig({
  testDir: './e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: process.env.DASHBOARD_URL ?? 'http://127.0.0.1:8000',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    },
    trace: 'retain-on-failure',
  },
})
