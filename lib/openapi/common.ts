import { z } from "zod";
import { problemSchema } from "@/lib/validation/health";

export const json = (schema: z.ZodType) => ({ "application/json": { schema } });

export const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: problemSchema } } });

/** The errors every org-scoped API call can answer. */
export const orgCallErrors = {
  "401": problem("No valid access token (see WWW-Authenticate)"),
  "402": problem("The organization has no active subscription (code subscription_required)"),
  "403": problem("The caller may not do this (e.g. a member's user token)"),
  "404": problem("No such organization for this caller, or no such user in it"),
  "429": problem("Rate-limited; retry after the Retry-After header's seconds"),
};

export const orgIdParam = z.string().meta({ description: "The Organization ID (the slug in the portal's URLs)." });
export const userIdParam = z.uuid();
export const clientIdParam = z.string();
export const cursorQuery = z.string().optional();

export const idempotencyHeader = z
  .string()
  .max(255)
  .optional()
  .meta({ description: "Retrying a POST with the same key replays the first answer." });

export const bearer = [{ bearerAuth: [] }];
