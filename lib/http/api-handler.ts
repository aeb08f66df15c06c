import type { z } from "zod";
import { actorFromAccessToken } from "@/lib/domain/tokens/api-access/bearer";
import { bearerToken } from "./bearer";
import { clientIp } from "@/lib/auth/client-ip";
import type { Actor } from "@/lib/authz/actor";
import { assertCan, type Permission } from "@/lib/authz/policy";
import { assertActiveSubscription } from "@/lib/domain/api-access/assert-api-subscription";
import { loadOrgAccess, type OrgAccess } from "@/lib/domain/organizations/org-access";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { noteActor } from "@/lib/observability/request-context";
import { consumeApiCall } from "./api-limiter";
import { withIdempotency, type StoredResponse } from "./idempotency";
import { errorToProblem } from "./problem";
import { readBody } from "./read-body";

type Params = Record<string, string>;

export type ApiContext<I> = {
  req: Request;
  actor: Exclude<Actor, { kind: "anonymous" }>;
  access: OrgAccess;
  params: Params;
  input: I;
  url: URL;
};

type Options<S extends z.ZodType | undefined> = {
  /** Required: no org route can forget its permission. */
  permission: Permission;
  /** The shared zod schema of the JSON body, when the route takes one. */
  body?: S;
  /** API calls need an active subscription, except where a route says otherwise. */
  requireSubscription?: boolean;
};

type Input<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The caller of an API request, from its bearer token; 401 when there is none or it is not valid. */
export async function authenticate(req: Request) {
  const token = bearerToken(req.headers);
  const actor = token ? await actorFromAccessToken(token, clientIp(req.headers)) : null;
  if (!actor || actor.kind === "anonymous") {
    throw new AppError(
      "unauthenticated",
      token ? "The access token is invalid, expired or revoked." : "Send an access token: Authorization: Bearer <token>.",
      undefined,
      token ? "invalid_token" : "missing_token",
    );
  }
  // Access tokens belong to users and service accounts only (a SCIM token is not one).
  if (actor.kind === "scim" || actor.kind === "sso")
    throw new AppError("unauthenticated", "The access token is invalid, expired or revoked.", undefined, "invalid_token");
  noteActor(actor.kind === "user" ? `user:${actor.userId}` : `service_account:${actor.serviceAccountId}`);
  return actor;
}

export const principalKey = (actor: Exclude<Actor, { kind: "anonymous" }>) =>
  actor.kind === "user"
    ? `user:${actor.userId}`
    : actor.kind === "scim" || actor.kind === "sso"
      ? `${actor.kind}:${actor.orgId}`
      : `sa:${actor.serviceAccountId}`;

/**
 * The checks every org-scoped API call passes before its own work, in both API versions:
 * authenticate, load the org (404 when the caller cannot see it), `api.use` and the call's
 * permission, the rate limit, and an active subscription unless the call says otherwise.
 */
export async function openOrgCall(
  req: Request,
  orgSlug: string,
  options: { permission: Permission; requireSubscription?: boolean },
): Promise<{ actor: ApiContext<unknown>["actor"]; access: OrgAccess }> {
  const actor = await authenticate(req);
  const access = await loadOrgAccess(actor, orgSlug);
  assertCan(access.principal, "api.use");
  assertCan(access.principal, options.permission);
  await consumeApiCall(principalKey(actor), access.org.id);
  if (options.requireSubscription !== false) await assertActiveSubscription(access.org.id);
  return { actor, access };
}

/**
 * The one wrapper for org-scoped API routes (`/api/organizations/{orgId}/...`): authenticate,
 * load the org (404 when the caller cannot see it), check `api.use` and the route's permission,
 * rate-limit, require a subscription, parse the body with the shared schema, honour
 * Idempotency-Key, and map every error to problem+json.
 */
export function orgApiRoute<S extends z.ZodType | undefined = undefined>(
  options: Options<S>,
  handler: (ctx: ApiContext<Input<S>>) => Promise<StoredResponse>,
) {
  return async (req: Request, { params }: { params: Promise<Params> }) => {
    try {
      const routeParams = await params;
      const { actor, access } = await openOrgCall(req, routeParams.orgId ?? "", options);
      const raw = options.body ? await readBody(req) : undefined;
      const input = (options.body ? parseInput(options.body, raw) : undefined) as Input<S>;
      const url = new URL(req.url);
      const result = await withIdempotency(
        principalKey(actor),
        req.headers.get("idempotency-key"),
        { method: req.method, path: url.pathname, body: raw },
        () => handler({ req, actor, access, params: routeParams, input, url }),
      );
      return toResponse(result);
    } catch (err) {
      return errorToProblem(err);
    }
  };
}

export function toResponse({ status, body, replayed }: StoredResponse & { replayed?: boolean }) {
  const headers: Record<string, string> = replayed ? { "idempotent-replayed": "true" } : {};
  if (status === 204 || body === undefined) return new Response(null, { status, headers });
  return Response.json(body, { status, headers });
}
