// Browser tests: the release build in dist/, served locally, driven in
// Debian's Chromium. `cargo xtask test` builds dist/ first.
import { defineConfig } from '@playwright/test';

const port = 4173;
// FIRSTLINE_BASE_URL runs the tests against a server you started yourself
// (an older build, to compare figures); unset, they serve dist/ as CI does.
const external = process.env.FIRSTLINE_BASE_URL;

export default defineConfig({
  testDir: './tests',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    // The offline service worker (pwa/) would answer requests that tests
    // intercept with page.route; offline.spec.ts turns it back on.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: external ? undefined : {
    command: `node_modules/.bin/sirv dist --single --port ${port} --host 127.0.0.1 --quiet`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
