import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import * as serviceAccount from "@/app/api/v1/organizations/[org_id]/service-accounts/[client_id]/route";
import * as serviceAccounts from "@/app/api/v1/organizations/[org_id]/service-accounts/route";
import * as onboarding from "@/app/api/v1/organizations/[org_id]/users_auto_registration/route";
import * as user from "@/app/api/v1/organizations/[org_id]/users/[user_id]/route";
import * as seats from "@/app/api/v1/organizations/[org_id]/users/[user_id]/seats/route";
import * as token from "@/app/api/v1/organizations/[org_id]/users/[user_id]/token/route";
import * as tokens from "@/app/api/v1/organizations/[org_id]/users/[user_id]/tokens/route";
import * as oneToken from "@/app/api/v1/organizations/[org_id]/users/[user_id]/tokens/[token_id]/route";
import * as users from "@/app/api/v1/organizations/[org_id]/users/route";
import { addGroupMembers } from "@/lib/domain/groups/group-members";
import { createGroup } from "@/lib/domain/groups/create-group";
import * as iam from "@/app/api/iam/token/route";
import { callRoute, createApiOrg, createLoginUser, PASSWORD } from "@/test/api";
import { useTestDatabase } from "@/test/db";

useTestDatabase();

// The published document, read where CI checks it out beside the repository (never copied in).
const reference = JSON.parse(
  fs.readFileSync(path.resolve(process.cwd(), "../shared/reference/anaconda-org-management-openapi.json"), "utf8"),
) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};
type Operation = {
  operationId: string;
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
};

/**
 * The one place this product answers differently from the document, on purpose: members
 * without an address (organization-managed users) are listed with `email: null`, as the
 * document's own ManagedUser allows when they are created. Everything else is checked as published.
 */
function withManagedUserEmails(schemas: Record<string, Record<string, unknown>>) {
  const copy = structuredClone(schemas);
  const props = copy.OrganizationUser.properties as Record<string, Record<string, unknown>>;
  expect(props.email).toEqual({ type: "string", format: "email", description: expect.any(String) });
  props.email = { ...props.email, type: ["string", "null"] };
  return copy;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "reference", components: { schemas: withManagedUserEmails(reference.components.schemas) } });

function validate(ref: string, value: unknown, what: string) {
  const check = ajv.getSchema(`reference${ref}`);
  if (!check) throw new Error(`no schema ${ref}`);
  if (!check(value)) throw new Error(`${what}: ${JSON.stringify(value)} does not match ${ref}: ${ajv.errorsText(check.errors)}`);
}

type Handler = Parameters<typeof callRoute>[0];
const handlers: Record<string, Handler> = {
  create_service_account: serviceAccounts.POST,
  list_service_accounts: serviceAccounts.GET,
  delete_service_account: serviceAccount.DELETE,
  auto_register_users: onboarding.POST,
  add_user: users.POST,
  list_users: users.GET,
  remove_user: user.DELETE,
  assign_seat: seats.POST,
  revoke_seat: seats.DELETE,
  create_user_token: token.POST,
  update_user_token: token.PATCH,
  list_user_tokens: tokens.GET,
  revoke_user_token: oneToken.DELETE,
};

const operations = Object.entries(reference.paths).flatMap(([template, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ template, method: method.toUpperCase(), op })),
);
const byId = new Map(operations.map((o) => [o.op.operationId, o]));

/** What each operation answered, by status, to prove every documented status was seen. */
const seen = new Map<string, Set<string>>();

/**
 * Calls one operation by its id, with the document's path template filled in, checks the
 * request body against the document's request schema and the answer against the schema the
 * document gives for that status (ErrorResponse for statuses it leaves out, as its errors are).
 */
