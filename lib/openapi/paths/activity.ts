import type { ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { ORG_ACTIVITY_ACTIONS, activityPageSchema } from "@/lib/validation/activity";
import { bearer, json, orgCallErrors, orgIdParam, problem } from "../common";

export const activityPaths: ZodOpenApiPathsObject = {
  "/api/organizations/{orgId}/activity": {
    get: {
      tags: ["Activity"],
      summary: "The activity log, newest first, with filters and cursor pagination (or as CSV / JSON lines)",
      description: "Entries are append-only: the API has no call that edits or deletes one.",
      operationId: "listActivity",
      security: bearer,
      requestParams: {
        path: z.object({ orgId: orgIdParam }),
        query: z.object({
          actor: z.string().optional().meta({ description: "User or service account id, email, or service account name" }),
          action: z.enum(ORG_ACTIVITY_ACTIONS).optional().meta({ description: "One recorded action, e.g. seat.revoked" }),
          target: z.string().optional().meta({ description: "Target id or label (e.g. the member's email)" }),
          from: z.string().optional().meta({ description: "YYYY-MM-DD (UTC) or ISO 8601 time, inclusive" }),
          to: z.string().optional().meta({ description: "YYYY-MM-DD (UTC, inclusive) or ISO 8601 time (exclusive)" }),
          cursor: z.string().optional().meta({ description: "next_cursor of the previous page" }),
          format: z.enum(["json", "csv", "jsonl"]).optional().meta({ description: "csv or jsonl stream every matching entry (no paging)" }),
        }),
      },
      responses: {
        "200": {
          description: "One page of 100 entries; with format=csv or jsonl, a streamed file of all matching entries",
          content: {
            ...json(activityPageSchema),
            "text/csv": { schema: z.string() },
            "application/x-ndjson": { schema: z.string() },
          },
        },
        ...orgCallErrors,
        "422": problem("Invalid filter, with per-field errors"),
      },
    },
  },
};
