import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as addUserRoute } from "@/app/api/organizations/[orgId]/users/route";
import { POST as addDomainRoute } from "@/app/api/organizations/[orgId]/domains/route";
import { POST as verifyRoute } from "@/app/api/organizations/[orgId]/domains/[domain]/verify/route";
import { db, t } from "@/db";
import { resetConfig } from "@/lib/config";
import { addOrgUser } from "@/lib/domain/api-users/add-org-user";
import { addTestMember, createTestOrg, giveSubscription } from "@/lib/domain/members/test-support";
import { onboardUsers } from "@/lib/domain/onboarding/onboard-users";
import { callRoute, createApiOrg } from "@/test/api";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { addDomain, PENDING_CLAIM_DAYS } from "./add-domain";
import { findOrgByVerifiedDomain } from "./find-org-by-verified-domain";
import { joinOrganization, listJoinableOrganizations } from "./join-organization";
import { listDomains } from "./list-domains";
import { removeDomain } from "./remove-domain";
import { setDomainJoin } from "./set-domain-join";
import { accountAt, testDns, uniqueDomain, verifiedDomain } from "./test-support";
import { VERIFY_LIMIT, verifyDomain } from "./verify-domain";

useTestDatabase();

const membershipOf = async (orgId: string, userId: string) =>
  (
    await db()
      .select()
      .from(t.memberships)
      .where(and(eq(t.memberships.orgId, orgId), eq(t.memberships.userId, userId)))
  )[0];

describe("adding domains", () => {
  it("normalises the name, shows the TXT record, and keeps one org per domain without naming the other", async () => {
    const { org, admin } = await createTestOrg("Acme");
    const domain = uniqueDomain("Acme").toUpperCase();
    const added = await addDomain(admin, org.slug, { domain: ` ${domain}. ` });
    expect(added).toMatchObject({
      domain: domain.toLowerCase(),
      status: "pending",
      record_name: `_org-portal-challenge.${domain.toLowerCase()}`,
    });
    expect(added.record_value).toMatch(/^org-portal-verification=[A-Za-z0-9_-]{32}$/);

    const again = await rejectionOf(addDomain(admin, org.slug, { domain }));
    expect(again).toMatchObject({
      code: "conflict",
      reason: "domain_taken",
      message: "This domain is already in your organization's list.",
    });
    const other = await createTestOrg("Rival Org");
    const taken = (await rejectionOf(addDomain(other.admin, other.org.slug, { domain: domain.toLowerCase() }))) as Error;
    expect(taken).toMatchObject({ code: "conflict", reason: "domain_taken" });
    expect(taken.message).not.toContain(org.slug);
    expect(taken.message).not.toContain(org.name);
    expect((await listDomains(other.admin, other.org.slug)).domains).toEqual([]);
  });

  it(`a claim nobody verified within ${PENDING_CLAIM_DAYS} days lapses when another org adds the domain; a verified or recent one does not`, async () => {
    const squatter = await createTestOrg("Squatter");
    const owner = await createTestOrg("Real Owner");
    const domain = uniqueDomain("squatted");
    await addDomain(squatter.admin, squatter.org.slug, { domain });
    const age = (days: number) =>
      db()
        .update(t.orgDomains)
        .set({ createdAt: new Date(Date.now() - days * 86_400_000) })
        .where(eq(t.orgDomains.domain, domain));

    await age(PENDING_CLAIM_DAYS - 1);
    const early = (await rejectionOf(addDomain(owner.admin, owner.org.slug, { domain }))) as Error;
    expect(early).toMatchObject({ code: "conflict", reason: "domain_taken" });
    expect(early.message).toContain(`not verified within ${PENDING_CLAIM_DAYS} days lapses`);

    await age(PENDING_CLAIM_DAYS + 1);
    const taken = await addDomain(owner.admin, owner.org.slug, { domain });
    expect(taken).toMatchObject({ domain, status: "pending" });
    expect((await listDomains(squatter.admin, squatter.org.slug)).domains).toEqual([]);
    expect((await listDomains(owner.admin, owner.org.slug)).domains).toEqual([expect.objectContaining({ domain })]);
    // The new claim is recent: the first org cannot take it back.
    expect(await rejectionOf(addDomain(squatter.admin, squatter.org.slug, { domain }))).toMatchObject({ reason: "domain_taken" });

    // A verified claim never lapses, however old.
    const verified = await verifiedDomain(owner.admin, owner.org);
    await db()
      .update(t.orgDomains)
      .set({ createdAt: new Date(Date.now() - 100 * 86_400_000) })
      .where(eq(t.orgDomains.domain, verified));
    expect(await rejectionOf(addDomain(squatter.admin, squatter.org.slug, { domain: verified }))).toMatchObject({ reason: "domain_taken" });
  });

  it("refuses what is not a hostname, members who are not admins, and strangers", async () => {
    const { org, admin } = await createTestOrg("Shape");
    for (const bad of [
      "https://example.com",
      "me@example.com",
      "example",
      "10.0.0.1",
      "-bad.example",
      "a..example",
      "exa mple.com",
      "x".repeat(64) + ".com",
      "",
    ]) {
      expect(await rejectionOf(addDomain(admin, org.slug, { domain: bad })), bad).toMatchObject({ code: "validation" });
    }
    expect(await addDomain(admin, org.slug, { domain: "xn--bcher-kva.example" })).toMatchObject({ status: "pending" });
    const member = await addTestMember(org, "member");
    expect(await rejectionOf(addDomain(member, org.slug, { domain: uniqueDomain() }))).toMatchObject({ code: "forbidden" });
    const stranger = await createTestOrg("Elsewhere");
    expect(await rejectionOf(addDomain(stranger.admin, org.slug, { domain: uniqueDomain() }))).toMatchObject({ code: "not_found" });
    expect(await rejectionOf(listDomains(member, org.slug))).toMatchObject({ code: "forbidden" });
  });
});

