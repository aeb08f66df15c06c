import { z } from "zod";

export const CHANNEL_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export const channelNameSchema = z
  .string({ error: "Enter a channel name." })
  .trim()
  .min(1, "Enter a channel name.")
  .max(64, "Use at most 64 characters.")
  .regex(CHANNEL_NAME, "Start with a lower-case letter or digit; then use lower-case letters, digits, dots, hyphens and underscores.");

export const channelAccessSchema = z.enum(["all_seated", "groups"], { error: "Choose All seated members or Selected groups." }).meta({
  description: "all_seated: every member holding a seat reads it; groups: only members of the channel's groups (admins read all).",
});

const descriptionSchema = z.string({ error: "Enter a description." }).trim().max(500, "Use at most 500 characters.");
const groupIdsSchema = z.array(z.uuid({ error: "Each group id must be a UUID." }), { error: "Give a list of group ids." }).max(100);

export const createChannelSchema = z
  .object({
    name: channelNameSchema,
    description: descriptionSchema.default(""),
    access: channelAccessSchema.default("all_seated"),
    group_ids: groupIdsSchema.default([]),
  })
  .meta({ id: "CreateChannel" });

export const updateChannelSchema = z
  .object({
    description: descriptionSchema.optional(),
    access: channelAccessSchema.optional(),
    group_ids: groupIdsSchema.optional(),
  })
  .meta({ id: "UpdateChannel" });

export const channelSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    access: channelAccessSchema,
    groups: z.array(z.object({ id: z.uuid(), name: z.string() })),
    package_count: z.number().int(),
    created_at: z.string(),
  })
  .meta({ id: "Channel" });

export const packageSchema = z
  .object({
    filename: z.string(),
    subdir: z.string(),
    name: z.string(),
    version: z.string(),
    build: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    md5: z.string(),
    uploaded_by: z.string().nullable(),
    uploaded_at: z.string(),
    downloads: z.number().int(),
  })
  .meta({ id: "Package" });

// Platform subdirs conda clients ask for; anything else is not a channel path.
export const SUBDIRS = [
  "noarch",
  "linux-64",
  "linux-32",
  "linux-aarch64",
  "linux-armv6l",
  "linux-armv7l",
  "linux-ppc64le",
  "linux-ppc64",
  "linux-s390x",
  "linux-riscv64",
  "osx-64",
  "osx-arm64",
  "win-64",
  "win-32",
  "win-arm64",
  "emscripten-wasm32",
  "wasi-wasm32",
  "zos-z",
] as const;

export const isSubdir = (value: string): boolean => (SUBDIRS as readonly string[]).includes(value);

export const groupNameSchema = z
  .string({ error: "Enter a group name." })
  .trim()
  .min(1, "Enter a group name.")
  .max(64, "Use at most 64 characters.")
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Use printable characters only.");

export const createGroupSchema = z.object({ name: groupNameSchema }).meta({ id: "CreateGroup" });
export const updateGroupSchema = z.object({ name: groupNameSchema }).meta({ id: "UpdateGroup" });

export const groupMembersSchema = z
  .object({
    user_ids: z
      .array(z.uuid({ error: "Each user id must be a UUID." }), { error: "Give a list of user ids." })
      .min(1, "Pick at least one member.")
      .max(1000, "At most 1000 members at once."),
  })
  .meta({ id: "GroupMembers" });

export const groupSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    member_count: z.number().int(),
    created_at: z.string(),
  })
  .meta({ id: "Group" });

export const groupMemberSchema = z
  .object({ user_id: z.uuid(), name: z.string(), email: z.string().nullable(), role: z.string() })
  .meta({ id: "GroupMember" });
