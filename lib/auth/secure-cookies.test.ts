import { afterEach, describe, expect, it, vi } from "vitest";
import { resetConfig } from "@/lib/config";

const saved = { APP_URL: process.env.APP_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL, AUTH_SECRET: process.env.AUTH_SECRET };

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetConfig();
  vi.resetModules();
});

async function optionsWith(env: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.env.AUTH_SECRET ??= "a-test-secret-of-enough-length";
  resetConfig();
  vi.resetModules();
  return (await import("./options")).authOptions;
}

describe("session cookies", { timeout: 60_000 }, () => {
  it("are Secure with the __Secure- prefix when APP_URL is https, even without NEXTAUTH_URL", async () => {
    expect((await optionsWith({ APP_URL: "https://portal.example.com", NEXTAUTH_URL: undefined })).useSecureCookies).toBe(true);
  });

  it("follow APP_URL, not an internal http NEXTAUTH_URL", async () => {
    expect((await optionsWith({ APP_URL: "https://portal.example.com", NEXTAUTH_URL: "http://10.0.0.5:3000" })).useSecureCookies).toBe(
      true,
    );
  });

  it("are not Secure on plain http (local use; browsers would drop them)", async () => {
    expect((await optionsWith({ APP_URL: "http://localhost:3000", NEXTAUTH_URL: undefined })).useSecureCookies).toBe(false);
  });
});
