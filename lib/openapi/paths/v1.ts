import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { clientCredentialsGrantSchema, oauthErrorSchema, passwordGrantSchema, tokenResponseSchema } from "@/lib/validation/oauth";
import {
  v1AddUserSchema,
  v1CreatedTokenSchema,
  v1CreateServiceAccountSchema,
  v1CreateTokenSchema,
  v1ErrorSchema,
  v1ManagedUserSchema,
  v1OnboardingResultSchema,
  v1OnboardingSchema,
  v1OrgUserListSchema,
  v1ServiceAccountListSchema,
  v1ServiceAccountWithSecretSchema,
  v1TokenListSchema,
  v1UpdatedTokenSchema,
  v1UpdateTokenSchema,
  v1ValidationErrorSchema,
} from "@/lib/validation/v1";
import { json } from "../common";

// The Anaconda-compatible API: the operations, ids and shapes of the published Organization
// Management API (v1), under their own tag so the docs page shows both versions apart.
const tags = ["Anaconda-compatible API (v1)"];
const security = [{ bearerAuth: [] }];

const error = (description: string) => ({ description, content: json(v1ErrorSchema) });
const errors = {
  "401": error("No valid access token"),
  "402": error("The organization has no active subscription"),
  "403": error("The caller may not do this"),
  "404": error("No such organization for this caller, or no such user in it"),
  "422": { description: "Validation error", content: json(v1ValidationErrorSchema) },
  "429": error("Rate-limited; retry after the Retry-After header's seconds"),
};

const orgId = z.string().meta({ description: "The Organization ID (the slug in the portal's URLs)." });
const orgPath = z.object({ org_id: orgId });
const userPath = z.object({ org_id: orgId, user_id: z.uuid() });
const boolQuery = (description: string) => z.boolean().optional().meta({ description });

const op = (operationId: string, summary: string, rest: Partial<ZodOpenApiOperationObject>): ZodOpenApiOperationObject =>
  ({ operationId: `v1_${operationId}`, summary, tags, security, ...rest }) as ZodOpenApiOperationObject;

const grant = z.union([passwordGrantSchema, clientCredentialsGrantSchema]);

export const v1Paths: ZodOpenApiPathsObject = {
  "/api/iam/token": {
    post: {
      tags,
      summary: "Get an access token (the same endpoint as /api/oauth/token)",
      description: "Form-encoded `grant_type=password` (an admin's email and password) or `client_credentials` (body or HTTP Basic).",
      operationId: "v1_token",
      requestBody: { content: { "application/x-www-form-urlencoded": { schema: grant }, "application/json": { schema: grant } } },
      responses: {
        "200": { description: "A bearer token", content: json(tokenResponseSchema) },
        "400": { description: "RFC 6749 error", content: json(oauthErrorSchema) },
        "401": { description: "Unknown client or wrong secret (invalid_client)", content: json(oauthErrorSchema) },
        "429": { description: "Too many failed attempts", content: json(oauthErrorSchema) },
      },
    },
  },
  "/api/v1/organizations/{org_id}/service-accounts": {
    post: op("create_service_account", "Create Service Account (an admin's user token)", {
      requestParams: { path: orgPath },
      requestBody: { content: json(v1CreateServiceAccountSchema) },
      responses: {
        "200": { description: "Created; the secret is shown once", content: json(v1ServiceAccountWithSecretSchema) },
        ...errors,
      },
    }),
    get: op("list_service_accounts", "List Service Accounts", {
      requestParams: { path: orgPath },
      responses: { "200": { description: "The org's service accounts", content: json(v1ServiceAccountListSchema) }, ...errors },
    }),
  },
  "/api/v1/organizations/{org_id}/service-accounts/{client_id}": {
    delete: op("delete_service_account", "Delete Service Account (its tokens stop at once)", {
      requestParams: { path: z.object({ org_id: orgId, client_id: z.string() }) },
      responses: { "204": { description: "Deleted" }, ...errors },
    }),
  },
  "/api/v1/organizations/{org_id}/users_auto_registration": {
    post: op("auto_register_users", "Onboard Users (new accounts with a seat and a token)", {
      requestParams: { path: orgPath },
      requestBody: { content: json(v1OnboardingSchema) },
      responses: {
        "200": { description: "Who was onboarded; seat counts as strings", content: json(v1OnboardingResultSchema) },
        ...errors,
      },
    }),
  },
  "/api/v1/organizations/{org_id}/users": {
    post: op("add_user", "Add User (no email: an organization-managed user)", {
      description: "An existing account is invited instead of added; the answer's id is then the invitation's.",
      requestParams: { path: orgPath },
      requestBody: { content: json(v1AddUserSchema) },
      responses: { "200": { description: "Added", content: json(v1ManagedUserSchema) }, ...errors, "409": error("Already a member") },
    }),
    get: op("list_users", "List Users with their role and subscriptions", {
      requestParams: { path: orgPath, query: z.object({ include_groups: boolQuery("Include each user's groups.") }) },
      responses: { "200": { description: "Every member; managed users have email null", content: json(v1OrgUserListSchema) }, ...errors },
    }),
  },
  "/api/v1/organizations/{org_id}/users/{user_id}": {
    delete: op("remove_user", "Remove User (seat and tokens revoked at once)", {
      requestParams: { path: userPath },
      responses: { "204": { description: "Removed" }, ...errors, "409": error("The last admin cannot be removed") },
    }),
  },
  "/api/v1/organizations/{org_id}/users/{user_id}/seats": {
    post: op("assign_seat", "Assign Seat", {
      requestParams: { path: userPath, query: z.object({ send_seat_assigned_email: boolQuery("Email the user (default true).") }) },
      responses: {
        "201": { description: "Assigned" },
        ...errors,
        "402": error("No seat is free, or no active subscription"),
        "409": error("The user already holds a seat"),
      },
    }),
    delete: op("revoke_seat", "Revoke Seat (the user's token stops at once)", {
      requestParams: { path: userPath },
      responses: { "204": { description: "Revoked" }, ...errors },
    }),
  },
  "/api/v1/organizations/{org_id}/users/{user_id}/token": {
    post: op("create_user_token", "Create User Token (replaces the current one)", {
      requestParams: { path: userPath },
      requestBody: { content: json(v1CreateTokenSchema) },
      responses: { "200": { description: "The token, shown once", content: json(v1CreatedTokenSchema) }, ...errors },
    }),
    patch: op("update_user_token", "Update User Token (new expiry, or renewal to the period's end)", {
      requestParams: { path: userPath },
      requestBody: { content: json(v1UpdateTokenSchema) },
      responses: { "200": { description: "The new expiry", content: json(v1UpdatedTokenSchema) }, ...errors },
    }),
  },
  "/api/v1/organizations/{org_id}/users/{user_id}/tokens": {
    get: op("list_user_tokens", "List User Tokens (current and revoked)", {
      requestParams: { path: userPath },
      responses: { "200": { description: "Newest first", content: json(v1TokenListSchema) }, ...errors },
    }),
  },
  "/api/v1/organizations/{org_id}/users/{user_id}/tokens/{token_id}": {
    delete: op("revoke_user_token", "Revoke User Token (exactly this one)", {
      requestParams: { path: z.object({ org_id: orgId, user_id: z.uuid(), token_id: z.uuid() }) },
      responses: { "204": { description: "Revoked" }, ...errors, "409": error("Already revoked") },
    }),
  },
};
