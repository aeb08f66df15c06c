import { z } from "zod";

export const cursorPage = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      data: z.array(item),
      total: z.number().int(),
      next_cursor: z.string().nullable().meta({ description: "Pass as ?cursor= for the next page; null on the last page." }),
    })
    .meta({ id });

export const orgUserListItemSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    role: z.enum(["admin", "billing_manager", "member"]),
    seat: z.boolean(),
    joined_at: z.string(),
    token: z.object({ status: z.enum(["active", "expired"]), expires_at: z.string() }).nullable(),
  })
  .meta({ id: "OrgUserListItem" });

export const invitationListItemSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(["admin", "billing_manager", "member"]),
    assign_seat: z.boolean().meta({ description: "A seat comes with it; a pending, unexpired one reserves the seat." }),
    status: z.enum(["pending", "expired"]),
    invited_by: z.string().nullable(),
    sent_at: z.string(),
    expires_at: z.string(),
  })
  .meta({ id: "InvitationListItem" });

export const orgUserListSchema = cursorPage(orgUserListItemSchema, "OrgUserList");
export const invitationListSchema = cursorPage(invitationListItemSchema, "InvitationList");
