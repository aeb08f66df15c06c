import { defineConfig } from "@playwright/test";

// The production check (scripts/e2e-prod.sh starts the servers and nginx, then runs this).
export default defineConfig({
  testDir: "e2e-prod",
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [["list"], ["./test/playwright-summary.ts"]],
  use: {
    baseURL: process.env.PROD_BASE_URL ?? "http://127.0.0.1:3280",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
});
