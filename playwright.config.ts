import { defineConfig, devices } from "@playwright/test";
import { DEMO_PORT, E2E_INSTANCE_ADMINS, E2E_MAILBOX_TOKEN, E2E_METRICS_TOKEN, E2E_PORT } from "./e2e/ports";

const PORT = E2E_PORT;
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium, never a downloaded browser (`playwright install` is not used here).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  // The flows sign people up and read their email; on a busy two-core CI machine a long one takes
  // a minute, so the limit leaves room for that rather than failing on load.
  timeout: 90_000,
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
  webServer: [
    {
      // The already-built app on a fresh embedded database; start.mjs migrates, then serves.
      command: "rm -rf .data/e2e .data/e2e.lock && node scripts/start.mjs",
      url: `${baseURL}/api/health`,
      env: serverEnv(PORT, ".data/e2e"),
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: "ignore", // the servers log a JSON line per request
      stderr: "pipe",
    },
    {
      // `npm run demo` on its own fresh folder, for e2e/demo.spec.ts.
      command: "rm -rf .data/e2e-demo .data/e2e-demo.lock && node scripts/demo.mjs",
      url: `http://127.0.0.1:${DEMO_PORT}/api/health`,
      env: serverEnv(DEMO_PORT, ".data/e2e-demo"),
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: "ignore", // the servers log a JSON line per request
      stderr: "pipe",
    },
  ],
});

function serverEnv(port: number, pgliteDir: string) {
  const url = `http://127.0.0.1:${port}`;
  return {
    PORT: String(port),
    APP_URL: url,
    NEXTAUTH_URL: url,
    AUTH_SECRET: "e2e-secret-not-for-production",
    // The suite signs up and creates orgs from one address far more than a person would.
    SIGN_UP_LIMIT_PER_HOUR: "100000",
    ORG_CREATION_LIMIT_PER_HOUR: "100000",
    INVITATION_LIMIT_PER_HOUR: "100000",
    METRICS_TOKEN: E2E_METRICS_TOKEN,
    MAILBOX_TOKEN: E2E_MAILBOX_TOKEN,
    INSTANCE_ADMINS: E2E_INSTANCE_ADMINS.join(","),
    PGLITE_DIR: pgliteDir,
    // npm test builds once before Playwright starts both servers from that build.
    SKIP_BUILD: "1",
    // Always the embedded database and the local mailbox, whatever the shell has set.
    DATABASE_URL: "",
    RESEND_API_KEY: "",
    // The webhooks spec delivers to a receiver it starts on 127.0.0.1.
    WEBHOOKS_ALLOW_PRIVATE: "1",
    // The SSO spec signs in through an OpenID Provider it starts on http://127.0.0.1.
    OIDC_ALLOW_HTTP_ISSUERS: "1",
    // The domains spec answers the verification TXT record from a dns2 server it starts there.
    DNS_SERVERS: "127.0.0.1:5391",
  };
}
