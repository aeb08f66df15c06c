import type { ZodOpenApiPathsObject } from "zod-openapi";
import { clientCredentialsGrantSchema, oauthErrorSchema, passwordGrantSchema, tokenResponseSchema } from "@/lib/validation/oauth";
import { healthSchema, mailboxMessageSchema } from "@/lib/validation/health";
import { z } from "zod";
import { json, problem } from "../common";

const grant = z.union([passwordGrantSchema, clientCredentialsGrantSchema]);

export const authPaths: ZodOpenApiPathsObject = {
  "/api/oauth/token": {
    post: {
      tags: ["Authentication"],
      summary: "Get an access token (OAuth2 password or client credentials grant)",
      description:
        "`grant_type=password` with an organization admin's email and password gives a user token (needed to create service accounts). `grant_type=client_credentials` with a service account's client_id and client_secret (in the body or HTTP Basic) gives a service-account token. Tokens last one hour.",
      operationId: "createToken",
      requestBody: { content: { "application/x-www-form-urlencoded": { schema: grant }, "application/json": { schema: grant } } },
      responses: {
        "200": { description: "A bearer token", content: json(tokenResponseSchema) },
        "400": { description: "RFC 6749 error", content: json(oauthErrorSchema) },
        "401": { description: "Unknown client or wrong secret (invalid_client)", content: json(oauthErrorSchema) },
        "429": { description: "Too many failed attempts", content: json(oauthErrorSchema) },
      },
    },
  },
  "/api/oauth/revoke": {
    post: {
      tags: ["Authentication"],
      summary: "Revoke an access token (RFC 7009)",
      description: "The token stops working at once. Answers 200 whether or not the token existed.",
      operationId: "revokeToken",
      requestBody: {
        content: {
          "application/x-www-form-urlencoded": { schema: z.object({ token: z.string() }) },
          "application/json": { schema: z.object({ token: z.string() }) },
        },
      },
      responses: {
        "200": { description: "Revoked (or was not a live token)" },
        "400": { description: "No token given", content: json(oauthErrorSchema) },
      },
    },
  },
  "/api/health": {
    get: {
      tags: ["Operations"],
      summary: "Application and database status",
      operationId: "getHealth",
      responses: {
        "200": { description: "Healthy", content: json(healthSchema) },
        "503": { description: "The database is unavailable", content: json(healthSchema) },
      },
    },
  },
  "/api/dev/mailbox": {
    get: {
      tags: ["Operations"],
      summary: "Messages kept by the local mailbox transport (the last 24 hours)",
      description:
        "Answers only `Authorization: Bearer <MAILBOX_TOKEN>` or a signed-in instance admin, and only while EMAIL_TRANSPORT is mailbox.",
      operationId: "listMailbox",
      responses: {
        "200": { description: "Newest first", content: json(z.array(mailboxMessageSchema)) },
        "404": problem("Not an instance admin, no or wrong MAILBOX_TOKEN, or mail goes out through a provider"),
      },
    },
  },
};
