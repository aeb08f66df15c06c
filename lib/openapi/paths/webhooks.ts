import type { ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import {
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_TEST_EVENT,
  createWebhookSchema,
  createdWebhookSchema,
  updateWebhookSchema,
  webhookDeliveryPageSchema,
  webhookDeliverySchema,
  webhookEndpointSchema,
  webhookPayloadSchema,
} from "@/lib/validation/webhooks";
import { bearer, json, orgCallErrors, orgIdParam, problem } from "../common";

const tags = ["Webhooks"];
const webhookIdParam = z.string().meta({ description: "The endpoint's id (a UUID)." });
const endpointPath = z.object({ orgId: orgIdParam, webhookId: webhookIdParam });
const notFound = { "404": problem("No such organization for this caller, or no such endpoint or delivery in it") };
const turnedOff = {
  "409": problem("The endpoint is turned off (code webhook_disabled), or the delivery is still pending (delivery_pending)"),
};
const adminsOnly = "Account Admins' user tokens only: a service account cannot manage webhooks.";

export const webhookPaths: ZodOpenApiPathsObject = {
  "/api/organizations/{orgId}/webhooks": {
    get: {
      tags,
      summary: "The org's webhook endpoints (never their secrets)",
      description: adminsOnly,
      operationId: "listWebhookEndpoints",
      security: bearer,
      requestParams: { path: z.object({ orgId: orgIdParam }) },
      responses: { "200": { description: "Endpoints, oldest first", content: json(z.array(webhookEndpointSchema)) }, ...orgCallErrors },
    },
    post: {
      tags,
      summary: "Add an endpoint; the answer holds its whsec_ signing secret, shown once",
      description: `${adminsOnly} The URL must be https:// on a public address (checked after DNS resolution, and again before every delivery).`,
      operationId: "createWebhookEndpoint",
      security: bearer,
      requestParams: { path: z.object({ orgId: orgIdParam }) },
      requestBody: { content: json(createWebhookSchema) },
      responses: {
        "201": { description: "Created; store the secret now", content: json(createdWebhookSchema) },
        ...orgCallErrors,
        "409": problem("The org has the most endpoints it may have (code too_many_webhooks)"),
        "422": problem("Invalid URL or events, or a URL on a private address (code unsafe_url)"),
      },
    },
  },
  "/api/organizations/{orgId}/webhooks/{webhookId}": {
    get: {
      tags,
      summary: "One endpoint",
      operationId: "getWebhookEndpoint",
      security: bearer,
      requestParams: { path: endpointPath },
      responses: { "200": { description: "The endpoint", content: json(webhookEndpointSchema) }, ...orgCallErrors, ...notFound },
    },
    patch: {
      tags,
      summary: "Change the URL, events or description, or turn the endpoint off (enabled: false) and on",
      operationId: "updateWebhookEndpoint",
      security: bearer,
      requestParams: { path: endpointPath },
      requestBody: { content: json(updateWebhookSchema) },
      responses: {
        "200": { description: "Updated", content: json(webhookEndpointSchema) },
        ...orgCallErrors,
        ...notFound,
        "422": problem("Invalid URL or events, or a URL on a private address (code unsafe_url)"),
      },
    },
    delete: {
      tags,
      summary: "Delete an endpoint and its delivery log (pending deliveries are dropped)",
      operationId: "deleteWebhookEndpoint",
      security: bearer,
      requestParams: { path: endpointPath },
      responses: { "204": { description: "Deleted" }, ...orgCallErrors, ...notFound },
    },
  },
  "/api/organizations/{orgId}/webhooks/{webhookId}/deliveries": {
    get: {
      tags,
      summary: "The endpoint's delivery log, newest first, 25 a page",
      operationId: "listWebhookDeliveries",
      security: bearer,
      requestParams: {
        path: endpointPath,
        query: z.object({ cursor: z.string().optional().meta({ description: "next_cursor of the previous page" }) }),
      },
      responses: {
        "200": { description: "One page", content: json(webhookDeliveryPageSchema) },
        ...orgCallErrors,
        ...notFound,
        "422": problem("A cursor that is not a next_cursor"),
      },
    },
  },
  "/api/organizations/{orgId}/webhooks/{webhookId}/test": {
    post: {
      tags,
      summary: `Send Test Event: queue a ${WEBHOOK_TEST_EVENT} delivery to this endpoint`,
      operationId: "sendTestWebhookEvent",
      security: bearer,
      requestParams: { path: endpointPath },
      responses: { "202": { description: "Queued", content: json(webhookDeliverySchema) }, ...orgCallErrors, ...notFound, ...turnedOff },
    },
  },
  "/api/organizations/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": {
    post: {
      tags,
      summary: "Redeliver: queue a finished delivery again now, same webhook-id and body, with a fresh set of retries",
      operationId: "redeliverWebhook",
      security: bearer,
      requestParams: { path: endpointPath.extend({ deliveryId: z.string().meta({ description: "The delivery's id (a UUID)." }) }) },
      responses: { "202": { description: "Queued", content: json(webhookDeliverySchema) }, ...orgCallErrors, ...notFound, ...turnedOff },
    },
  },
};

const signatureHeaders = z.object({
  "webhook-id": z.string().meta({ description: "msg_...: the same on every retry and redelivery; deduplicate on it." }),
  "webhook-timestamp": z
    .string()
    .meta({ description: "Seconds since the epoch when this attempt was sent; refuse old ones (e.g. > 5 minutes)." }),
  "webhook-signature": z.string().meta({
    description:
      "v1,<base64 HMAC-SHA256 of `${webhook-id}.${webhook-timestamp}.${body}`> keyed with the base64-decoded part of the whsec_ secret (Standard Webhooks). Verify with any Standard Webhooks library.",
  }),
});

/**
 * The `webhooks` section: what the portal POSTs to an endpoint, one entry per event type. Every
 * event has the same envelope; `data.action` names the activity behind it and `data.details`
 * carries what the activity log records for it.
 */
export const webhookEvents: ZodOpenApiPathsObject = Object.fromEntries(
  [...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT].map((type) => [
    type,
    {
      post: {
        tags,
        summary: type === WEBHOOK_TEST_EVENT ? "Sent by Send Test Event" : `Sent when: ${type.replace(".", " ").replace("_", " ")}`,
        operationId: `webhook_${type.replace(/\./g, "_")}`,
        requestParams: { header: signatureHeaders },
        requestBody: { content: json(webhookPayloadSchema) },
        responses: {
          "200": {
            description: "Any 2xx within 5 s counts as delivered. Anything else (3xx included: redirects are not followed) is retried.",
          },
        },
      },
    },
  ]),
);