async function call(
  operationId: string,
  {
    token,
    params = {},
    body,
    query = "",
    expect: status,
  }: { token: string | null; params?: Record<string, string>; body?: unknown; query?: string; expect: number },
) {
  const entry = byId.get(operationId);
  if (!entry) throw new Error(`${operationId} is not in the reference document`);
  const { template, method, op } = entry;
  const requestRef = op.requestBody?.content["application/json"]?.schema.$ref;
  if (requestRef && body !== undefined && status < 400) validate(requestRef, body, `${operationId} request`);
  const urlPath = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "")) + query;
  const res = await callRoute(handlers[operationId], { method, token, params, body, path: urlPath });
  expect({ operationId, status: res.status, body: res.body }).toMatchObject({ operationId, status });
  const documented = op.responses[String(res.status)];
  const ref = documented ? documented.content?.["application/json"]?.schema.$ref : "#/components/schemas/ErrorResponse";
  if (ref) validate(ref, res.body, `${operationId} ${res.status}`);
  else if (res.status === 204 || (res.status === 201 && !documented?.content)) expect(res.body).toBeUndefined();
  if (res.body !== undefined) expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  seen.set(operationId, (seen.get(operationId) ?? new Set()).add(String(res.status)));
  return res;
}

// FastAPI documents 422 on every operation; these two take no input that could be invalid.
// remove_user's 409 (the last Account Admin) cannot be provoked through the API: service
// accounts may not remove admins at all, and an admin may not remove themselves, so a caller
// who could remove an admin always leaves one (lib/domain/members tests the rule itself).
const unreachable = new Set(["list_service_accounts 422", "delete_service_account 422", "remove_user 409"]);

