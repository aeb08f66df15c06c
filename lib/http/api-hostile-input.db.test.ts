import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as invitations from "@/app/api/organizations/[orgId]/invitations/route";
import * as serviceAccount from "@/app/api/organizations/[orgId]/service-accounts/[clientId]/route";
import * as serviceAccounts from "@/app/api/organizations/[orgId]/service-accounts/route";
import * as user from "@/app/api/organizations/[orgId]/users/[userId]/route";
import * as seats from "@/app/api/organizations/[orgId]/users/[userId]/seats/route";
import * as users from "@/app/api/organizations/[orgId]/users/route";
import * as channels from "@/app/api/organizations/[orgId]/channels/route";
import * as channel from "@/app/api/organizations/[orgId]/channels/[channel]/route";
import * as packages from "@/app/api/organizations/[orgId]/channels/[channel]/packages/route";
import * as packageFile from "@/app/api/organizations/[orgId]/channels/[channel]/packages/[subdir]/[filename]/route";
import * as groups from "@/app/api/organizations/[orgId]/groups/route";
import * as group from "@/app/api/organizations/[orgId]/groups/[groupId]/route";
import * as groupMembers from "@/app/api/organizations/[orgId]/groups/[groupId]/members/route";
import * as sso from "@/app/api/organizations/[orgId]/sso/route";
import * as domains from "@/app/api/organizations/[orgId]/domains/route";
import * as domain from "@/app/api/organizations/[orgId]/domains/[domain]/route";
import * as domainVerify from "@/app/api/organizations/[orgId]/domains/[domain]/verify/route";
import * as webhooks from "@/app/api/organizations/[orgId]/webhooks/route";
import * as webhook from "@/app/api/organizations/[orgId]/webhooks/[webhookId]/route";
import * as webhookDeliveries from "@/app/api/organizations/[orgId]/webhooks/[webhookId]/deliveries/route";
import * as webhookTest from "@/app/api/organizations/[orgId]/webhooks/[webhookId]/test/route";
import * as webhookRedeliver from "@/app/api/organizations/[orgId]/webhooks/[webhookId]/deliveries/[deliveryId]/redeliver/route";
import * as revoke from "@/app/api/oauth/revoke/route";
import * as oauth from "@/app/api/oauth/token/route";
import * as iam from "@/app/api/iam/token/route";
import * as v1ServiceAccount from "@/app/api/v1/organizations/[org_id]/service-accounts/[client_id]/route";
import * as v1ServiceAccounts from "@/app/api/v1/organizations/[org_id]/service-accounts/route";
import * as v1Onboarding from "@/app/api/v1/organizations/[org_id]/users_auto_registration/route";
import * as v1User from "@/app/api/v1/organizations/[org_id]/users/[user_id]/route";
import * as v1Seats from "@/app/api/v1/organizations/[org_id]/users/[user_id]/seats/route";
import * as v1Token from "@/app/api/v1/organizations/[org_id]/users/[user_id]/token/route";
import * as v1Tokens from "@/app/api/v1/organizations/[org_id]/users/[user_id]/tokens/route";
import * as v1OneToken from "@/app/api/v1/organizations/[org_id]/users/[user_id]/tokens/[token_id]/route";
import * as v1Users from "@/app/api/v1/organizations/[org_id]/users/route";
import { useTestDatabase } from "@/test/db";
import { createApiOrg } from "@/test/api";
import { scimOrg, scimRoutes } from "@/lib/domain/scim/test-support";

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
  ["POST invitations", invitations.POST, ["orgId"]],
  ["GET channels", channels.GET, ["orgId"]],
  ["POST channels", channels.POST, ["orgId"]],
  ["GET channels/{channel}", channel.GET, ["orgId", "channel"]],
  ["PATCH channels/{channel}", channel.PATCH, ["orgId", "channel"]],
  ["DELETE channels/{channel}", channel.DELETE, ["orgId", "channel"]],
  ["GET channels/{channel}/packages", packages.GET, ["orgId", "channel"]],
  ["PUT channels/{channel}/packages/{subdir}/{filename}", packageFile.PUT, ["orgId", "channel", "subdir", "filename"]],
  ["DELETE channels/{channel}/packages/{subdir}/{filename}", packageFile.DELETE, ["orgId", "channel", "subdir", "filename"]],
  ["GET groups", groups.GET, ["orgId"]],
  ["POST groups", groups.POST, ["orgId"]],
  ["GET groups/{groupId}", group.GET, ["orgId", "groupId"]],
  ["PATCH groups/{groupId}", group.PATCH, ["orgId", "groupId"]],
  ["DELETE groups/{groupId}", group.DELETE, ["orgId", "groupId"]],
  ["GET groups/{groupId}/members", groupMembers.GET, ["orgId", "groupId"]],
  ["POST groups/{groupId}/members", groupMembers.POST, ["orgId", "groupId"]],
  ["DELETE groups/{groupId}/members", groupMembers.DELETE, ["orgId", "groupId"]],
  ["GET sso", sso.GET, ["orgId"]],
  ["PUT sso", sso.PUT, ["orgId"]],
  ["DELETE sso", sso.DELETE, ["orgId"]],
  ["GET domains", domains.GET, ["orgId"]],
  ["POST domains", domains.POST, ["orgId"]],
  ["DELETE domains/{domain}", domain.DELETE, ["orgId", "domain"]],
  ["POST domains/{domain}/verify", domainVerify.POST, ["orgId", "domain"]],
  ["GET webhooks", webhooks.GET, ["orgId"]],
  ["POST webhooks", webhooks.POST, ["orgId"]],
  ["GET webhooks/{webhookId}", webhook.GET, ["orgId", "webhookId"]],
  ["PATCH webhooks/{webhookId}", webhook.PATCH, ["orgId", "webhookId"]],
  ["DELETE webhooks/{webhookId}", webhook.DELETE, ["orgId", "webhookId"]],
  ["GET webhooks/{webhookId}/deliveries", webhookDeliveries.GET, ["orgId", "webhookId"]],
  ["POST webhooks/{webhookId}/test", webhookTest.POST, ["orgId", "webhookId"]],
  ["POST webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", webhookRedeliver.POST, ["orgId", "webhookId", "deliveryId"]],
  ["POST iam/token", iam.POST as Handler, []],
  ["v1 POST service-accounts", v1ServiceAccounts.POST, ["org_id"]],
  ["v1 GET service-accounts", v1ServiceAccounts.GET, ["org_id"]],
  ["v1 DELETE service-accounts/{client_id}", v1ServiceAccount.DELETE, ["org_id", "client_id"]],
  ["v1 POST users_auto_registration", v1Onboarding.POST, ["org_id"]],
  ["v1 POST users", v1Users.POST, ["org_id"]],
  ["v1 GET users", v1Users.GET, ["org_id"]],
  ["v1 DELETE users/{user_id}", v1User.DELETE, ["org_id", "user_id"]],
  ["v1 POST users/{user_id}/seats", v1Seats.POST, ["org_id", "user_id"]],
  ["v1 DELETE users/{user_id}/seats", v1Seats.DELETE, ["org_id", "user_id"]],
  ["v1 POST users/{user_id}/token", v1Token.POST, ["org_id", "user_id"]],
  ["v1 PATCH users/{user_id}/token", v1Token.PATCH, ["org_id", "user_id"]],
  ["v1 GET users/{user_id}/tokens", v1Tokens.GET, ["org_id", "user_id"]],
  ["v1 DELETE users/{user_id}/tokens/{token_id}", v1OneToken.DELETE, ["org_id", "user_id"]],
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
            paramNames.forEach((p, i) => (params[p] = (p === "orgId" || p === "org_id") && realOrg ? org.slug : i === 0 ? p1 : p2));
            // v1's token id: the second generated string too (a user id and a token id that may both be anything).
            if (name.endsWith("{token_id}")) params.token_id = p2;
            const method = name.split(" ")[0];
            const headers: Record<string, string> = type ? { "content-type": type } : {};
            if (authed) headers.authorization = `Bearer ${adminToken}`;
            const init: RequestInit = { method, headers };
            if (method !== "GET") init.body = typeof raw === "string" ? raw : JSON.stringify(raw);
            const query = name.includes("v1")
              ? `?include_groups=${encodeURIComponent(p1)}&send_seat_assigned_email=${encodeURIComponent(p2)}`
              : "";
            const res = await handler(new Request(`http://localhost/api/x${query}`, init), { params: Promise.resolve(params) });
            const text = await res.text();
            expect({ name, status: res.status < 500 }).toEqual({ name, status: true });
            if (res.status >= 400) {
              const ct = res.headers.get("content-type") ?? "";
              // The token endpoints answer OAuth JSON; v1 answers {"error": ...} or {"detail": [...]}.
              if (name.startsWith("v1")) expect(Object.keys(JSON.parse(text))).toEqual([res.status === 422 ? "detail" : "error"]);
              const json = name.includes("oauth") || name.includes("iam") || name.startsWith("v1");
              expect(ct.includes("application/problem+json") || (json && ct.includes("application/json"))).toBe(true);
              expect(text).not.toMatch(/at .+\.(ts|js):\d+/); // no stack traces
            }
          },
        ),
        { numRuns: 40 },
      );
    }
  }, 400_000);
});

