// Test-only: the channel, package and group use cases for the table that checks every mutation
// records activity, and a small world for channel tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Organization } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { resetConfig } from "@/lib/config";
import { addTestMember, createTestOrg, giveSubscription, serviceAccountOf } from "@/lib/domain/members/test-support";
import { addGroupMembers, removeGroupMembers } from "../groups/group-members";
import { createGroup } from "../groups/create-group";
import { deleteGroup } from "../groups/delete-group";
import { renameGroup } from "../groups/rename-group";
import { deletePackage } from "../packages/delete-package";
import { buildPackage, fileBody } from "../packages/test-support";
import { uploadPackage } from "../packages/upload-package";
import { createChannel } from "./create-channel";
import { deleteChannel } from "./delete-channel";
import { updateChannel } from "./update-channel";

type Kind = "user" | "service_account";
type ChannelCase = { useCase: string; kind: Kind; actions: string[]; setup: () => Promise<{ actor: Actor; act: () => Promise<unknown> }> };

/** Package files of tests go to a temporary PACKAGES_DIR, never the developer's .data/. */
export function useTemporaryPackagesDir() {
  if (!process.env.PACKAGES_DIR?.includes("test-packages-")) {
    process.env.PACKAGES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "test-packages-"));
    resetConfig();
  }
  return process.env.PACKAGES_DIR;
}

async function world(kind: Kind) {
  const { org, admin } = await createTestOrg("Chan");
  await giveSubscription(org, 10);
  const member = await addTestMember(org, "member");
  const actor: Actor = kind === "user" ? admin : serviceAccountOf(org);
  return { org, admin, member, actor };
}

const withChannel = async (org: Organization, admin: Actor) => createChannel(admin, org.slug, { name: "main" });

const both = (useCase: string, actions: string[], make: (w: Awaited<ReturnType<typeof world>>) => Promise<() => Promise<unknown>>): ChannelCase[] =>
  (["user", "service_account"] as const).map((kind) => ({
    useCase,
    kind,
    actions,
    setup: async () => {
      const w = await world(kind);
      return { actor: w.actor, act: await make(w) };
    },
  }));

export const channelCases: ChannelCase[] = [
  ...both("createChannel", ["channel.created"], async (w) => () => createChannel(w.actor, w.org.slug, { name: "new" })),
  ...both("updateChannel", ["channel.updated"], async (w) => {
    await withChannel(w.org, w.admin);
    return () => updateChannel(w.actor, w.org.slug, "main", { access: "groups" });
  }),
  ...both("deleteChannel", ["channel.deleted"], async (w) => {
    await withChannel(w.org, w.admin);
    return () => deleteChannel(w.actor, w.org.slug, "main");
  }),
  ...both("uploadPackage", ["package.uploaded"], async (w) => {
    useTemporaryPackagesDir();
    await withChannel(w.org, w.admin);
    const pkg = buildPackage({ name: "audited" });
    return () => uploadPackage(w.actor, w.org.slug, { channel: "main", subdir: "noarch", filename: pkg.filename }, fileBody(pkg.file));
  }),
  ...both("deletePackage", ["package.deleted"], async (w) => {
    useTemporaryPackagesDir();
    await withChannel(w.org, w.admin);
    const pkg = buildPackage({ name: "audited" });
    const target = { channel: "main", subdir: "noarch", filename: pkg.filename };
    await uploadPackage(w.admin, w.org.slug, target, fileBody(pkg.file));
    return () => deletePackage(w.actor, w.org.slug, target);
  }),
  ...both("createGroup", ["group.created"], async (w) => () => createGroup(w.actor, w.org.slug, { name: "Data" })),
  ...both("renameGroup", ["group.renamed"], async (w) => {
    const g = await createGroup(w.admin, w.org.slug, { name: "Data" });
    return () => renameGroup(w.actor, w.org.slug, g.id, { name: "Science" });
  }),
  ...both("deleteGroup", ["group.deleted"], async (w) => {
    const g = await createGroup(w.admin, w.org.slug, { name: "Data" });
    return () => deleteGroup(w.actor, w.org.slug, g.id);
  }),
  ...both("addGroupMembers", ["group.member_added", "group.member_added"], async (w) => {
    const g = await createGroup(w.admin, w.org.slug, { name: "Data" });
    const other = await addTestMember(w.org, "billing_manager");
    return () => addGroupMembers(w.actor, w.org.slug, g.id, { user_ids: [w.member.userId, other.userId] });
  }),
  ...both("removeGroupMembers", ["group.member_removed"], async (w) => {
    const g = await createGroup(w.admin, w.org.slug, { name: "Data" });
    await addGroupMembers(w.admin, w.org.slug, g.id, { user_ids: [w.member.userId] });
    return () => removeGroupMembers(w.actor, w.org.slug, g.id, { user_ids: [w.member.userId] });
  }),
];
