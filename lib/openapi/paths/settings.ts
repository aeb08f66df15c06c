import type { ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { effectiveAccessResponseSchema, orgSettingsResponseSchema } from "@/lib/validation/settings";
import { bearer, json, orgCallErrors, orgIdParam, problem } from "../common";

export const settingsPaths: ZodOpenApiPathsObject = {
  "/api/organizations/{orgId}/settings": {
    get: {
      tags: ["Settings"],
      summary: "The organization's cloud storage and cloud notebooks settings (admins, service accounts)",
      operationId: "getOrgSettings",
      security: bearer,
      requestParams: { path: z.object({ orgId: orgIdParam }) },
      responses: {
        "200": { description: "Current values; changes apply on the next read", content: json(orgSettingsResponseSchema) },
        ...orgCallErrors,
      },
    },
  },
  "/api/users/me/access": {
    get: {
      tags: ["Settings"],
      summary: "The caller's effective access to cloud notebooks and cloud storage",
      description:
        "Send the user's API access token (from POST /api/oauth/token) or a member token (opt_...). Cloud notebooks are off if any organization the user belongs to turns them off; cloud storage is decided per organization.",
      operationId: "getMyAccess",
      security: bearer,
      responses: {
        "200": { description: "Effective access, read fresh on every call", content: json(effectiveAccessResponseSchema) },
        "401": problem("No valid user access token or member token"),
        "403": problem("A service account's token (it has no access of its own)"),
      },
    },
  },
};
