import { db, t } from "@/db";
import { hashPassword } from "@/lib/auth/password";
import { issueServiceAccountToken, issueUserAccessToken } from "@/lib/domain/tokens/api-access/issue-access-token";
import { createOrganization } from "@/lib/domain/organizations/create-organization";
import { createServiceAccount } from "@/lib/domain/service-accounts/create-service-account";
import type { Role } from "@/db/schema";
import { randomBytes } from "node:crypto";
import { apiPaths } from "@/lib/openapi/document";
import type { UserActor } from "./factories";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler the way Next.js would, with a real Request. */
export async function callRoute(
  handler: Handler,
  {
    method = "GET",
    path = "/api/x",
    token,
    body,
    params = {},
    headers = {},
  }: {
    method?: string;
    path?: string;
    token?: string | null;
    body?: unknown;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
  if (body !== undefined) {
    // Raw bytes (a package upload) go as they are; anything else as JSON.
    const raw = typeof body === "string" || body instanceof Uint8Array;
    init.body = raw ? (body as BodyInit) : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??=
      body instanceof Uint8Array ? "application/octet-stream" : "application/json";
  }
  const res = await handler(new Request(`http://localhost${path}`, init), { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

export const PASSWORD = "api test password";

/** A user who can sign in with PASSWORD, as the actor the domain takes. */
export async function createLoginUser(name = "API User"): Promise<UserActor> {
  const email = `api-${randomBytes(4).toString("hex")}@example.test`;
  const [user] = await db()
    .insert(t.users)
    .values({ name, email, passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() })
    .returning();
  return { kind: "user", userId: user.id, label: email, ip: "203.0.113.9" };
}

export async function userToken(user: UserActor) {
  return (await issueUserAccessToken({ username: user.label, password: PASSWORD })).access_token;
}

/** An org with an admin, an active subscription of `seats` seats, and a service account token. */
export async function createApiOrg({ seats = 10, subscribed = true } = {}) {
  const admin = await createLoginUser("Org Admin");
  const org = await createOrganization(admin, { name: "API Org", orgId: `api-${randomBytes(3).toString("hex")}` });
  if (subscribed) {
    const now = new Date();
    await db()
      .insert(t.subscriptions)
      .values({
        orgId: org.id,
        seats,
        billingCycle: "monthly",
        status: "active",
        currentPeriodStart: now,
        currentPeriodEnd: new Date(now.getTime() + 30 * 86_400_000),
      });
  }
  const sa = await createServiceAccount(admin, org.slug, { name: `bot-${randomBytes(2).toString("hex")}` });
  const saToken = (await issueServiceAccountToken({ clientId: sa.client_id, clientSecret: sa.client_secret })).access_token;
  return { admin, org, sa, saToken, adminToken: await userToken(admin) };
}

export async function addLoginMember(orgId: string, role: Role) {
  const user = await createLoginUser(role);
  await db().insert(t.memberships).values({ orgId, userId: user.userId, role });
  return { user, token: await userToken(user) };
}

/**
 * Checks an API answer against the OpenAPI document: its status must be documented for this
 * path and method, and a JSON body must parse with the documented zod schema.
 */
export function expectDocumentedResponse(template: string, method: string, res: { status: number; body: unknown }) {
  const operation = (
    apiPaths as Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>
  )[template]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${template} is not in the OpenAPI document`);
  const response = operation.responses?.[String(res.status)];
  if (!response) throw new Error(`${method} ${template} answered ${res.status}, which its OpenAPI entry does not document`);
  const schema = Object.values(response.content ?? {})[0]?.schema as
    { safeParse?: (v: unknown) => { success: boolean; error?: unknown } } | undefined;
  if (res.body !== undefined && schema?.safeParse) {
    const parsed = schema.safeParse(res.body);
    if (!parsed.success)
      throw new Error(`${method} ${template} ${res.status}: the body does not match its schema: ${String(parsed.error)}`);
  }
}
