import type { ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { ssoConnectionResponseSchema } from "@/lib/validation/sso";
import { bearer, idempotencyHeader, json, orgCallErrors, orgIdParam, problem } from "../common";

// The request body as documented (the route parses it with the same rules, where http:// issuers
// are allowed only when the server sets OIDC_ALLOW_HTTP_ISSUERS).
const saveSsoBody = z
  .object({
    issuer: z.string().meta({ description: "The IdP's Issuer URL (https://); discovery reads {issuer}/.well-known/openid-configuration." }),
    client_id: z.string().max(255),
    client_secret: z
      .string()
      .max(1000)
      .optional()
      .meta({ description: "Write-only. Required the first time; leave it out to keep the stored secret." }),
    require_sso: z
      .boolean()
      .optional()
      .meta({ description: "Refuse password sign-in for addresses in the org's verified domains. Turning it on runs discovery first." }),
  })
  .meta({ id: "SaveSsoConnection" });

const path = { path: z.object({ orgId: orgIdParam }) };

export const ssoPaths: ZodOpenApiPathsObject = {
  "/api/organizations/{orgId}/sso": {
    get: {
      tags: ["Single sign-on"],
      summary: "The organization's OpenID Connect connection (admins, service accounts); never the client secret",
      operationId: "getSsoConnection",
      security: bearer,
      requestParams: path,
      responses: {
        "200": { description: "The connection, or configured: false", content: json(ssoConnectionResponseSchema) },
        ...orgCallErrors,
      },
    },
    put: {
      tags: ["Single sign-on"],
      summary: "Create or replace the organization's OpenID Connect connection (admins' user tokens only)",
      operationId: "saveSsoConnection",
      security: bearer,
      requestParams: { ...path, header: z.object({ "Idempotency-Key": idempotencyHeader }) },
      requestBody: { content: json(saveSsoBody) },
      responses: {
        "200": { description: "Saved; the secret is not echoed", content: json(ssoConnectionResponseSchema) },
        ...orgCallErrors,
        "422": problem("A field is not valid, the first save has no client_secret, or Require SSO was asked for and discovery failed"),
      },
    },
    delete: {
      tags: ["Single sign-on"],
      summary: "Remove the connection: Sign in with SSO and Require SSO stop at once (admins' user tokens only)",
      operationId: "deleteSsoConnection",
      security: bearer,
      requestParams: path,
      responses: { "204": { description: "Removed" }, ...orgCallErrors },
    },
  },
};
