import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { anonymous } from "@/lib/authz/actor";
import type { Organization } from "@/db/schema";
import { open } from "@/lib/auth/secret-box";
import { resetConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { addTestMember, createTestOrg } from "@/lib/domain/members/test-support";
import { hashPassword } from "@/lib/auth/password";
import { issueUserAccessToken } from "@/lib/domain/tokens/api-access/issue-access-token";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { useTestDatabase } from "@/test/db";
import { createTestUser, rejectionOf } from "@/test/factories";
import { followToRedirectUri, useTestIdp } from "@/test/oidc-idp";
import { completeSsoSignIn } from "./complete-sso-sign-in";
import { getSsoConnection } from "./get-sso-connection";
import { ssoRedirectUri } from "./oidc";
import { redeemSsoTicket } from "./redeem-sso-ticket";
import { clientSecretPurpose, deleteSsoConnection, saveSsoConnection } from "./save-sso-connection";
import { startSsoSignIn } from "./start-sso-sign-in";
import { checkSsoConnection } from "./check-sso-connection";
import { createSsoOrg } from "./test-support";

useTestDatabase();

const testIdp = useTestIdp(ssoRedirectUri);

const reasonOf = (err: unknown) => (err instanceof AppError ? (err.reason ?? err.code) : String(err));
const ssoKindOf = (err: unknown) => (err instanceof AppError ? err.fields?.sso : String(err));

/** An org with a verified domain and a saved connection to the test IdP. */
const ssoOrg = (opts: { requireSso?: boolean } = {}) => createSsoOrg(testIdp(), { name: "Acme", ...opts });

/** Sign in with SSO as far as the callback: the key the browser's cookie holds and the URL the IdP sent it back to. */
async function throughIdp(email: string) {
  const { key, redirectUrl } = await startSsoSignIn({ email }, { ip: "198.51.100.4", returnTo: "/organizations" });
  const callbackUrl = await followToRedirectUri(redirectUrl, ssoRedirectUri());
  return { key, callbackUrl };
}

async function membership(org: Organization, userId: string) {
  const [row] = await db()
    .select()
    .from(t.memberships)
    .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, userId)));
  return row;
}

