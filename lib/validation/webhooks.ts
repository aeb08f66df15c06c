import { z } from "zod";

/**
 * The events an endpoint may subscribe to. Each is sent when the org's activity log records one
 * of the actions mapped to it in lib/domain/webhooks/event-types.ts; the payload schema below
 * is documented in the OpenAPI document's `webhooks`.
 */
export const WEBHOOK_EVENT_TYPES = [
  "member.added",
  "member.removed",
  "member.role_changed",
  "seat.assigned",
  "seat.revoked",
  "token.issued",
  "token.revoked",
  "invitation.created",
  "invitation.accepted",
  "channel.created",
  "channel.updated",
  "channel.deleted",
  "package.uploaded",
  "package.deleted",
  "subscription.changed",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by Send Test Event, to the one endpoint, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const webhookEventLabels: Record<WebhookEventType, string> = {
  "member.added": "Member added",
  "member.removed": "Member removed",
  "member.role_changed": "Member role changed",
  "seat.assigned": "Seat assigned",
  "seat.revoked": "Seat revoked",
  "token.issued": "Token issued",
  "token.revoked": "Token revoked",
  "invitation.created": "Invitation created",
  "invitation.accepted": "Invitation accepted",
  "channel.created": "Channel created",
  "channel.updated": "Channel updated",
  "channel.deleted": "Channel deleted",
  "package.uploaded": "Package uploaded",
  "package.deleted": "Package deleted",
  "subscription.changed": "Subscription changed",
};

const urlSchema = z
  .string({ error: "Enter the endpoint URL." })
  .trim()
  .min(1, "Enter the endpoint URL.")
  .max(2000, "Use at most 2000 characters.")
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === "https:" || u.protocol === "http:";
    } catch {
      return false;
    }
  }, "Enter an https:// URL, e.g. https://hooks.example.com/portal.")
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.username === "" && u.password === "";
    } catch {
      return true;
    }
  }, "Leave user names and passwords out of the URL: check the webhook-signature header instead.")
  .meta({
    description:
      "Where events are POSTed. https:// on a public address (http:// and private addresses only where the operator allows them).",
  });

const eventTypesSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Choose events from the list." }), { error: "Choose at least one event." })
  .min(1, "Choose at least one event.")
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((v) => [...new Set(v)]);

const descriptionSchema = z
  .string({ error: "Enter a description." })
  .trim()
  .max(200, "Use at most 200 characters.")
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Use printable characters only.");

export const createWebhookSchema = z
  .object({ url: urlSchema, event_types: eventTypesSchema, description: descriptionSchema.default("") })
  .meta({ id: "CreateWebhookEndpoint" });
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const updateWebhookSchema = z
  .object({
    url: urlSchema.optional(),
    event_types: eventTypesSchema.optional(),
    description: descriptionSchema.optional(),
    enabled: z.boolean({ error: "enabled is true or false." }).optional(),
  })
  .meta({ id: "UpdateWebhookEndpoint" });
export type UpdateWebhookInput = z.input<typeof updateWebhookSchema>;

export const webhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    event_types: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    enabled: z.boolean(),
    disabled_reason: z
      .enum(["manual", "failing"])
      .nullable()
      .meta({ description: "manual: turned off by an admin; failing: turned off after five days of failed deliveries." }),
    consecutive_failures: z.number().int(),
    created_at: z.string(),
  })
  .meta({ id: "WebhookEndpoint" });
export type WebhookEndpointJson = z.infer<typeof webhookEndpointSchema>;

export const createdWebhookSchema = webhookEndpointSchema
  .extend({ secret: z.string().meta({ description: "The whsec_ signing secret. Shown once: store it now." }) })
  .meta({ id: "CreatedWebhookEndpoint" });

export const webhookDeliverySchema = z
  .object({
    id: z.uuid(),
    event_id: z.string().meta({ description: "The webhook-id header: the same on every retry and redelivery." }),
    event_type: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.number().int(),
    next_attempt_at: z.string().nullable(),
    last_attempt_at: z.string().nullable(),
    response_code: z.number().int().nullable(),
    response_snippet: z.string().nullable().meta({ description: "At most 1 KB of the receiver's answer, as text." }),
    duration_ms: z.number().int().nullable(),
    error: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDeliveryJson = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryPageSchema = z
  .object({
    data: z.array(webhookDeliverySchema),
    next_cursor: z.string().nullable().meta({ description: "Pass as ?cursor= for the next (older) page; null on the last page." }),
  })
  .meta({ id: "WebhookDeliveryPage" });

export const deliveryCursorSchema = z
  .string()
  .regex(/^\d{1,16}\.[0-9a-f-]{36}$/, "Use the next_cursor of the previous page.")
  .optional();

/** The body every delivery POSTs (Standard Webhooks' recommended {type, timestamp, data}). */
export const webhookPayloadSchema = z
  .object({
    type: z.string().meta({ description: "One of the event types, or webhook.test." }),
    timestamp: z.string().meta({ description: "When the change happened (ISO 8601, UTC)." }),
    data: z.object({
      organization: z.object({ id: z.string().meta({ description: "The Organization ID." }) }),
      action: z.string().meta({ description: "The activity log's action behind the event, e.g. token.reissued for token.issued." }),
      actor: z.object({
        type: z.enum(["user", "service_account", "scim", "sso", "system"]),
        id: z.string().nullable(),
        label: z.string().nullable(),
      }),
      target: z.object({ type: z.string(), id: z.string(), label: z.string().nullable() }).nullable(),
      details: z.record(z.string(), z.unknown()).meta({ description: "What the activity log records for the action (e.g. role, seats)." }),
    }),
  })
  .meta({ id: "WebhookEvent" });
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
