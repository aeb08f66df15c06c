import { z } from "zod";
import { emailSchema, safeTextRefinement } from "./common";

const namePart = z
  .string()
  .trim()
  .max(100, "Use at most 100 characters.")
  .refine(...safeTextRefinement)
  .nullish();

/** POST /users: with an email, that person is added; without one, an organization-managed user is made. */
export const addOrgUserSchema = z
  .object({
    email: z.union([emailSchema, z.literal("").transform(() => null), z.null()]).optional(),
    first_name: namePart,
    last_name: namePart,
  })
  .meta({ id: "AddOrgUser" });
export type AddOrgUserInput = z.input<typeof addOrgUserSchema>;

export const orgUserSchema = z
  .object({
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email: z.string().nullable(),
    id: z.uuid(),
  })
  .meta({ id: "OrgUser" });

export const invitedUserSchema = z
  .object({
    invited: z.literal(true),
    email: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    invitation_id: z.uuid(),
    expires_at: z.iso.datetime(),
  })
  .meta({ id: "InvitedUser" });
