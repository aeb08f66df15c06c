import { createDocument } from "zod-openapi";
import { activityPaths } from "./paths/activity";
import { channelPaths } from "./paths/channels";
import { domainPaths } from "./paths/domains";
import { authPaths } from "./paths/auth";
import { onboardingPaths } from "./paths/onboarding";
import { packageServerPaths } from "./paths/package-servers";
import { serviceAccountPaths } from "./paths/service-accounts";
import { settingsPaths } from "./paths/settings";
import { ssoPaths } from "./paths/sso";
import { userPaths } from "./paths/users";
import { v1Paths } from "./paths/v1";
import { webhookEvents, webhookPaths } from "./paths/webhooks";

/** Every documented path, with the zod schemas of its requests and responses. */
export const apiPaths = {
  ...authPaths,
  ...serviceAccountPaths,
  ...userPaths,
  ...onboardingPaths,
  ...packageServerPaths,
  ...settingsPaths,
  ...domainPaths,
  ...ssoPaths,
  ...activityPaths,
  ...channelPaths,
  ...webhookPaths,
  ...v1Paths,
};

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes parse with. */
export function buildOpenApiDocument(serverUrl: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Org Portal API",
      version: "0.1.0",
      description:
        "Automate onboarding and offboarding: service accounts, users, seats and tokens. Get a token at POST /api/oauth/token, then send `Authorization: Bearer <token>`. Calls need an active subscription. Errors are application/problem+json (RFC 9457) with a stable `code`. Scripts written for Anaconda's Organization Management API (v1) run unchanged against the Anaconda-compatible API (v1) section: `/api/v1/organizations/{org_id}/...` with tokens from POST /api/iam/token; its errors are `{error: {code, message, data}}`, and 422 `{detail: [{loc, msg, type}]}`.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A token from POST /api/oauth/token" } },
    },
    paths: apiPaths,
    // What the portal POSTs to webhook endpoints (OpenAPI 3.1 webhooks), keyed by event type.
    webhooks: webhookEvents,
  });
}