describe("verifying through a real DNS server", () => {
  it("verifies when the TXT record holds the value, not when it is missing or different", async () => {
    const dns = await testDns();
    const { org, admin } = await createTestOrg("Verify");
    const added = await addDomain(admin, org.slug, { domain: uniqueDomain() });

    expect(await verifyDomain(admin, org.slug, added.domain)).toMatchObject({ outcome: "no_record", domain: { status: "pending" } });
    dns.publish(added.record_name, "org-portal-verification=someone-elses-value", "v=spf1 -all");
    expect(await verifyDomain(admin, org.slug, added.domain)).toMatchObject({ outcome: "wrong_value", domain: { status: "pending" } });
    expect(await findOrgByVerifiedDomain(`someone@${added.domain}`)).toBeNull();

    dns.publish(added.record_name, "v=spf1 -all", added.record_value);
    const ok = await verifyDomain(admin, org.slug, added.domain.toUpperCase());
    expect(ok).toMatchObject({ outcome: "verified", domain: { status: "verified" } });
    expect(ok.domain.verified_at).not.toBeNull();
    expect(await findOrgByVerifiedDomain(`Someone@${added.domain.toUpperCase()}`)).toEqual({ orgId: org.id, orgSlug: org.slug });
    expect(await findOrgByVerifiedDomain(`someone@sub.${added.domain}`)).toBeNull();
    const log = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "domain.verified")));
    expect(log).toHaveLength(1);
  });

  it("answers lookup_failed when no DNS server answers, and limits verification attempts per org", async () => {
    const { org, admin } = await createTestOrg("Limits");
    const added = await addDomain(admin, org.slug, { domain: uniqueDomain() });
    const dns = await testDns();
    // A resolver that does not answer (nothing listens on port 9 of loopback): a failure, not "no record".
    process.env.DNS_SERVERS = "127.0.0.1:9";
    resetConfig();
    try {
      expect(await verifyDomain(admin, org.slug, added.domain)).toMatchObject({ outcome: "lookup_failed", domain: { status: "pending" } });
    } finally {
      process.env.DNS_SERVERS = dns.address;
      resetConfig();
    }
    for (let i = 1; i < VERIFY_LIMIT.points; i++) await verifyDomain(admin, org.slug, added.domain);
    expect(await rejectionOf(verifyDomain(admin, org.slug, added.domain))).toMatchObject({ code: "rate_limited", reason: "too_many" });
    expect(await rejectionOf(verifyDomain(admin, org.slug, "not-mine.example"))).toMatchObject({ code: "not_found" });
  });

  it("removal frees the domain for another org and stops joins", async () => {
    const { org, admin } = await createTestOrg("Remover");
    const domain = await verifiedDomain(admin, org);
    await removeDomain(admin, org.slug, domain);
    expect(await findOrgByVerifiedDomain(`a@${domain}`)).toBeNull();
    const other = await createTestOrg("Next Owner");
    expect(await addDomain(other.admin, other.org.slug, { domain })).toMatchObject({ status: "pending" });
    expect(await rejectionOf(removeDomain(admin, org.slug, domain))).toMatchObject({ code: "not_found" });
  });
});

