import { z } from "zod";
import { displayNameSchema } from "./common";

/** Words the app's own routes use; an Organization ID may not be one of them. */
export const reservedOrgIds = new Set([
  "new",
  "api",
  "settings",
  "organizations",
  "organization",
  "admin",
  "docs",
  "dev",
  "t",
  "sign-in",
  "sign-up",
  "sign-out",
  "login",
  "logout",
  "signin",
  "signup",
  "invitations",
  "account",
  "help",
  "about",
  "static",
  "public",
  "www",
  "mail",
  "mailbox",
  "health",
  "metrics",
  "oauth",
  "well-known",
  "profile",
  "users",
  "billing",
  "support",
  "null",
  "undefined",
]);

export const ORG_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export const orgIdSchema = z
  .string({ error: "Enter an Organization ID." })
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(39, "Use at most 39 characters.")
  .regex(/^[a-z0-9-]+$/, "Use only letters a-z, digits and hyphens.")
  .regex(ORG_ID_PATTERN, "Start and end with a letter or digit.")
  .refine((id) => !reservedOrgIds.has(id), "This ID is reserved. Choose another.");

export const orgNameSchema = displayNameSchema("Enter an Organization Name.");

export const createOrganizationSchema = z.object({ name: orgNameSchema, orgId: orgIdSchema });
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

export const renameOrganizationSchema = z.object({ name: orgNameSchema });

/** Suggests an Organization ID from a name: "Acme Labs, Inc." -> "acme-labs-inc". */
export function suggestOrgId(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 39)
    .replace(/-+$/g, "");
}
