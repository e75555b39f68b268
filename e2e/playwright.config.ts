import { defineConfig } from "@playwright/test";
import { consoleUrl } from "./support/demo";

/** Debian's Chromium, kept off the network: no component updates, sync or QUIC probes from the browser itself. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-quic",
  "--no-first-run",
  "--disable-sync",
];

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  // Two cores are shared by the whole stack; journeys share demo users, so they run one at a time.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: consoleUrl(),
    headless: true,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.KT_CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
    viewport: { width: 1366, height: 900 },
    timezoneId: "Europe/Paris",
    locale: "en-US",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts$/ },
    { name: "journeys", testIgnore: /.*\.setup\.ts$/, dependencies: ["setup"] },
  ],
});
