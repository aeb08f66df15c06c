// The channel, package and group routes in the API authorization matrix
// (lib/http/api-authorization.db.test.ts): each makes what it acts on first.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import * as channel from "@/app/api/organizations/[orgId]/channels/[channel]/route";
import * as packages from "@/app/api/organizations/[orgId]/channels/[channel]/packages/route";
import * as packageFile from "@/app/api/organizations/[orgId]/channels/[channel]/packages/[subdir]/[filename]/route";
import * as channels from "@/app/api/organizations/[orgId]/channels/route";
import * as group from "@/app/api/organizations/[orgId]/groups/[groupId]/route";
import * as groupMembers from "@/app/api/organizations/[orgId]/groups/[groupId]/members/route";
import * as groups from "@/app/api/organizations/[orgId]/groups/route";
import { db, t } from "@/db";
import { createChannel } from "@/lib/domain/channels/create-channel";
import { useTemporaryPackagesDir } from "@/lib/domain/channels/test-support";
import { addGroupMembers } from "@/lib/domain/groups/group-members";
import { createGroup } from "@/lib/domain/groups/create-group";
import { buildPackage, fileBody, hasCph } from "@/lib/domain/packages/test-support";
import { uploadPackage } from "@/lib/domain/packages/upload-package";
import type { createApiOrg } from "./api";
import { createTestUser } from "./factories";

type Home = Awaited<ReturnType<typeof createApiOrg>>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type ChannelCall = {
  name: string;
  path: string;
  handler: Handler;
  method: string;
  body?: unknown;
  prepare?: (home: Home) => Promise<{ params?: Record<string, string>; body?: unknown }>;
};

const base = "/api/organizations/{orgId}";
const unique = (prefix: string) => `${prefix}-${randomBytes(3).toString("hex")}`;

async function aChannel(home: Home) {
  const name = unique("ch");
  await createChannel(home.admin, home.org.slug, { name });
  return name;
}

async function aGroupWithMember(home: Home) {
  const g = await createGroup(home.admin, home.org.slug, { name: unique("Group") });
  const user = await createTestUser("Grouped");
  await db().insert(t.memberships).values({ orgId: home.org.id, userId: user.userId, role: "member" });
  return { groupId: g.id, userId: user.userId };
}

async function aPackage(home: Home, upload: boolean) {
  useTemporaryPackagesDir();
  const name = await aChannel(home);
  const pkg = buildPackage({ name: unique("matrix") });
  if (upload)
    await uploadPackage(home.admin, home.org.slug, { channel: name, subdir: "noarch", filename: pkg.filename }, fileBody(pkg.file));
  return {
    params: { channel: name, subdir: "noarch", filename: pkg.filename },
    body: upload ? undefined : new Uint8Array(fs.readFileSync(pkg.file)),
  };
}

export const channelCalls: ChannelCall[] = [
  { name: "GET channels", path: `${base}/channels`, handler: channels.GET, method: "GET" },
  {
    name: "POST channels",
    path: `${base}/channels`,
    handler: channels.POST,
    method: "POST",
    prepare: async () => ({ body: { name: unique("new") } }),
  },
  {
    name: "GET channels/{channel}",
    path: `${base}/channels/{channel}`,
    handler: channel.GET,
    method: "GET",
    prepare: async (h) => ({ params: { channel: await aChannel(h) } }),
  },
  {
    name: "PATCH channels/{channel}",
    path: `${base}/channels/{channel}`,
    handler: channel.PATCH,
    method: "PATCH",
    body: { access: "groups" },
    prepare: async (h) => ({ params: { channel: await aChannel(h) } }),
  },
  {
    name: "DELETE channels/{channel}",
    path: `${base}/channels/{channel}`,
    handler: channel.DELETE,
    method: "DELETE",
    prepare: async (h) => ({ params: { channel: await aChannel(h) } }),
  },
  {
    name: "GET channels/{channel}/packages",
    path: `${base}/channels/{channel}/packages`,
    handler: packages.GET,
    method: "GET",
    prepare: async (h) => ({ params: { channel: await aChannel(h) } }),
  },
  ...(hasCph
    ? [
        {
          name: "PUT channels/{channel}/packages/{subdir}/{filename}",
          path: `${base}/channels/{channel}/packages/{subdir}/{filename}`,
          handler: packageFile.PUT,
          method: "PUT",
          prepare: (h: Home) => aPackage(h, false),
        },
        {
          name: "DELETE channels/{channel}/packages/{subdir}/{filename}",
          path: `${base}/channels/{channel}/packages/{subdir}/{filename}`,
          handler: packageFile.DELETE,
          method: "DELETE",
          prepare: (h: Home) => aPackage(h, true),
        },
      ]
    : []),
  { name: "GET groups", path: `${base}/groups`, handler: groups.GET, method: "GET" },
  {
    name: "POST groups",
    path: `${base}/groups`,
    handler: groups.POST,
    method: "POST",
    prepare: async () => ({ body: { name: unique("Team") } }),
  },
  ...(["GET", "PATCH", "DELETE"] as const).map((method) => ({
    name: `${method} groups/{groupId}`,
    path: `${base}/groups/{groupId}`,
    handler: group[method],
    method,
    prepare: async (h: Home) => ({
      params: { groupId: (await aGroupWithMember(h)).groupId },
      body: method === "PATCH" ? { name: unique("Renamed") } : undefined,
    }),
  })),
  {
    name: "GET groups/{groupId}/members",
    path: `${base}/groups/{groupId}/members`,
    handler: groupMembers.GET,
    method: "GET",
    prepare: async (h) => ({ params: { groupId: (await aGroupWithMember(h)).groupId } }),
  },
  {
    name: "POST groups/{groupId}/members",
    path: `${base}/groups/{groupId}/members`,
    handler: groupMembers.POST,
    method: "POST",
    prepare: async (h) => {
      const { groupId, userId } = await aGroupWithMember(h);
      return { params: { groupId }, body: { user_ids: [userId] } };
    },
  },
  {
    name: "DELETE groups/{groupId}/members",
    path: `${base}/groups/{groupId}/members`,
    handler: groupMembers.DELETE,
    method: "DELETE",
    prepare: async (h) => {
      const { groupId, userId } = await aGroupWithMember(h);
      await addGroupMembers(h.admin, h.org.slug, groupId, { user_ids: [userId] });
      return { params: { groupId }, body: { user_ids: [userId] } };
    },
  },
];