describe("the SSO connection (Org Profile -> Single Sign-On)", () => {
  it("stores the client secret encrypted, never shows it, and keeps it when a save leaves it out", async () => {
    const { org, admin } = await ssoOrg();
    const [row] = await db().select().from(t.ssoConnections).where(eq(t.ssoConnections.orgId, org.id));
    expect(row.clientSecretEnc).not.toContain(testIdp().clientSecret);
    expect(open(clientSecretPurpose(org.id), row.clientSecretEnc)).toBe(testIdp().clientSecret);
    const view = await getSsoConnection(admin, org.slug);
    expect(view).toMatchObject({
      configured: true,
      issuer: testIdp().issuer,
      client_id: testIdp().clientId,
      client_secret_set: true,
      require_sso: false,
    });
    expect(JSON.stringify(view)).not.toContain(testIdp().clientSecret);
    expect(view.redirect_uri).toBe(ssoRedirectUri());

    await saveSsoConnection(admin, org.slug, { issuer: testIdp().issuer, client_id: "renamed-client" });
    const [after] = await db().select().from(t.ssoConnections).where(eq(t.ssoConnections.orgId, org.id));
    expect(after.clientId).toBe("renamed-client");
    expect(after.clientSecretEnc).toBe(row.clientSecretEnc);
    // The secret cannot be moved to another org's row: it is sealed for this org.
    expect(() => open(clientSecretPurpose(randomBytes(16).toString("hex")), row.clientSecretEnc)).toThrow();
  });

  it("needs a secret the first time, an https issuer unless allowed, and admins only", async () => {
    const { org, admin } = await createTestOrg("NoSecret");
    expect((await rejectionOf(saveSsoConnection(admin, org.slug, { issuer: testIdp().issuer, client_id: "x" }))) as AppError).toMatchObject(
      {
        fields: { client_secret: "Enter the Client Secret." },
      },
    );
    process.env.OIDC_ALLOW_HTTP_ISSUERS = "0";
    resetConfig();
    try {
      const err = (await rejectionOf(
        saveSsoConnection(admin, org.slug, { issuer: testIdp().issuer, client_id: "x", client_secret: "s" }),
      )) as AppError;
      expect(err.fields?.issuer).toMatch(/https:\/\//);
    } finally {
      process.env.OIDC_ALLOW_HTTP_ISSUERS = "1";
      resetConfig();
    }
    const member = await addTestMember(org, "member");
    const body = { issuer: testIdp().issuer, client_id: "x", client_secret: "s" };
    expect(reasonOf(await rejectionOf(saveSsoConnection(member, org.slug, body)))).toBe("forbidden");
    expect(reasonOf(await rejectionOf(getSsoConnection(member, org.slug)))).toBe("forbidden");
    expect(reasonOf(await rejectionOf(saveSsoConnection(await createTestUser(), org.slug, body)))).toBe("not_found");
    // Positive control: the admin can.
    await expect(saveSsoConnection(admin, org.slug, body)).resolves.toMatchObject({ configured: true, client_secret_set: true });
  });

  it("Test Connection runs discovery and says what it found, or why not in words", async () => {
    const { org, admin } = await createTestOrg("Probe");
    const ok = await checkSsoConnection(admin, org.slug, { issuer: testIdp().issuer });
    expect(ok).toMatchObject({ ok: true, issuer: testIdp().issuer, pkce: true });
    expect(ok.ok && ok.tokenEndpoint).toContain(testIdp().issuer);
    const closed = await checkSsoConnection(admin, org.slug, { issuer: "http://127.0.0.1:1" });
    expect(closed).toEqual({ ok: false, error: expect.stringMatching(/could not be reached/) });
    // A server that is not an OpenID Provider.
    const notIdp = await checkSsoConnection(admin, org.slug, { issuer: `${testIdp().issuer}/nothing-here` });
    expect(notIdp.ok).toBe(false);
  });

  it("Require SSO can be turned on only with a connection that works", async () => {
    const { org, admin } = await createTestOrg("Locked");
    const err = (await rejectionOf(
      saveSsoConnection(admin, org.slug, { issuer: "http://127.0.0.1:1", client_id: "x", client_secret: "s", require_sso: true }),
    )) as AppError;
    expect(err.fields?.require_sso).toMatch(/Test Connection failed/);
    await expect(
      saveSsoConnection(admin, org.slug, {
        issuer: testIdp().issuer,
        client_id: testIdp().clientId,
        client_secret: "s",
        require_sso: true,
      }),
    ).resolves.toMatchObject({ require_sso: true });
  });

  it("records who changed it and what, never the secret; deleting it stops Sign in with SSO", async () => {
    const { org, admin, domain } = await ssoOrg();
    const rows = await db().select().from(t.activity).where(eq(t.activity.orgId, org.id));
    const created = rows.find((r) => r.action === "sso.connection_created")!;
    expect(created).toMatchObject({ actorType: "user", actorId: admin.userId });
    expect(JSON.stringify(created.metadata)).not.toContain(testIdp().clientSecret);
    await deleteSsoConnection(admin, org.slug);
    expect(reasonOf(await rejectionOf(startSsoSignIn({ email: `a@${domain}` })))).toBe("sso_not_configured");
    expect(reasonOf(await rejectionOf(deleteSsoConnection(admin, org.slug)))).toBe("not_found");
  });
});

describe("Sign in with SSO against a real OpenID Provider", () => {
  it("first sign-in creates the account (verified, no password) and the membership (Member, no seat), recorded as SSO", async () => {
    const { org, domain } = await ssoOrg();
    const email = `new.person@${domain}`;
    const { key, callbackUrl } = await throughIdp(email);
    expect(callbackUrl.searchParams.get("code")).toBeTruthy();
    const done = await completeSsoSignIn(anonymous("198.51.100.4"), key, callbackUrl);
    expect(done).toMatchObject({ returnTo: "/organizations", orgSlug: org.slug });

    const [user] = await db().select().from(t.users).where(eq(t.users.email, email));
    expect(user).toMatchObject({ name: "SSO new.person", passwordHash: null });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await membership(org, user.id)).toMatchObject({ role: "member", seatAssignedAt: null });

    const signedIn = await redeemSsoTicket(done.ticket);
    expect(signedIn).toEqual({ id: user.id, name: user.name, email });
    // The ticket is single use.
    expect(await redeemSsoTicket(done.ticket)).toBeNull();

    const acts = await db().select().from(t.activity).where(eq(t.activity.targetId, user.id));
    expect(acts.map((a) => [a.action, a.actorType, a.actorLabel])).toEqual(
      expect.arrayContaining([
        ["user.signed_up", "sso", "SSO"],
        ["member.joined", "sso", "SSO"],
      ]),
    );
    expect(acts.find((a) => a.action === "member.joined")?.orgId).toBe(org.id);
  });

  it("an existing account signs in and gets the membership if it lacks one, once", async () => {
    const { org, domain } = await ssoOrg();
    const email = `existing@${domain}`;
    const [user] = await db()
      .insert(t.users)
      .values({ name: "Existing Person", email, passwordHash: await hashPassword("a long password 123"), emailVerifiedAt: new Date() })
      .returning();
    for (let i = 0; i < 2; i++) {
      const { key, callbackUrl } = await throughIdp(email);
      const done = await completeSsoSignIn(anonymous(null), key, callbackUrl);
      expect((await redeemSsoTicket(done.ticket))?.id).toBe(user.id);
    }
    expect(await membership(org, user.id)).toMatchObject({ role: "member" });
    const [after] = await db().select().from(t.users).where(eq(t.users.id, user.id));
    expect(after.name).toBe("Existing Person");
    expect(after.passwordHash).toBe(user.passwordHash);
    const joins = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.targetId, user.id), eq(t.activity.action, "member.joined")));
    expect(joins).toHaveLength(1);
  });

  it("an account registered but never verified loses its password: whoever made it may not own the address", async () => {
    const { domain } = await ssoOrg();
    const email = `squatted@${domain}`;
    const [user] = await db()
      .insert(t.users)
      .values({ name: "Squatter", email, passwordHash: await hashPassword("squatter password 1") })
      .returning();
    await db().insert(t.userSessions).values({ userId: user.id });
    const { key, callbackUrl } = await throughIdp(email);
    await completeSsoSignIn(anonymous(null), key, callbackUrl);
    const [after] = await db().select().from(t.users).where(eq(t.users.id, user.id));
    expect(after.passwordHash).toBeNull();
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await db().select().from(t.userSessions).where(eq(t.userSessions.userId, user.id))).toHaveLength(0);
  });

  it("a replayed callback is refused, and it mints no second ticket", async () => {
    const { domain } = await ssoOrg();
    const { key, callbackUrl } = await throughIdp(`replay@${domain}`);
    await completeSsoSignIn(anonymous(null), key, callbackUrl);
    const tickets = await db().select().from(t.ssoTickets);
    expect(ssoKindOf(await rejectionOf(completeSsoSignIn(anonymous(null), key, callbackUrl)))).toBe("expired");
    expect(await db().select().from(t.ssoTickets)).toHaveLength(tickets.length);
    // Without the browser's cookie the callback is refused too.
    const other = await throughIdp(`replay2@${domain}`);
    expect(ssoKindOf(await rejectionOf(completeSsoSignIn(anonymous(null), undefined, other.callbackUrl)))).toBe("expired");
    expect(ssoKindOf(await rejectionOf(completeSsoSignIn(anonymous(null), "not-the-key", other.callbackUrl)))).toBe("expired");
  });

  it("a wrong state is refused (and the sign-in is spent)", async () => {
    const { domain } = await ssoOrg();
    const email = `state@${domain}`;
    const { key, callbackUrl } = await throughIdp(email);
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set("state", "attacker-state");
    expect(ssoKindOf(await rejectionOf(completeSsoSignIn(anonymous(null), key, tampered)))).toBe("failed");
    expect(ssoKindOf(await rejectionOf(completeSsoSignIn(anonymous(null), key, callbackUrl)))).toBe("expired");
    expect(await db().select().from(t.users).where(eq(t.users.email, email))).toHaveLength(0);
  });

  it("a wrong nonce is refused: the ID token's nonce must be the one this sign-in sent", async () => {
    const { domain } = await ssoOrg();
    const email = `nonce@${domain}`;
    const { key, callbackUrl } = await throughIdp(email);
    // The stored nonce no longer matches what the IdP put in the ID token.
    const [login] = await db()
      .select()
      .from(t.ssoLogins)
      .where(eq(t.ssoLogins.state, callbackUrl.searchParams.get("state")!));
    await db().update(t.ssoLogins).set({ nonce: "a-different-nonce" }).where(eq(t.ssoLogins.id, login.id));
    expect(ssoKindOf(await rejectionOf(completeSsoSignIn(anonymous(null), key, callbackUrl)))).toBe("failed");
    expect(await db().select().from(t.users).where(eq(t.users.email, email))).toHaveLength(0);
  });

  it("an IdP asserting an address outside the org's verified domains is refused", async () => {
    const { domain } = await ssoOrg();
    const victim = await createTestUser("Victim");
    const original = testIdp().claimsFor;
    testIdp().claimsFor = () => ({ email: victim.label, email_verified: true, name: "Not the victim" });
    try {
      const { key, callbackUrl } = await throughIdp(`attacker@${domain}`);
      expect(ssoKindOf(await rejectionOf(completeSsoSignIn(anonymous(null), key, callbackUrl)))).toBe("domain");
      testIdp().claimsFor = (hint) => ({ email: hint, email_verified: false });
      const second = await throughIdp(`unverified@${domain}`);
      expect(ssoKindOf(await rejectionOf(completeSsoSignIn(anonymous(null), second.key, second.callbackUrl)))).toBe("unverified_email");
    } finally {
      testIdp().claimsFor = original;
    }
  });

  it("a disabled account is refused", async () => {
    const { domain } = await ssoOrg();
    const email = `disabled@${domain}`;
    await db().insert(t.users).values({ name: "Disabled", email, emailVerifiedAt: new Date(), disabledAt: new Date() });
    const { key, callbackUrl } = await throughIdp(email);
    const err = await rejectionOf(completeSsoSignIn(anonymous(null), key, callbackUrl));
    expect([reasonOf(err), ssoKindOf(err)]).toEqual(["account_disabled", "disabled"]);
  });

  it("an address whose domain has no SSO gets one answer, whether or not another org verified it", async () => {
    const { org } = await createTestOrg("Quiet");
    const verifiedNoSso = `quiet-${randomBytes(3).toString("hex")}.test`;
    await db().insert(t.orgDomains).values({ orgId: org.id, domain: verifiedNoSso, verificationToken: "t", verifiedAt: new Date() });
    const a = (await rejectionOf(startSsoSignIn({ email: `x@${verifiedNoSso}` }))) as AppError;
    const b = (await rejectionOf(startSsoSignIn({ email: `x@unknown-${randomBytes(3).toString("hex")}.test` }))) as AppError;
    expect(a.reason).toBe("sso_not_configured");
    expect([a.code, a.message, a.fields]).toEqual([b.code, b.message, b.fields]);
    expect(a.message).not.toContain(org.name);
  });

  it("the start is rate-limited per email address", async () => {
    const email = `limited@nowhere-${randomBytes(3).toString("hex")}.test`;
    const reasons: string[] = [];
    for (let i = 0; i < 12; i++) reasons.push(reasonOf(await rejectionOf(startSsoSignIn({ email }, { ip: null }))));
    expect(reasons.slice(0, 10).every((r) => r === "sso_not_configured")).toBe(true);
    expect(reasons.slice(10)).toEqual(["rate_limited", "rate_limited"]);
  });
});

