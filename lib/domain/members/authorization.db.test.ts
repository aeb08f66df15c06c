// The authorization matrix: every members, seats and subscription mutation, tried by
// each kind of caller. Denied callers change nothing (the database is compared afterwards);
// allowed callers change exactly what they asked for.
import { describe, expect, it } from "vitest";
import type { Organization } from "@/db/schema";
import { anonymous, type Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/test/db";
import { createTestUser, rejectionOf, type UserActor } from "@/test/factories";
import { assignSeat, assignSeats } from "../seats/assign-seats";
import { revokeSeat, revokeSeats } from "../seats/revoke-seats";
import { purchaseSubscription } from "../subscriptions/purchase-subscription";
import { renewSubscription } from "../subscriptions/renew-subscription";
import { updateSubscription } from "../subscriptions/update-subscription";
import { changeMemberRole } from "./change-member-role";
import { leaveOrganization } from "./leave-organization";
import { removeMember } from "./remove-member";
import {
  addTestMember,
  createTestOrg,
  giveSubscription,
  giveToken,
  liveTokens,
  membership,
  orgState,
  serviceAccountOf,
} from "./test-support";

useTestDatabase();

type Caller =
  | "anonymous"
  | "non-member"
  | "member"
  | "billing manager"
  | "admin of another org"
  | "service account of another org"
  | "service account"
  | "admin";
const callers: Caller[] = [
  "anonymous",
  "non-member",
  "member",
  "billing manager",
  "admin of another org",
  "service account of another org",
  "service account",
  "admin",
];

type World = {
  org: Organization;
  actors: Record<Caller, Actor>;
  member: UserActor;
  billing: UserActor;
  /** A seated member holding a token: the target of the members mutations. */
  target: UserActor;
  /** A member without a seat. */
  unseated: UserActor;
};

async function world({ subscription = true } = {}): Promise<World> {
  const { org, admin } = await createTestOrg("Matrix");
  const other = await createTestOrg("Elsewhere");
  const member = await addTestMember(org, "member");
  const billing = await addTestMember(org, "billing_manager");
  const target = await addTestMember(org, "member");
  const unseated = await addTestMember(org, "member");
  if (subscription) {
    await giveSubscription(org, 5);
    await assignSeats(admin, org.slug, { userIds: [target.userId] });
    await giveToken(org, target.userId);
  }
  return {
    org,
    member,
    billing,
    target,
    unseated,
    actors: {
      anonymous: anonymous("198.51.100.1"),
      "non-member": await createTestUser("Stranger"),
      member,
      "billing manager": billing,
      "admin of another org": other.admin,
      "service account of another org": serviceAccountOf(other.org),
      "service account": serviceAccountOf(org),
      admin,
    },
  };
}

type Mutation = {
  name: string;
  allowed: Caller[];
  /** The error code for each denied caller that differs from the usual one. */
  denied?: Partial<Record<Caller, string>>;
  subscription?: boolean;
  run: (w: World, actor: Actor) => Promise<unknown>;
  changed: (w: World, actor: Actor) => Promise<void>;
};

const usualDenial: Record<Caller, string> = {
  anonymous: "unauthenticated",
  "non-member": "not_found",
  member: "forbidden",
  "billing manager": "forbidden",
  "admin of another org": "not_found",
  "service account of another org": "not_found",
  "service account": "forbidden",
  admin: "forbidden",
};

const membersManagers: Caller[] = ["admin", "service account"];
const subscriptionManagers: Caller[] = ["admin", "billing manager"];

const mutations: Mutation[] = [
  {
    name: "assignSeat",
    allowed: membersManagers,
    run: (w, a) => assignSeat(a, w.org.slug, { userId: w.unseated.userId }),
    changed: async (w) => expect((await membership(w.org, w.unseated.userId))?.seatAssignedAt).not.toBeNull(),
  },
  {
    name: "assignSeats",
    allowed: membersManagers,
    run: (w, a) => assignSeats(a, w.org.slug, { userIds: [w.unseated.userId, w.member.userId] }),
    changed: async (w) => {
      expect((await membership(w.org, w.unseated.userId))?.seatAssignedAt).not.toBeNull();
      expect((await membership(w.org, w.member.userId))?.seatAssignedAt).not.toBeNull();
    },
  },
  {
    name: "revokeSeat",
    allowed: membersManagers,
    run: (w, a) => revokeSeat(a, w.org.slug, { userId: w.target.userId }),
    changed: async (w) => {
      expect(await membership(w.org, w.target.userId)).toMatchObject({ seatAssignedAt: null, role: "member" });
      expect(await liveTokens(w.org, w.target.userId)).toEqual([]);
    },
  },
  {
    name: "revokeSeats",
    allowed: membersManagers,
    run: (w, a) => revokeSeats(a, w.org.slug, { userIds: [w.target.userId] }),
    changed: async (w) => {
      expect(await membership(w.org, w.target.userId)).toMatchObject({ seatAssignedAt: null });
      expect(await liveTokens(w.org, w.target.userId)).toEqual([]);
    },
  },
  {
    name: "changeMemberRole",
    allowed: membersManagers,
    run: (w, a) => changeMemberRole(a, w.org.slug, { userId: w.target.userId, role: "billing_manager" }),
    changed: async (w) => expect((await membership(w.org, w.target.userId))?.role).toBe("billing_manager"),
  },
  {
    name: "removeMember",
    allowed: membersManagers,
    run: (w, a) => removeMember(a, w.org.slug, { userId: w.target.userId }),
    changed: async (w) => {
      expect(await membership(w.org, w.target.userId)).toBeNull();
      expect(await liveTokens(w.org, w.target.userId)).toEqual([]);
    },
  },
  {
    name: "leaveOrganization (the caller leaves)",
    allowed: ["member", "billing manager"],
    denied: { "service account": "unauthenticated", "service account of another org": "unauthenticated" },
    run: (w, a) => leaveOrganization(a, w.org.slug),
    changed: async (w, a) => expect(await membership(w.org, (a as UserActor).userId)).toBeNull(),
  },
  {
    name: "purchaseSubscription",
    allowed: subscriptionManagers,
    subscription: false,
    run: (w, a) => purchaseSubscription(a, w.org.slug, { seats: 3, billingCycle: "monthly" }),
    changed: async (w) => expect((await orgState(w.org)).subs).toEqual([expect.objectContaining({ seats: 3 })]),
  },
  {
    name: "updateSubscription",
    allowed: subscriptionManagers,
    run: (w, a) => updateSubscription(a, w.org.slug, { seats: 9, billingCycle: "monthly" }),
    changed: async (w) => expect((await orgState(w.org)).subs).toEqual([expect.objectContaining({ seats: 9 })]),
  },
  {
    name: "renewSubscription",
    allowed: subscriptionManagers,
    run: (w, a) => renewSubscription(a, w.org.slug),
    changed: async (w) => expect((await orgState(w.org)).ledger.map((l) => l.kind)).toContain("renewal"),
  },
];

describe.each(mutations)("$name", (m) => {
  it.each(callers)("by %s", async (caller) => {
    const w = await world({ subscription: m.subscription ?? true });
    const actor = w.actors[caller];
    const before = await orgState(w.org);
    if (m.allowed.includes(caller)) {
      await m.run(w, actor);
      await m.changed(w, actor);
      expect((await orgState(w.org)).events).toBeGreaterThan(before.events);
    } else {
      const err = await rejectionOf(m.run(w, actor));
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe(m.denied?.[caller] ?? usualDenial[caller]);
      expect(await orgState(w.org)).toEqual(before);
    }
  });
});
