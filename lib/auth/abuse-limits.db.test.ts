import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { inviteMembers } from "@/lib/domain/invitations/invite-members";
import { createOrganization } from "@/lib/domain/organizations/create-organization";
import { signUp } from "@/lib/domain/users/sign-up";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/test/db";
import { createTestUser, rejectionOf } from "@/test/factories";

useTestDatabase();

const names = ["SIGN_UP_LIMIT_PER_HOUR", "ORG_CREATION_LIMIT_PER_HOUR", "INVITATION_LIMIT_PER_HOUR"] as const;
let saved: Record<string, string | undefined> = {};

beforeEach(() => {
  saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  process.env.SIGN_UP_LIMIT_PER_HOUR = "2";
  process.env.ORG_CREATION_LIMIT_PER_HOUR = "2";
  process.env.INVITATION_LIMIT_PER_HOUR = "2";
  resetConfig();
});

afterEach(() => {
  for (const n of names) process.env[n] = saved[n];
  resetConfig();
});

const uniqueIp = () => `198.51.100.${1 + (randomBytes(1)[0] % 250)}`;
const orgId = () => `abuse-${randomBytes(3).toString("hex")}`;

function expectRateLimited(err: unknown) {
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("rate_limited");
  expect((err as AppError).retryAfterSeconds).toBeGreaterThan(0);
  expect((err as AppError).retryAfterSeconds).toBeLessThanOrEqual(3600);
}

describe("anti-automation limits", () => {
  it("sign-ups from one IP address stop at the limit; another address still signs up", async () => {
    const ip = `2001:db8::${randomBytes(2).toString("hex")}`;
    const account = () => ({ name: "Bot", email: `bot-${randomBytes(4).toString("hex")}@example.test`, password: "correct horse battery" });
    await signUp(account(), { ip });
    await signUp(account(), { ip });
    expectRateLimited(await rejectionOf(signUp(account(), { ip })));
    await expect(signUp(account(), { ip: uniqueIp() })).resolves.toBeTruthy();
  });

  it("an account creates at most the limit of organizations per hour", async () => {
    const alice = { ...(await createTestUser("Alice")), ip: uniqueIp() };
    await createOrganization(alice, { name: "One", orgId: orgId() });
    await createOrganization(alice, { name: "Two", orgId: orgId() });
    expectRateLimited(await rejectionOf(createOrganization(alice, { name: "Three", orgId: orgId() })));
    const bob = { ...(await createTestUser("Bob")), ip: uniqueIp() };
    await expect(createOrganization(bob, { name: "Bob's", orgId: orgId() })).resolves.toBeTruthy();
  });

  it("one IP address is limited across accounts (three times an account's budget)", async () => {
    const ip = uniqueIp();
    let refused: unknown = null;
    for (let i = 0; i < 4 && !refused; i++) {
      const user = { ...(await createTestUser(`U${i}`)), ip };
      for (let j = 0; j < 2 && !refused; j++) {
        refused = await createOrganization(user, { name: "Org", orgId: orgId() }).then(
          () => null,
          (err: unknown) => err,
        );
      }
    }
    expectRateLimited(refused);
  });

  it("invitation sends are limited per account, whatever the org", async () => {
    process.env.ORG_CREATION_LIMIT_PER_HOUR = "100";
    resetConfig();
    const admin = { ...(await createTestUser("Admin")), ip: uniqueIp() };
    const a = await createOrganization(admin, { name: "A", orgId: orgId() });
    const b = await createOrganization(admin, { name: "B", orgId: orgId() });
    await inviteMembers(admin, a.slug, { emails: ["one@example.test"] });
    await inviteMembers(admin, b.slug, { emails: ["two@example.test"] });
    expectRateLimited(await rejectionOf(inviteMembers(admin, a.slug, { emails: ["three@example.test"] })));
  });
});