describe("the v1 API against the published Organization Management API document", () => {
  it("maps every operation of the document to a route", () => {
    expect(operations).toHaveLength(13);
    expect(operations.map((o) => o.op.operationId).filter((id) => !handlers[id])).toEqual([]);
  });

  it("walks every operation: documented statuses, answers valid against the document's schemas, errors in its shapes", async () => {
    const { org, admin, adminToken, saToken } = await createApiOrg({ seats: 2 });
    const unsubscribed = await createApiOrg({ subscribed: false });
    const org_id = org.slug;
    const sa = saToken;
    const farFuture = new Date(Date.now() + 5 * 365 * 86_400_000).toISOString();

    // Service accounts: created with an admin's user token only.
    const created = await call("create_service_account", { token: adminToken, params: { org_id }, body: { name: "ci-bot" }, expect: 200 });
    expect(created.body).toMatchObject({ name: "ci-bot", org_id });
    const badName = await call("create_service_account", {
      token: adminToken,
      params: { org_id },
      body: { name: "Bad Name" },
      expect: 422,
    });
    expect(badName.body.detail[0]).toMatchObject({ loc: ["body", "name"] });
    const noName = await call("create_service_account", { token: adminToken, params: { org_id }, body: {}, expect: 422 });
    expect(noName.body.detail[0]).toMatchObject({ loc: ["body", "name"], type: "missing" });
    await call("create_service_account", { token: sa, params: { org_id }, body: { name: "by-bot" }, expect: 403 });
    await call("create_service_account", { token: null, params: { org_id }, body: { name: "anon" }, expect: 401 });
    const listed = await call("list_service_accounts", { token: sa, params: { org_id }, expect: 200 });
    expect(listed.body.items.map((s: { name: string }) => s.name)).toContain("ci-bot");
    await call("list_service_accounts", { token: unsubscribed.adminToken, params: { org_id: unsubscribed.org.slug }, expect: 402 });
    await call("delete_service_account", { token: adminToken, params: { org_id, client_id: created.body.client_id }, expect: 204 });
    await call("delete_service_account", { token: adminToken, params: { org_id, client_id: created.body.client_id }, expect: 404 });

    // Onboarding takes one of the two seats; seat counts come back as strings.
    const newcomer = `newcomer-${randomUUID().slice(0, 8)}@example.com`;
    const onboarded = await call("auto_register_users", { token: sa, params: { org_id }, body: { user_emails: [newcomer] }, expect: 200 });
    expect(onboarded.body).toEqual({
      users_in_onboarding_process: [newcomer],
      users_unavailable_for_onboarding: [],
      total_organization_seats: "2",
      available_organization_seats: "1",
    });
    await call("auto_register_users", { token: sa, params: { org_id }, body: { user_emails: 5 }, expect: 422 });

    // Users: an organization-managed one (no email) and a person.
    const managed = await call("add_user", {
      token: sa,
      params: { org_id },
      body: { first_name: "Jupyter", last_name: "Server-1" },
      expect: 200,
    });
    expect(managed.body).toMatchObject({ email: null, first_name: "Jupyter", last_name: "Server-1" });
    const user_id = managed.body.id as string;
    const person = await call("add_user", {
      token: sa,
      params: { org_id },
      body: { email: `p-${randomUUID().slice(0, 8)}@example.com` },
      expect: 200,
    });
    await call("add_user", { token: sa, params: { org_id }, body: { email: 123 }, expect: 422 });
    const list = await call("list_users", { token: sa, params: { org_id }, expect: 200 });
    expect(list.body.items.find((u: { id: string }) => u.id === user_id)).toEqual({
      id: user_id,
      email: null,
      first_name: "Jupyter",
      last_name: "Server-1",
      role: "member",
      subscriptions: [],
    });
    expect(list.body.items.find((u: { email: string }) => u.email === newcomer)).toMatchObject({ role: "member", subscriptions: ["seat"] });
    expect(list.body.items.filter((u: { role: string }) => u.role === "admin")).toHaveLength(1);
    const group = await createGroup(admin, org_id, { name: "Notebook servers" });
    await addGroupMembers(admin, org_id, group.id, { user_ids: [user_id] });
    const grouped = await call("list_users", { token: sa, params: { org_id }, query: "?include_groups=true", expect: 200 });
    expect(grouped.body.items.find((u: { id: string }) => u.id === user_id).groups).toEqual([
      { id: group.id, name: "Notebook servers", org_id: org.id, created_at: group.created_at, updated_at: null, user_count: 1 },
    ]);
    expect(grouped.body.items.find((u: { email: string }) => u.email === newcomer).groups).toEqual([]);
    await call("list_users", { token: sa, params: { org_id }, query: "?include_groups=maybe", expect: 422 });

    // Seats: the last free one, then a conflict, then none free (402).
    await call("assign_seat", { token: sa, params: { org_id, user_id }, query: "?send_seat_assigned_email=false", expect: 201 });
    await call("assign_seat", { token: sa, params: { org_id, user_id }, expect: 409 });
    await call("assign_seat", { token: sa, params: { org_id, user_id: person.body.id }, expect: 402 });
    await call("assign_seat", { token: sa, params: { org_id, user_id: randomUUID() }, expect: 404 });
    const badId = await call("assign_seat", { token: sa, params: { org_id, user_id: "not-a-uuid" }, expect: 422 });
    expect(badId.body.detail[0]).toMatchObject({ loc: ["path", "user_id"], type: "uuid_parsing" });

    // Tokens: expires_at is required; tolerance adds months of grace; the history keeps revoked ones.
    const missing = await call("create_user_token", { token: sa, params: { org_id, user_id }, body: {}, expect: 422 });
    expect(missing.body.detail).toEqual([{ loc: ["body", "expires_at"], msg: "Field required", type: "missing" }]);
    await call("create_user_token", { token: sa, params: { org_id, user_id }, body: { expires_at: "soon" }, expect: 422 });
    const first = await call("create_user_token", {
      token: sa,
      params: { org_id, user_id },
      body: { expires_at: farFuture, expiration_tolerance_months: 0, send_token_email: false },
      expect: 200,
    });
    const second = await call("create_user_token", {
      token: sa,
      params: { org_id, user_id },
      body: { expires_at: farFuture },
      expect: 200,
    });
    expect(second.body.token).not.toBe(first.body.token);
    const renewed = await call("update_user_token", { token: sa, params: { org_id, user_id }, body: { is_renewal: true }, expect: 200 });
    const graced = await call("update_user_token", {
      token: sa,
      params: { org_id, user_id },
      body: { expires_at: farFuture, expiration_tolerance_months: 1 },
      expect: 200,
    });
    expect(new Date(graced.body.expires_at).getTime()).toBeGreaterThan(new Date(renewed.body.expires_at).getTime());
    await call("update_user_token", { token: sa, params: { org_id, user_id }, body: { expiration_tolerance_months: "x" }, expect: 422 });
    const history = await call("list_user_tokens", { token: sa, params: { org_id, user_id }, expect: 200 });
    expect(history.body.items.map((tk: { revoked: boolean }) => tk.revoked)).toEqual([false, true]);
    await call("list_user_tokens", { token: sa, params: { org_id, user_id: "x" }, expect: 422 });
    const [current, old] = history.body.items as Array<{ id: string }>;
    await call("revoke_user_token", { token: sa, params: { org_id, user_id, token_id: old.id }, expect: 409 });
    await call("revoke_user_token", { token: sa, params: { org_id, user_id, token_id: randomUUID() }, expect: 404 });
    await call("revoke_user_token", { token: sa, params: { org_id, user_id, token_id: "x" }, expect: 422 });
    await call("revoke_user_token", { token: sa, params: { org_id, user_id, token_id: current.id }, expect: 204 });
    const after = await call("list_user_tokens", { token: sa, params: { org_id, user_id }, expect: 200 });
    expect(after.body.items.map((tk: { revoked: boolean }) => tk.revoked)).toEqual([true, true]);

    // Offboarding: seat, then the user; the last admin stays.
    await call("revoke_seat", { token: sa, params: { org_id, user_id }, expect: 204 });
    await call("revoke_seat", { token: sa, params: { org_id, user_id }, expect: 404 });
    await call("revoke_seat", { token: sa, params: { org_id, user_id: "x" }, expect: 422 });
    await call("remove_user", { token: sa, params: { org_id, user_id }, expect: 204 });
    await call("remove_user", { token: sa, params: { org_id, user_id }, expect: 404 });
    await call("remove_user", { token: sa, params: { org_id, user_id: "x" }, expect: 422 });
    // A service account never removes an Account Admin (a leaked CI secret must not take over the org).
    await call("remove_user", { token: sa, params: { org_id, user_id: admin.userId }, expect: 403 });

    // Every status the document lists for an operation was answered at least once.
    const unseen = operations.flatMap(({ op }) =>
      Object.keys(op.responses)
        .filter((status) => !seen.get(op.operationId)?.has(status) && !unreachable.has(`${op.operationId} ${status}`))
        .map((status) => `${op.operationId} ${status}`),
    );
    expect(unseen).toEqual([]);
  }, 60_000);

  it("serves the token endpoint at /api/iam/token: form-encoded password, and client_credentials in HTTP Basic or the body", async () => {
    const { org, admin } = await createApiOrg();
    const post = (form: Record<string, string>, headers: Record<string, string> = {}) =>
      iam.POST(
        new Request("http://localhost/api/iam/token", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
          body: new URLSearchParams(form).toString(),
        }),
      );
    const user = await post({ grant_type: "password", username: admin.label, password: PASSWORD });
    expect(user.status).toBe(200);
    const userToken = ((await user.json()) as { access_token: string }).access_token;
    const created = await callRoute(serviceAccounts.POST, {
      method: "POST",
      token: userToken,
      params: { org_id: org.slug },
      body: { name: "iam" },
    });
    const { client_id, client_secret } = created.body as { client_id: string; client_secret: string };
    const basic = await post({ grant_type: "client_credentials" }, { authorization: `Basic ${btoa(`${client_id}:${client_secret}`)}` });
    const inBody = await post({ grant_type: "client_credentials", client_id, client_secret });
    for (const res of [basic, inBody]) {
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ token_type: "Bearer", access_token: expect.any(String) });
    }
    expect((await post({ grant_type: "client_credentials", client_id, client_secret: "wrong" })).status).toBe(401);
    expect((await post({ grant_type: "password", username: (await createLoginUser()).label, password: "nope" })).status).toBe(400);
  });
});
