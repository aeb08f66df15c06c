import type { ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { apiIssueTokenSchema, issuedMemberTokenSchema, syncedMemberTokenSchema } from "@/lib/validation/api-tokens";
import { onboardingResultSchema, onboardingSchema } from "@/lib/validation/onboarding";
import { bearer, idempotencyHeader, json, orgCallErrors, orgIdParam, problem, userIdParam } from "../common";

const userPath = z.object({ orgId: orgIdParam, userId: userIdParam });

export const onboardingPaths: ZodOpenApiPathsObject = {
  "/api/organizations/{orgId}/onboarding": {
    post: {
      tags: ["Onboarding"],
      summary: "Automated onboarding: account, membership, seat and token for each new address",
      description:
        "Addresses with no account are onboarded in list order while seats are free; each person gets a welcome email (with a link to choose a password) and a token email, and admins are told. Addresses with an account, repeated, invalid, or beyond the free seats are listed as unavailable. Send an Idempotency-Key so a retried call does not onboard twice.",
      operationId: "onboardUsers",
      security: bearer,
      requestParams: { path: z.object({ orgId: orgIdParam }), header: z.object({ "Idempotency-Key": idempotencyHeader }) },
      requestBody: { content: json(onboardingSchema) },
      responses: {
        "200": { description: "What happened to each address", content: json(onboardingResultSchema) },
        ...orgCallErrors,
        "422": problem("user_emails is missing or not a list"),
      },
    },
  },
  "/api/organizations/{orgId}/users/{userId}/token": {
    post: {
      tags: ["Tokens"],
      summary: "Issue (or replace) a seated member's token",
      operationId: "issueMemberToken",
      security: bearer,
      requestParams: { path: userPath, header: z.object({ "Idempotency-Key": idempotencyHeader }) },
      requestBody: { content: json(apiIssueTokenSchema) },
      responses: {
        "201": { description: "The token, shown once", content: json(issuedMemberTokenSchema) },
        ...orgCallErrors,
        "409": problem("The user holds no seat"),
        "422": problem("Invalid expires_at"),
      },
    },
    patch: {
      tags: ["Tokens"],
      summary: "Sync a member's token to the subscription's current period end",
      operationId: "syncMemberToken",
      security: bearer,
      requestParams: { path: userPath },
      responses: { "200": { description: "The new expiry", content: json(syncedMemberTokenSchema) }, ...orgCallErrors },
    },
    delete: {
      tags: ["Tokens"],
      summary: "Revoke a member's token (it stops working at once)",
      operationId: "revokeMemberToken",
      security: bearer,
      requestParams: { path: userPath },
      responses: { "204": { description: "Revoked" }, ...orgCallErrors },
    },
  },
};