describe("Require SSO", () => {
  async function passwordUser(email: string) {
    await db()
      .insert(t.users)
      .values({ name: "Pat", email, passwordHash: await hashPassword("correct horse battery 9"), emailVerifiedAt: new Date() });
  }

  it("refuses password sign-in and the password grant for the org's verified domains, pointing to Sign in with SSO", async () => {
    const { org, admin, domain } = await ssoOrg();
    const email = `pat@${domain}`;
    await passwordUser(email);
    // Positive control: with Require SSO off the password works.
    await expect(verifyCredentials({ email, password: "correct horse battery 9" })).resolves.toMatchObject({ email });
    await saveSsoConnection(admin, org.slug, { issuer: testIdp().issuer, client_id: testIdp().clientId, require_sso: true });

    const err = (await rejectionOf(verifyCredentials({ email, password: "correct horse battery 9" }))) as AppError;
    expect(err.reason).toBe("sso_required");
    expect(err.message).toMatch(/Sign in with SSO/);
    const grant = (await rejectionOf(issueUserAccessToken({ username: email, password: "correct horse battery 9" }))) as AppError;
    expect([grant.reason, grant.message]).toEqual(["invalid_grant", err.message]);

    // Other domains are not affected.
    const outsider = `pat@elsewhere-${randomBytes(3).toString("hex")}.test`;
    await passwordUser(outsider);
    await expect(verifyCredentials({ email: outsider, password: "correct horse battery 9" })).resolves.toMatchObject({ email: outsider });
    // And SSO itself still signs the person in.
    const { key, callbackUrl } = await throughIdp(email);
    expect(await redeemSsoTicket((await completeSsoSignIn(anonymous(null), key, callbackUrl)).ticket)).toMatchObject({ email });
  });
});
