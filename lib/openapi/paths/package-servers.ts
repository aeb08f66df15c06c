import type { ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";

const introspection = z
  .object({
    active: z.boolean(),
    token_type: z.literal("member_token").optional(),
    sub: z.uuid().optional().meta({ description: "The member's user id" }),
    org_id: z.uuid().optional(),
    exp: z.number().int().optional(),
    iat: z.number().int().optional(),
  })
  .meta({ id: "TokenIntrospection", description: "RFC 7662 introspection response" });

const text = (description: string) => ({ description, content: { "text/plain": { schema: z.string() } } });

// Answered by server.ts on node:http (the hot path), not by Next.js route handlers.
export const packageServerPaths: ZodOpenApiPathsObject = {
  "/api/tokens/check": {
    get: {
      tags: ["Package servers"],
      summary: "Is this member token valid? (nginx auth_request shape)",
      description:
        "The token comes from `Authorization: Bearer <token>` or from the `/t/<token>/` prefix of `X-Original-URI`. Valid only while it is the member's current token, unexpired, the member holds a seat, and the subscription is active; correct on the very next request after any of these changes.",
      operationId: "checkToken",
      requestParams: { header: z.object({ "X-Original-URI": z.string().optional() }) },
      responses: {
        "204": {
          description: "Valid",
          headers: z.object({ "X-Org-Id": z.uuid(), "X-User-Id": z.uuid(), "X-Token-Expires-At": z.iso.datetime() }),
        },
        "401": text("Missing, malformed, unknown, expired or revoked"),
      },
    },
  },
  "/api/tokens/introspect": {
    post: {
      tags: ["Package servers"],
      summary: "RFC 7662 token introspection (service account, HTTP Basic)",
      operationId: "introspectToken",
      requestBody: { content: { "application/x-www-form-urlencoded": { schema: z.object({ token: z.string() }) } } },
      responses: {
        "200": {
          description: "active is false for invalid tokens and for other orgs' tokens",
          content: { "application/json": { schema: introspection } },
        },
        "401": { description: "No valid service-account credentials" },
      },
    },
  },
  "/api/metrics": {
    get: {
      tags: ["Operations"],
      summary: "Prometheus metrics: requests and durations by route, token checks by result, outbox backlog",
      operationId: "getMetrics",
      description: "Answers only `Authorization: Bearer <METRICS_TOKEN>`; without METRICS_TOKEN set, the path does not exist (404).",
      responses: {
        "200": text("Prometheus text exposition format"),
        "401": { description: "No or wrong METRICS_TOKEN bearer" },
        "404": { description: "METRICS_TOKEN is not set" },
      },
    },
  },
};
