import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES } from "@/lib/validation/webhooks";
import { buildOpenApiDocument } from "../document";

describe("the OpenAPI document's webhooks", () => {
  it("documents every event type with the one payload schema and the signature headers", () => {
    const doc = buildOpenApiDocument("http://localhost:3000");
    expect(Object.keys(doc.webhooks ?? {}).sort()).toEqual([...WEBHOOK_EVENT_TYPES, "webhook.test"].sort());
    const op = (
      doc.webhooks?.["seat.assigned"] as {
        post: { requestBody: { content: Record<string, { schema: { $ref: string } }> }; parameters: Array<{ name: string }> };
      }
    ).post;
    expect(op.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/WebhookEvent");
    expect(op.parameters.map((p) => p.name).sort()).toEqual(["webhook-id", "webhook-signature", "webhook-timestamp"]);
    expect(doc.components?.schemas).toHaveProperty("WebhookEvent");
  });
});
