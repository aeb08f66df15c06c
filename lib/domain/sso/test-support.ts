// Test-only: an org ready for single sign-on, and the SSO cases of
// lib/domain/activity/every-mutation-records.db.test.ts.
import { randomBytes } from "node:crypto";
import { db, t } from "@/db";
import { anonymous, type Actor } from "@/lib/authz/actor";
import { resetConfig } from "@/lib/config";
import { createTestOrg } from "@/lib/domain/members/test-support";
import { followToRedirectUri, startTestIdp, type TestIdp } from "@/test/oidc-idp";
import { completeSsoSignIn } from "./complete-sso-sign-in";
import { ssoRedirectUri } from "./oidc";
import { deleteSsoConnection, saveSsoConnection } from "./save-sso-connection";
import { ssoActor } from "./sso-actor";
import { startSsoSignIn } from "./start-sso-sign-in";

/** An org with a verified domain and a saved connection to `idp`. */
export async function createSsoOrg(idp: TestIdp, opts: { name?: string; requireSso?: boolean } = {}) {
  const name = opts.name ?? "Sso";
  const { org, admin } = await createTestOrg(name);
  const domain = `${name.toLowerCase()}-${randomBytes(3).toString("hex")}.test`;
  await db().insert(t.orgDomains).values({ orgId: org.id, domain, verificationToken: "test", verifiedAt: new Date() });
  await saveSsoConnection(admin, org.slug, {
    issuer: idp.issuer,
    client_id: idp.clientId,
    client_secret: idp.clientSecret,
    require_sso: opts.requireSso ?? false,
  });
  return { org, admin, domain };
}

type SsoCase = {
  useCase: string;
  kind: "user" | "sso";
  actions: string[];
  setup: () => Promise<{ actor: Actor; act: () => Promise<unknown> }>;
  instance?: boolean;
};

const connection = { issuer: "https://idp.example.test", client_id: "portal", client_secret: "s3cret" };

/**
 * A sign-in through a real OpenID Provider up to the callback; `act` completes it (and stops the
 * provider). The SSO actor carries the IP the callback came from.
 */
async function ssoSignInWorld(existingAccount: boolean) {
  process.env.OIDC_ALLOW_HTTP_ISSUERS = "1";
  resetConfig();
  const idp = await startTestIdp({ redirectUri: ssoRedirectUri() });
  const { org, domain } = await createSsoOrg(idp);
  const email = `person@${domain}`;
  if (existingAccount) await db().insert(t.users).values({ name: "Person", email, emailVerifiedAt: new Date() });
  const { key, redirectUrl } = await startSsoSignIn({ email });
  const callbackUrl = await followToRedirectUri(redirectUrl, ssoRedirectUri());
  const ip = "198.51.100.9";
  return {
    actor: ssoActor(org.id, ip),
    act: async () => {
      try {
        return await completeSsoSignIn(anonymous(ip), key, callbackUrl);
      } finally {
        await idp.close();
        delete process.env.OIDC_ALLOW_HTTP_ISSUERS;
        resetConfig();
      }
    },
  };
}

export const ssoCases: SsoCase[] = [
  {
    useCase: "saveSsoConnection",
    kind: "user",
    actions: ["sso.connection_created"],
    setup: async () => {
      const { org, admin } = await createTestOrg("Sso");
      return { actor: admin, act: () => saveSsoConnection(admin, org.slug, connection) };
    },
  },
  {
    useCase: "saveSsoConnection",
    kind: "user",
    actions: ["sso.connection_updated"],
    setup: async () => {
      const { org, admin } = await createTestOrg("Sso");
      await saveSsoConnection(admin, org.slug, connection);
      return { actor: admin, act: () => saveSsoConnection(admin, org.slug, { ...connection, client_id: "renamed" }) };
    },
  },
  {
    useCase: "deleteSsoConnection",
    kind: "user",
    actions: ["sso.connection_deleted"],
    setup: async () => {
      const { org, admin } = await createTestOrg("Sso");
      await saveSsoConnection(admin, org.slug, connection);
      return { actor: admin, act: () => deleteSsoConnection(admin, org.slug) };
    },
  },
  // Sign in with SSO acts as the org's IdP ("SSO"). A first sign-in creates the account (recorded
  // without an org, like any sign-up, hence `instance`: some entries are outside the org's log)
  // and the membership (in the org's log).
  {
    useCase: "completeSsoSignIn",
    kind: "sso",
    actions: ["user.signed_up", "member.joined"],
    instance: true,
    setup: () => ssoSignInWorld(false),
  },
  { useCase: "completeSsoSignIn", kind: "sso", actions: ["member.joined"], setup: () => ssoSignInWorld(true) },
];