describe("joining through a verified domain", () => {
  it("a verified address of the domain joins as a Member without a seat, only while the org allows it", async () => {
    const { org, admin } = await createTestOrg("Joinable");
    await giveSubscription(org, 5);
    const domain = await verifiedDomain(admin, org);
    const person = await accountAt(`pat@${domain}`);

    // Setting off: the org is neither offered nor joinable (and not revealed).
    expect(await listJoinableOrganizations(person)).toEqual([]);
    expect(await rejectionOf(joinOrganization(person, org.slug))).toMatchObject({ code: "not_found" });

    expect(await setDomainJoin(admin, org.slug, { allowed: true })).toEqual({ allowed: true, changed: true });
    expect((await listDomains(admin, org.slug)).allow_domain_join).toBe(true);
    expect(await listJoinableOrganizations(person)).toEqual([expect.objectContaining({ orgId: org.slug, name: org.name })]);
    expect(await joinOrganization(person, org.slug)).toEqual({ orgId: org.slug, name: org.name, role: "member" });
    expect(await membershipOf(org.id, person.userId)).toMatchObject({ role: "member", seatAssignedAt: null });
    expect(await listJoinableOrganizations(person)).toEqual([]);
    expect(await rejectionOf(joinOrganization(person, org.slug))).toMatchObject({ code: "conflict", reason: "already_member" });
  });

  it("refuses an unverified address, another domain, a pending domain and a subdomain", async () => {
    const { org, admin } = await createTestOrg("Strict");
    const domain = await verifiedDomain(admin, org);
    const pending = await addDomain(admin, org.slug, { domain: uniqueDomain("pending") });
    await setDomainJoin(admin, org.slug, { allowed: true });

    const unverified = await accountAt(`new@${domain}`, { verified: false });
    expect(await listJoinableOrganizations(unverified)).toEqual([]);
    expect(await rejectionOf(joinOrganization(unverified, org.slug))).toMatchObject({ code: "forbidden", reason: "email_unverified" });
    for (const email of [`x@${uniqueDomain("other")}`, `x@${pending.domain}`, `x@sub.${domain}`]) {
      const person = await accountAt(email);
      expect(await rejectionOf(joinOrganization(person, org.slug)), email).toMatchObject({ code: "not_found" });
      expect(await membershipOf(org.id, person.userId)).toBeUndefined();
    }
    const control = await accountAt(`ok@${domain}`);
    await joinOrganization(control, org.slug);
    expect(await membershipOf(org.id, control.userId)).toBeDefined();
  });
});

describe("adding existing accounts (DESIGN 8.2)", () => {
  it("the API adds a verified address of a verified domain directly and invites everyone else", async () => {
    const { org, admin, saToken } = await createApiOrg();
    const anonymous = await callRoute(addDomainRoute, { method: "POST", params: { orgId: org.slug }, body: { domain: uniqueDomain() } });
    expect(anonymous.status).toBe(401);
    const dns = await testDns();
    const domain = (await addDomain(admin, org.slug, { domain: uniqueDomain("api") })).domain;
    const [row] = await db().select().from(t.orgDomains).where(eq(t.orgDomains.domain, domain));
    dns.publish(`_org-portal-challenge.${domain}`, row.verificationToken);
    // A service account cannot verify (settings.update is a person's), an admin can.
    const bySa = await callRoute(verifyRoute, { method: "POST", token: saToken, params: { orgId: org.slug, domain } });
    expect(bySa.status).toBe(403);
    await verifyDomain(admin, org.slug, domain);

    const insider = await accountAt(`insider@${domain}`);
    const direct = await callRoute(addUserRoute, {
      method: "POST",
      token: saToken,
      params: { orgId: org.slug },
      body: { email: insider.label },
    });
    expect(direct.status).toBe(201);
    expect(direct.body).toMatchObject({ id: insider.userId, email: insider.label });
    expect(await membershipOf(org.id, insider.userId)).toMatchObject({ role: "member" });

    const unverified = await accountAt(`unverified@${domain}`, { verified: false });
    const outsider = await accountAt(`outsider@${uniqueDomain("out")}`);
    for (const person of [unverified, outsider]) {
      const res = await callRoute(addUserRoute, {
        method: "POST",
        token: saToken,
        params: { orgId: org.slug },
        body: { email: person.label },
      });
      expect([res.status, res.body.invited], person.label).toEqual([202, true]);
      expect(await membershipOf(org.id, person.userId)).toBeUndefined();
    }
    // The same rule holds for the use case the v1 API shares.
    const late = await accountAt(`late@${domain}`);
    expect(await addOrgUser(admin, org.slug, { email: late.label })).toMatchObject({ id: late.userId });
  });

  it("onboarding gives verified-domain accounts a seat and a token and invites the others", async () => {
    const { org, admin } = await createTestOrg("Onboard");
    await giveSubscription(org, 5);
    const domain = await verifiedDomain(admin, org);
    const insider = await accountAt(`in@${domain}`);
    const outsider = await accountAt(`out@${uniqueDomain("out")}`);
    const fresh = `fresh@${uniqueDomain("new")}`;
    const result = await onboardUsers(admin, org.slug, { user_emails: [insider.label, outsider.label, fresh] });
    expect(result.users_in_onboarding_process).toEqual([insider.label, fresh]);
    expect(result.users_unavailable_for_onboarding).toEqual([outsider.label]);
    expect(result.available_organization_seats).toBe(3);
    expect((await membershipOf(org.id, insider.userId))?.seatAssignedAt).not.toBeNull();
    expect(await membershipOf(org.id, outsider.userId)).toBeUndefined();
    const tokens = await db().select().from(t.memberTokens).where(eq(t.memberTokens.userId, insider.userId));
    expect(tokens).toHaveLength(1);
    const invited = await db().select().from(t.invitations).where(eq(t.invitations.email, outsider.label));
    expect(invited).toHaveLength(1);
    const mails = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.to, insider.label));
    expect(mails.map((m) => m.template).sort()).toEqual(["added-to-organization", "token-issued"]);
    expect(mails.find((m) => m.template === "added-to-organization")?.text).not.toContain("set-password");
  });
});
