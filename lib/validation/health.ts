import { z } from "zod";
import { PROBLEM_CODES } from "@/lib/errors";

export const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: z.object({
      status: z.enum(["ok", "unavailable"]),
      kind: z.enum(["postgres", "pglite"]).optional(),
      latency_ms: z.number().optional(),
    }),
  })
  .meta({ id: "Health" });

export const mailboxMessageSchema = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "MailboxMessage" });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(PROBLEM_CODES).meta({ description: "A stable machine-readable error code." }),
    detail: z.string(),
    errors: z.record(z.string(), z.string()).optional().meta({ description: "Per-field messages for invalid input." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });
