// End-to-end tests in Debian's Chromium against web mode (built app, real backend, temp database per test).
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1360, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  // Every spec in a German browser; what reads typed numbers and dates again in a US-English one, since
  // the app's language, never the browser's locale, must decide how "1.250" and "01.12.2026" are read.
  projects: [
    { name: 'de-DE', use: { locale: 'de-DE' } },
    { name: 'en-US', use: { locale: 'en-US' }, testMatch: /(money-input|german-input)\.spec\.ts$/ },
  ],
})
