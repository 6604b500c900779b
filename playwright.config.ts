// End-to-end tests against the production build served by `vite preview`, in headless Chromium.
// The API under test is whatever the build's VITE_SUPABASE_URL points at (npm test builds against its own stack).
import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { storageStateFor } from "./e2e/accounts";

const APP_PORT = Number(process.env.APP_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${APP_PORT}`;
const outDir = process.env.E2E_DIST ?? "dist";

// The system Chromium when the machine has one (Debian package `chromium`), otherwise Playwright's own.
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const launchOptions = {
  ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
};

const ROLES = ["org_admin", "committee_admin", "leader"] as const;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // One browser at a time: on a two-core machine two of them (with the stack and the preview server) starve each
  // other, and a page that takes 2 s alone takes 20 s, well past the waits; the suite takes as long either way.
  workers: 1,
  // One retry in CI, where a red run blocks everything; a test that needed it is reported as flaky, not hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  // Generous: CI machines have two cores, and a list waits on its count query.
  expect: { timeout: 20_000 },
  forbidOnly: true,
  reporter: "list",
  // Per port: several checkouts' runs can share this directory without deleting each other's traces.
  outputDir: `test-results/app-${APP_PORT}`,
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions,
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { ...devices["Desktop Chrome"], launchOptions } },
    // Specs named <role>.*.spec.ts start signed in as that role; the others sign in themselves.
    ...ROLES.map((role) => ({
      name: role,
      testMatch: new RegExp(`${role}\\..*\\.spec\\.ts`),
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions, storageState: storageStateFor(role) },
    })),
    { name: "signed-out", testIgnore: [/auth\.setup\.ts/, ...ROLES.map((role) => new RegExp(`${role}\\.`))], use: { ...devices["Desktop Chrome"], launchOptions } },
  ],
  webServer: {
    command: `npx vite preview --port ${APP_PORT} --strictPort --host 127.0.0.1 --outDir ${outDir}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
