import type { ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { createdServiceAccountSchema, createServiceAccountSchema, serviceAccountSchema } from "@/lib/validation/service-accounts";
import { bearer, clientIdParam, idempotencyHeader, json, orgCallErrors, orgIdParam, problem } from "../common";

export const serviceAccountPaths: ZodOpenApiPathsObject = {
  "/api/organizations/{orgId}/service-accounts": {
    post: {
      tags: ["Service accounts"],
      summary: "Create a service account (admin user token only)",
      operationId: "createServiceAccount",
      security: bearer,
      requestParams: { path: z.object({ orgId: orgIdParam }), header: z.object({ "Idempotency-Key": idempotencyHeader }) },
      requestBody: { content: json(createServiceAccountSchema) },
      responses: {
        "201": { description: "Created; client_secret is shown only here", content: json(createdServiceAccountSchema) },
        ...orgCallErrors,
        "409": problem("A service account with this name exists (code duplicate_name)"),
        "422": problem("Invalid name"),
      },
    },
    get: {
      tags: ["Service accounts"],
      summary: "List service accounts (never their secrets)",
      operationId: "listServiceAccounts",
      security: bearer,
      requestParams: { path: z.object({ orgId: orgIdParam }) },
      responses: { "200": { description: "The org's service accounts", content: json(z.array(serviceAccountSchema)) }, ...orgCallErrors },
    },
  },
  "/api/organizations/{orgId}/service-accounts/{clientId}": {
    delete: {
      tags: ["Service accounts"],
      summary: "Delete a service account; its tokens stop working at once",
      operationId: "deleteServiceAccount",
      security: bearer,
      requestParams: { path: z.object({ orgId: orgIdParam, clientId: clientIdParam }) },
      responses: { "204": { description: "Deleted" }, ...orgCallErrors },
    },
  },
};