describe("hostile input: control characters, chunked bodies, Basic auth, methods", () => {
  const CONTROL = ["\r\n", "\n", "\r", "\u0000", "\u202e", "\u2066", "\u0085"];

  it("names with control characters or bidi overrides are refused with 422, never stored", async () => {
    const { org, adminToken } = await createApiOrg();
    for (const c of CONTROL) {
      for (const body of [{ first_name: `Eve${c}Bcc: x@example.test` }, { last_name: `x${c}y` }]) {
        const res = await users.POST(
          new Request("http://localhost/api/x", {
            method: "POST",
            headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
            body: JSON.stringify(body),
          }),
          { params: Promise.resolve({ orgId: org.slug }) },
        );
        expect({ c, status: res.status }).toEqual({ c, status: 422 });
      }
    }
  });

  it("a chunked body over the cap is refused while it is read, on authenticated and unauthenticated routes", async () => {
    const { org, adminToken } = await createApiOrg();
    const targets: Array<[string, Handler, Record<string, string>, Record<string, string>]> = [
      ["oauth/token", oauth.POST as Handler, {}, {}],
      ["oauth/revoke", revoke.POST as Handler, {}, {}],
      ["service-accounts", serviceAccounts.POST, { orgId: org.slug }, { authorization: `Bearer ${adminToken}` }],
    ];
    for (const [name, handler, params, auth] of targets) {
      let pulled = 0;
      const chunk = new Uint8Array(64 * 1024).fill(0x61);
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= 400) return controller.close(); // 25 MiB offered, no Content-Length
          pulled++;
          controller.enqueue(chunk);
        },
      });
      const req = new Request("http://localhost/api/x", {
        method: "POST",
        headers: { "content-type": "application/json", ...auth },
        body: stream,
        duplex: "half",
      } as RequestInit);
      const res = await handler(req, { params: Promise.resolve(params) });
      expect({ name, status: res.status < 500 && res.status >= 400 }).toEqual({ name, status: true });
      expect({ name, pulled: pulled <= 20 }).toEqual({ name, pulled: true });
    }
  });

  it("malformed HTTP Basic credentials on the token endpoint are invalid_client, never a 500", async () => {
    const basic = (raw: string) => `Basic ${Buffer.from(raw, "utf8").toString("base64")}`;
    for (const header of [basic("%:x"), basic("id:%E0%A4%A"), basic("%zz:%"), basic("no-colon"), "Basic !!!notbase64", basic("")]) {
      const res = await oauth.POST(
        new Request("http://localhost/api/oauth/token", {
          method: "POST",
          headers: { authorization: header, "content-type": "application/x-www-form-urlencoded" },
          body: "grant_type=client_credentials",
        }),
      );
      expect({ header, status: res.status }).toEqual({ header, status: expect.any(Number) });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect((await res.json()).error).toMatch(/^invalid_(client|request)$/);
    }
  });

  it("unsupported methods answer 405 with Allow and problem+json", async () => {
    type Maybe405 = Handler & { allow?: string };
    const cases: Array<[string, Maybe405 | undefined]> = [
      ["PUT service-accounts", (serviceAccounts as Record<string, Maybe405>).PUT],
      ["GET users/{userId}", (user as Record<string, Maybe405>).GET],
      ["PATCH invitations", (invitations as Record<string, Maybe405>).PATCH],
      ["GET oauth/token", (oauth as Record<string, Maybe405>).GET],
      ["DELETE oauth/revoke", (revoke as Record<string, Maybe405>).DELETE],
    ];
    for (const [name, handler] of cases) {
      const allow = handler?.allow;
      expect({ name, allowed: allow?.split(", ").includes(name.split(" ")[0]) }).toEqual({ name, allowed: false });
      expect({ name, exported: typeof handler }).toEqual({ name, exported: "function" });
      const method = name.split(" ")[0];
      const res = await handler!(new Request("http://localhost/api/x", { method, body: method === "GET" ? undefined : "{}" }), {
        params: Promise.resolve({}),
      });
      expect({ name, status: res.status, allow: res.headers.get("allow"), type: res.headers.get("content-type") }).toEqual({
        name,
        status: 405,
        allow,
        type: "application/problem+json",
      });
    }
  });
});

