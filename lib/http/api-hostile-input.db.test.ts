import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as invitations from "@/app/api/organizations/[orgId]/invitations/route";
import * as serviceAccount from "@/app/api/organizations/[orgId]/service-accounts/[clientId]/route";
import * as serviceAccounts from "@/app/api/organizations/[orgId]/service-accounts/route";
import * as user from "@/app/api/organizations/[orgId]/users/[userId]/route";
import * as seats from "@/app/api/organizations/[orgId]/users/[userId]/seats/route";
import * as users from "@/app/api/organizations/[orgId]/users/route";
import * as revoke from "@/app/api/oauth/revoke/route";
import * as oauth from "@/app/api/oauth/token/route";
import { useTestDatabase } from "@/test/db";
import { createApiOrg } from "@/test/api";

useTestDatabase();

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const routes: Array<[string, Handler, string[]]> = [
  ["POST oauth/token", oauth.POST as Handler, []],
  ["POST oauth/revoke", revoke.POST as Handler, []],
  ["POST service-accounts", serviceAccounts.POST, ["orgId"]],
  ["GET service-accounts", serviceAccounts.GET, ["orgId"]],
  ["DELETE service-accounts/{clientId}", serviceAccount.DELETE, ["orgId", "clientId"]],
  ["POST users", users.POST, ["orgId"]],
  ["GET users", users.GET, ["orgId"]],
  ["DELETE users/{userId}", user.DELETE, ["orgId", "userId"]],
  ["POST users/{userId}/seats", seats.POST, ["orgId", "userId"]],
  ["DELETE users/{userId}/seats", seats.DELETE, ["orgId", "userId"]],
  ["GET invitations", invitations.GET, ["orgId"]],
];

const weirdString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "../../etc/passwd",
    "%00",
    "' OR 1=1 --",
    "\u202e",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "a".repeat(5000),
    "00000000-0000-0000-0000-000000000000",
  ),
);
const body = fc.oneof(
  fc.json({ maxDepth: 3 }),
  weirdString,
  fc.constantFrom("{", "[1,2", "null", "true", '{"name":{"$gt":""}}', '{"user_emails":"[a@x.io, b@y.io]"}', '{"email":123}'),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/x-www-form-urlencoded",
  "text/plain",
  "multipart/form-data; boundary=x",
  "",
);

describe("hostile input never gets a 5xx", () => {
  it("every route answers every generated request with a 2xx/4xx, errors as problem+json or OAuth JSON", async () => {
    const { org, adminToken } = await createApiOrg();
    for (const [name, handler, paramNames] of routes) {
      await fc.assert(
        fc.asyncProperty(
          body,
          contentType,
          fc.array(weirdString, { minLength: 2, maxLength: 2 }),
          fc.boolean(),
          fc.boolean(),
          async (raw, type, [p1, p2], realOrg, authed) => {
            const params: Record<string, string> = {};
            paramNames.forEach((p, i) => (params[p] = p === "orgId" && realOrg ? org.slug : i === 0 ? p1 : p2));
            const method = name.split(" ")[0];
            const headers: Record<string, string> = type ? { "content-type": type } : {};
            if (authed) headers.authorization = `Bearer ${adminToken}`;
            const init: RequestInit = { method, headers };
            if (method !== "GET") init.body = typeof raw === "string" ? raw : JSON.stringify(raw);
            const res = await handler(new Request("http://localhost/api/x", init), { params: Promise.resolve(params) });
            const text = await res.text();
            expect({ name, status: res.status < 500 }).toEqual({ name, status: true });
            if (res.status >= 400) {
              const ct = res.headers.get("content-type") ?? "";
              expect(ct.includes("application/problem+json") || (name.includes("oauth") && ct.includes("application/json"))).toBe(true);
              expect(text).not.toMatch(/at .+\.(ts|js):\d+/); // no stack traces
            }
          },
        ),
        { numRuns: 40 },
      );
    }
  }, 120_000);
});
