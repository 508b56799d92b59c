// End-to-end tests: the built client (dist/, made by `vite build` before this
// runs) served by the real game server on its own port, played in Debian's
// headless Chromium with WebGL through SwiftShader.

import { defineConfig, devices } from "@playwright/test";

/** The game server's port for the run; `PORT=3201 npx playwright test` keeps parallel runs apart. */
const PORT = Number(process.env.PORT ?? 2599);
/** Set to test a server that is already running (skips starting one). */
const external = process.env.E2E_BASE_URL;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  // One server on a shared machine: keep the specs in sequence.
  workers: 1,
  fullyParallel: false,
  // Generous: a 2-core CI machine under load renders SwiftShader WebGL slowly.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL: external ?? `http://localhost:${PORT}`,
    viewport: { width: 1600, height: 900 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      // Without these, Chromium keeps trying hosts it cannot reach; SwiftShader gives WebGL headless.
      args: ["--no-sandbox", "--use-angle=swiftshader", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: external
    ? undefined
    : {
        command: "node_modules/.bin/node server/index.ts",
        env: { PORT: String(PORT), POD_PILOT_DB: ":memory:" },
        url: `http://localhost:${PORT}/`,
        reuseExistingServer: false,
        // Generous: a 2-core CI machine under load renders SwiftShader WebGL slowly.
  timeout: 120_000,
        stdout: "pipe",
        stderr: "pipe",
      },
});
