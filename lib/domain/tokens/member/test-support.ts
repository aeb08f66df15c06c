// Test-only helpers for the token *.db.test.ts files.
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { DbHandle } from "@/db/client";
import type { Organization } from "@/db/schema";
import { addTestMember, createTestOrg, giveSubscription } from "@/lib/domain/members/test-support";
import { createHotPath } from "@/lib/hot-path/handler";
import type { IntrospectionAuthenticator } from "@/lib/hot-path/introspection-auth";
import { UsageRecorder } from "@/lib/domain/tokens/check/usage";
import { TokenChecker } from "@/lib/domain/tokens/check/check-token";
import { nonPageHeaders } from "@/lib/http/security-headers";

export async function setSeat(org: Organization, userId: string, seated: boolean) {
  await db()
    .update(t.memberships)
    .set({ seatAssignedAt: seated ? new Date() : null })
    .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, userId)));
}

/** An org with an active subscription and one member holding a seat. */
export async function orgWithSeatedMember(name = "Tok") {
  const { org, admin } = await createTestOrg(name);
  const sub = await giveSubscription(org, 5);
  const member = await addTestMember(org, "member");
  await setSeat(org, member.userId, true);
  return { org, admin, member, sub };
}

/** The request id startHotPath's server gives every request (server.ts makes one per request). */
export const TEST_REQUEST_ID = "test-request-id";

export type TestHotPath = { url: string; checker: TokenChecker; usage: UsageRecorder; close(): Promise<void> };

/** The hot path on a real node:http server on a free loopback port, over the given database. */
export async function startHotPath(
  handle: DbHandle,
  opts: { channelsDir?: string; authenticateIntrospection?: IntrospectionAuthenticator } = {},
): Promise<TestHotPath> {
  const checker = await new TokenChecker(handle).start();
  const usage = new UsageRecorder(() => handle.db);
  const hotPath = createHotPath({
    checker,
    usage,
    channelsDir: opts.channelsDir ?? path.join(process.cwd(), "channels"),
    authenticateIntrospection: opts.authenticateIntrospection,
    answerHeaders: Object.entries(nonPageHeaders("http://localhost")).flat(),
  });
  const server = http.createServer((req, res) => {
    if (!hotPath(req, res, TEST_REQUEST_ID)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    checker,
    usage,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await usage.stop().catch(() => {});
      await checker.close();
    },
  };
}

/** A raw GET that sends the path exactly as written (fetch would normalise `..`). */
export function rawGet(base: string, rawPath: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(base);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: "GET", headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

export const check = (base: string, token: string, via: "bearer" | "uri" = "bearer") =>
  fetch(`${base}/api/tokens/check`, {
    headers: via === "bearer" ? { authorization: `Bearer ${token}` } : { "x-original-uri": `/t/${token}/sample/noarch/repodata.json` },
  });
