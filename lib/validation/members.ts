import { z } from "zod";
import { roles } from "@/lib/authz/policy";

/** One bulk request may touch at most this many users (an org of 10,000 in one go). */
export const MAX_BULK_USERS = 10_000;

export const memberSortSchema = z.enum(["name", "email", "role", "seat", "joined"]);
export type MemberSort = z.infer<typeof memberSortSchema>;

/** The Users table's query: search, filters, sorting and page. Bad values fall back to defaults. */
export const listMembersQuerySchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  role: z.enum(roles).optional().catch(undefined),
  seat: z.enum(["yes", "no"]).optional().catch(undefined),
  sort: memberSortSchema.catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(25).default(25),
});
export type ListMembersQuery = z.input<typeof listMembersQuerySchema>;

const userId = z.uuid({ error: "Choose a member of this organization." });

export const memberTargetSchema = z.object({ userId });

export const changeRoleSchema = z.object({
  userId,
  role: z.enum(roles, { error: "Choose Account Admin, Billing Manager or Member." }),
});
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;

export const bulkUsersSchema = z.object({
  userIds: z
    .array(userId, { error: "Choose at least one user." })
    .min(1, "Choose at least one user.")
    .max(MAX_BULK_USERS, `Choose at most ${MAX_BULK_USERS.toLocaleString("en")} users at once.`)
    .transform((ids) => [...new Set(ids)]),
});
export type BulkUsersInput = z.input<typeof bulkUsersSchema>;
