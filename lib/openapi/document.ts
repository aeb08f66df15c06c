import { z } from "zod";
import { createDocument } from "zod-openapi";
import { healthSchema, mailboxMessageSchema, problemSchema } from "@/lib/validation/health";

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes use. */
export function buildOpenApiDocument(serverUrl: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Org Portal API",
      version: "0.1.0",
      description: "Manage organizations, members, seats and tokens. Errors are application/problem+json (RFC 9457).",
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/api/health": {
        get: {
          summary: "Application and database status",
          operationId: "getHealth",
          responses: {
            "200": { description: "Healthy", content: { "application/json": { schema: healthSchema } } },
            "503": { description: "The database is unavailable", content: { "application/json": { schema: healthSchema } } },
          },
        },
      },
      "/api/dev/mailbox": {
        get: {
          summary: "Messages sent while no email provider is configured",
          operationId: "listMailbox",
          responses: {
            "200": { description: "Newest first", content: { "application/json": { schema: z.array(mailboxMessageSchema) } } },
            "404": problemResponse("An email provider is configured, so there is no local mailbox"),
          },
        },
      },
    },
  });
}
