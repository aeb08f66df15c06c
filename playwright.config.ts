import { defineConfig, devices } from "@playwright/test";

const PORT = 3100;
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium, never a downloaded browser (`playwright install` is not used here).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["./test/playwright-summary.ts"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    // The already-built app on a fresh embedded database; start.mjs migrates, then serves.
    command: "rm -rf .data/e2e .data/e2e.lock && node scripts/start.mjs",
    url: `${baseURL}/api/health`,
    env: {
      PORT: String(PORT),
      APP_URL: baseURL,
      NEXTAUTH_URL: baseURL,
      AUTH_SECRET: "e2e-secret",
      PGLITE_DIR: ".data/e2e",
      // Always the embedded database and the local mailbox, whatever the shell has set.
      DATABASE_URL: "",
      RESEND_API_KEY: "",
    },
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