describe("hostile input on the SCIM routes never gets a 5xx", () => {
  const scimHandlers: Array<[string, Handler]> = [
    ["GET Users", scimRoutes.users.GET],
    ["POST Users", scimRoutes.users.POST],
    ["GET Users/{id}", scimRoutes.user.GET],
    ["PUT Users/{id}", scimRoutes.user.PUT],
    ["PATCH Users/{id}", scimRoutes.user.PATCH],
    ["DELETE Users/{id}", scimRoutes.user.DELETE],
    ["GET Groups", scimRoutes.groups.GET],
    ["POST Groups", scimRoutes.groups.POST],
    ["GET Groups/{id}", scimRoutes.group.GET],
    ["PUT Groups/{id}", scimRoutes.group.PUT],
    ["PATCH Groups/{id}", scimRoutes.group.PATCH],
    ["DELETE Groups/{id}", scimRoutes.group.DELETE],
    ["GET ServiceProviderConfig", scimRoutes.spc.GET],
    ["GET ResourceTypes", scimRoutes.resourceTypes.GET],
    ["GET Schemas", scimRoutes.schemas.GET],
  ];
  const scimBody = fc.oneof(
    body,
    fc.constantFrom(
      '{"Operations":[{"op":"Replace","path":"active","value":"False"}]}',
      '{"Operations":[{"op":"remove","path":"members[value eq \\"x\\"]"}]}',
      '{"Operations":[{"op":"add","path":"emails[type eq \\"work\\"].value","value":{"a":1}}]}',
      '{"userName":"a@b.c","emails":[{"value":["x"]}],"name":"x"}',
      '{"displayName":"x","members":[{"value":"00000000-0000-0000-0000-000000000000"}]}',
    ),
  );
  const query = fc.oneof(
    weirdString,
    fc.constantFrom(
      'userName eq "x"',
      'externalId eq "\\"',
      "userName eq",
      'id eq "00000000-0000-0000-0000-000000000000"',
      "a".repeat(3000),
    ),
  );

  it("every SCIM route answers every generated request with a 2xx/4xx, errors in the SCIM error schema as application/scim+json", async () => {
    const { org, scimToken } = await scimOrg();
    for (const [name, handler] of scimHandlers) {
      await fc.assert(
        fc.asyncProperty(
          scimBody,
          fc.constantFrom("application/scim+json", "application/json", "text/plain", "application/x-www-form-urlencoded", ""),
          weirdString,
          query,
          fc.constantFrom("-1", "0", "1", "99999999999", "x", ""),
          fc.boolean(),
          fc.boolean(),
          async (raw, type, id, filter, index, realOrg, authed) => {
            const method = name.split(" ")[0];
            const headers: Record<string, string> = type ? { "content-type": type } : {};
            if (authed) headers.authorization = `Bearer ${scimToken}`;
            const init: RequestInit = { method, headers };
            if (method !== "GET" && method !== "DELETE") init.body = typeof raw === "string" ? raw : JSON.stringify(raw);
            const qs = `?filter=${encodeURIComponent(filter)}&startIndex=${encodeURIComponent(index)}&count=${encodeURIComponent(index)}&excludedAttributes=${encodeURIComponent(id)}`;
            const res = await handler(new Request(`http://localhost/scim/v2/x${qs}`, init), {
              params: Promise.resolve({ orgId: realOrg ? org.slug : id, id }),
            });
            const text = await res.text();
            expect({ name, status: res.status < 500 }).toEqual({ name, status: true });
            if (res.status >= 400) {
              expect(res.headers.get("content-type")).toBe("application/scim+json");
              const json = JSON.parse(text) as { schemas: string[]; status: string };
              expect(json.schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:Error"]);
              expect(json.status).toBe(String(res.status));
              expect(text).not.toMatch(/at .+\.(ts|js):\d+/);
            }
          },
        ),
        { numRuns: 30 },
      );
    }
  }, 400_000);
});
