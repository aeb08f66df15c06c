// Test-only helpers for the SCIM *.db.test.ts files: an org with its SCIM token, and calls to the
// real route handlers with the headers identity providers send.
import * as groups from "@/app/scim/v2/organizations/[orgId]/Groups/route";
import * as group from "@/app/scim/v2/organizations/[orgId]/Groups/[id]/route";
import * as resourceTypes from "@/app/scim/v2/organizations/[orgId]/ResourceTypes/route";
import * as schemas from "@/app/scim/v2/organizations/[orgId]/Schemas/route";
import * as spc from "@/app/scim/v2/organizations/[orgId]/ServiceProviderConfig/route";
import * as users from "@/app/scim/v2/organizations/[orgId]/Users/route";
import * as user from "@/app/scim/v2/organizations/[orgId]/Users/[id]/route";
import * as other from "@/app/scim/v2/organizations/[orgId]/[...rest]/route";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/authz/actor";
import { callRoute, createApiOrg } from "@/test/api";
import { createScimGroup, deleteScimGroup, patchScimGroup, replaceScimGroup } from "./scim-group-writes";
import { generateScimToken, revokeScimToken } from "./scim-token";
import { createScimUser, deleteScimUser, patchScimUser, replaceScimUser } from "./scim-user-writes";

export const scimRoutes = { users, user, groups, group, spc, resourceTypes, schemas, other };

/** An API org (admin, subscription, service account) with a SCIM token. */
export async function scimOrg(seats = 10) {
  const home = await createApiOrg({ seats });
  const { token } = await generateScimToken(home.admin, home.org.slug);
  return { ...home, scimToken: token };
}

type Handler = Parameters<typeof callRoute>[0];

/** One SCIM call: `path` after the org's base, e.g. "/Users?filter=..." (the query reaches the handler). */
export function scim(
  handler: Handler,
  orgSlug: string,
  token: string | null,
  {
    method = "GET",
    path = "/Users",
    body,
    id,
    headers = {},
  }: { method?: string; path?: string; body?: unknown; id?: string; headers?: Record<string, string> } = {},
) {
  return callRoute(handler, {
    method,
    path: `/scim/v2/organizations/${orgSlug}${path}`,
    token,
    body,
    params: id ? { orgId: orgSlug, id } : { orgId: orgSlug },
    headers: body !== undefined ? { "content-type": "application/scim+json", ...headers } : headers,
  });
}

/** The org's identity provider as the domain sees it. */
export const scimActorOf = (orgId: string) => ({ kind: "scim" as const, orgId, label: "SCIM" as const, ip: "203.0.113.7" });

type ScimCase = {
  useCase: string;
  kind: "user" | "scim";
  actions: string[];
  setup: () => Promise<{ actor: Actor; act: () => Promise<unknown> }>;
};

async function scimWorld() {
  const home = await scimOrg();
  const actor = scimActorOf(home.org.id);
  const person = await createScimUser(actor, home.org.slug, {
    userName: `p-${randomBytes(3).toString("hex")}@corp.example`,
    externalId: "p",
  });
  return { home, actor, slug: home.org.slug, userId: person.id };
}

/** Cases for lib/domain/activity/every-mutation-records.db.test.ts: each SCIM use case and what it records. */
export const scimCases: ScimCase[] = [
  {
    useCase: "generateScimToken",
    kind: "user",
    actions: ["scim.token_generated"],
    setup: async () => {
      const home = await scimOrg();
      return { actor: home.admin, act: () => generateScimToken(home.admin, home.org.slug) };
    },
  },
  {
    useCase: "revokeScimToken",
    kind: "user",
    actions: ["scim.token_revoked"],
    setup: async () => {
      const home = await scimOrg();
      return { actor: home.admin, act: () => revokeScimToken(home.admin, home.org.slug) };
    },
  },
  {
    useCase: "createScimUser",
    kind: "scim",
    actions: ["member.added"],
    setup: async () => {
      const w = await scimWorld();
      return { actor: w.actor, act: () => createScimUser(w.actor, w.slug, { userName: "new@corp.example" }) };
    },
  },
  {
    useCase: "replaceScimUser",
    kind: "scim",
    actions: ["member.deactivated", "member.updated"],
    setup: async () => {
      const w = await scimWorld();
      return { actor: w.actor, act: () => replaceScimUser(w.actor, w.slug, w.userId, { userName: "renamed@corp.example", active: false }) };
    },
  },
  {
    useCase: "patchScimUser",
    kind: "scim",
    actions: ["member.deactivated"],
    setup: async () => {
      const w = await scimWorld();
      return {
        actor: w.actor,
        act: () => patchScimUser(w.actor, w.slug, w.userId, { Operations: [{ op: "Replace", path: "active", value: "False" }] }),
      };
    },
  },
  {
    useCase: "deleteScimUser",
    kind: "scim",
    actions: ["member.removed"],
    setup: async () => {
      const w = await scimWorld();
      return { actor: w.actor, act: () => deleteScimUser(w.actor, w.slug, w.userId) };
    },
  },
  {
    useCase: "createScimGroup",
    kind: "scim",
    actions: ["group.created", "group.member_added"],
    setup: async () => {
      const w = await scimWorld();
      return { actor: w.actor, act: () => createScimGroup(w.actor, w.slug, { displayName: "Eng", members: [{ value: w.userId }] }) };
    },
  },
  {
    useCase: "replaceScimGroup",
    kind: "scim",
    actions: ["group.renamed", "group.member_added"],
    setup: async () => {
      const w = await scimWorld();
      const g = await createScimGroup(w.actor, w.slug, { displayName: "Eng" });
      return {
        actor: w.actor,
        act: () => replaceScimGroup(w.actor, w.slug, g.id, { displayName: "Engineering", members: [{ value: w.userId }] }),
      };
    },
  },
  {
    useCase: "patchScimGroup",
    kind: "scim",
    actions: ["group.member_removed"],
    setup: async () => {
      const w = await scimWorld();
      const g = await createScimGroup(w.actor, w.slug, { displayName: "Eng", members: [{ value: w.userId }] });
      return {
        actor: w.actor,
        act: () => patchScimGroup(w.actor, w.slug, g.id, { Operations: [{ op: "remove", path: `members[value eq "${w.userId}"]` }] }),
      };
    },
  },
  {
    useCase: "deleteScimGroup",
    kind: "scim",
    actions: ["group.deleted"],
    setup: async () => {
      const w = await scimWorld();
      const g = await createScimGroup(w.actor, w.slug, { displayName: "Eng" });
      return { actor: w.actor, act: () => deleteScimGroup(w.actor, w.slug, g.id) };
    },
  },
];
