import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db, t } from "@/db";
import { resetConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { useTestDatabase } from "@/test/db";
import { clientIp, PEER_ADDRESS_HEADER, stampPeerAddress } from "./client-ip";

// Sign-in attempts over real HTTP: the listener does what server.ts does before Next sees a
// request (stamp the peer), then what the sign-in does (clientIp, then the login limiter).
useTestDatabase();

const IP_LIMIT = 50; // failed sign-ins per address per hour (lib/auth/login-limiter.ts)

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    stampPeerAddress(req);
    const ip = clientIp(req.headers);
    const email = String(req.headers["x-test-email"]);
    verifyCredentials({ email, password: "wrong password 123" }, { ip })
      .then(() => res.writeHead(200).end())
      .catch((err: unknown) => {
        const status = err instanceof AppError && err.code === "rate_limited" ? 429 : err instanceof AppError ? 401 : 500;
        res.writeHead(status, { "x-seen-ip": ip ?? "none" }).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

let n = 0;
async function signIn(headers: Record<string, string>) {
  // A new email each time, so only the per-address limit can refuse.
  const res = await fetch(base, { headers: { "x-test-email": `spoof-${n++}@example.com`, ...headers } });
  return { status: res.status, ip: res.headers.get("x-seen-ip") };
}

beforeEach(async () => {
  await db().delete(t.rateLimits);
  resetConfig();
});
afterEach(() => {
  vi.unstubAllEnvs();
  resetConfig();
});

describe("client address for rate limits", () => {
  it("a caller that is not a trusted proxy cannot escape the per-address limit by forging X-Forwarded-For", async () => {
    for (let i = 0; i < IP_LIMIT; i++) {
      const r = await signIn({ "x-forwarded-for": `203.0.113.${i}`, [PEER_ADDRESS_HEADER]: `198.51.100.${i}` });
      expect(r).toEqual({ status: 401, ip: "127.0.0.1" });
    }
    expect(await signIn({ "x-forwarded-for": "192.0.2.200", "x-real-ip": "192.0.2.201" })).toEqual({ status: 429, ip: "127.0.0.1" });
  });

  it("behind a trusted proxy, the address the proxy appended is the client, and forged hops left of it are not", async () => {
    vi.stubEnv("TRUSTED_PROXIES", "127.0.0.1");
    for (let i = 0; i < IP_LIMIT; i++) {
      expect(await signIn({ "x-forwarded-for": `203.0.113.${i}, 198.51.100.9` })).toEqual({ status: 401, ip: "198.51.100.9" });
    }
    expect((await signIn({ "x-forwarded-for": "198.51.100.9" })).status).toBe(429);
    // Another client behind the same proxy has its own count.
    expect(await signIn({ "x-forwarded-for": "198.51.100.10" })).toEqual({ status: 401, ip: "198.51.100.10" });
  });
});
