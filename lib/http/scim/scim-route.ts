import { RateLimiterRes } from "rate-limiter-flexible";
import { clientIp } from "@/lib/auth/client-ip";
import { config } from "@/lib/config";
import { authenticateScim, type ScimActor } from "@/lib/domain/scim/scim-token";
import { ScimError } from "@/lib/domain/scim/scim-error";
import { AppError } from "@/lib/errors";
import { drizzleLimiters } from "@/lib/rate-limit";
import { noteActor } from "@/lib/observability/request-context";
import { bearerToken } from "../bearer";
import { readCapped } from "../read-body";
import { errorToScim, scimErrorResponse, scimJson } from "./scim-response";

type Params = Record<string, string>;
export type ScimContext = { req: Request; actor: ScimActor; orgSlug: string; params: Params; url: URL; body: () => Promise<unknown> };
export type ScimResult = { status: number; body?: unknown };

// Requests per minute per client address (counted before the token is checked, so guessing
// tokens is slow too) and per org token; shared by every app process, like the API's limits.
const limiters = () => {
  const { perClient } = config().apiRateLimit;
  return drizzleLimiters("scim", { ip: { points: perClient, duration: 60 }, token: { points: perClient, duration: 60 } });
};

async function consume(limiter: "ip" | "token", key: string) {
  try {
    await limiters()[limiter].consume(key);
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res;
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw new AppError("rate_limited", `Too many requests. Retry in ${seconds} seconds.`, undefined, "rate_limited", seconds);
  }
}

/** A JSON body; SCIM clients send application/scim+json, some application/json. */
async function readScimBody(req: Request): Promise<unknown> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (!/^application\/(scim\+)?json\s*(;|$)/.test(type))
    throw new ScimError(400, "Send the body as application/scim+json.", "invalidSyntax");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(await readCapped(req));
  if (text.includes("\u0000") || text.includes("\\u0000")) throw new ScimError(400, "The body contains a NUL character.", "invalidValue");
  try {
    return JSON.parse(text);
  } catch {
    throw new ScimError(400, "The body is not valid JSON.", "invalidSyntax");
  }
}

/**
 * The one wrapper of `/scim/v2/organizations/{orgId}/...`: rate limit by address, the org's SCIM
 * token (only for its own org's URL: anything else is 401 and touches nothing), rate limit by
 * token, then the handler; answers are application/scim+json and errors use the SCIM schema.
 */
export function scimRoute(handler: (ctx: ScimContext) => Promise<ScimResult>) {
  return async (req: Request, { params }: { params: Promise<Params> }) => {
    try {
      const routeParams = await params;
      const ip = clientIp(req.headers);
      await consume("ip", ip ?? "unknown");
      const actor = await authenticateScim(bearerToken(req.headers), routeParams.orgId ?? "", ip);
      noteActor(`scim:${actor.orgId}`);
      await consume("token", actor.orgId);
      const url = new URL(req.url);
      const result = await handler({ req, actor, orgSlug: routeParams.orgId, params: routeParams, url, body: () => readScimBody(req) });
      return scimJson(result.status, result.body);
    } catch (err) {
      return errorToScim(err);
    }
  };
}

/** 405 in the SCIM error schema, with Allow. */
export const scimMethodNotAllowed = (allow: string) => async () =>
  scimErrorResponse(405, `This resource answers ${allow}.`, undefined, { allow });
