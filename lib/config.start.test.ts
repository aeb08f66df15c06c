import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The real start path (`npm start` runs scripts/start.mjs): a wrong variable must stop it before
// the build, with one line on stderr and a non-zero exit code.
const root = path.resolve(import.meta.dirname, "..");

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe("npm start with a wrong variable", () => {
  it("stops with one line naming PORT", () => {
    const { status, stderr, stdout } = start({ PORT: "abc" });
    expect(status).not.toBe(0);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^Invalid configuration: PORT="abc" is not valid: expected a port number/);
    // Nothing was built or served.
    expect(stdout).toBe("");
  }, 60_000);

  it("stops with one line naming what to set when a database has no email transport", () => {
    const { status, stderr } = start({ DATABASE_URL: "postgres://127.0.0.1:1/none" });
    expect(status).not.toBe(0);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toContain("EMAIL_TRANSPORT=mailbox");
  }, 60_000);

  it("server.ts itself refuses too (started directly, as the production check does)", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: root,
      env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, PORT: "abc" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("PORT");
  }, 60_000);
});
