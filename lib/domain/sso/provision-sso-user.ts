import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { t } from "@/db";
import { endSessionsOf } from "@/lib/auth/session-store";
import { UNSAFE_TEXT } from "@/lib/validation/common";
import { recordActivity } from "../activity/record-activity";
import { ssoActor } from "./sso-actor";
import { ssoFailure } from "./sso-failures";

export type SsoIdentity = { email: string; name: string | null; issuer: string };

/** A display name from the ID token: one line, no control characters, at most 100 characters; else the address's local part. */
export function ssoDisplayName(name: unknown, email: string) {
  const clean = typeof name === "string" ? name.replace(new RegExp(UNSAFE_TEXT.source, "g"), " ").replace(/\s+/g, " ").trim() : "";
  return (clean || email.split("@")[0]).slice(0, 100);
}

/**
 * The account and membership an SSO sign-in lands in, in the caller's transaction. First sign-in
 * creates the account (address verified, no password) and the membership (Member, no seat); an
 * existing account gets the membership if it lacks one. An account whose address was never
 * verified loses its password and sessions: whoever registered it may not have owned the
 * address, and the IdP just proved who does.
 */
export async function provisionSsoUser(tx: Tx, orgId: string, who: SsoIdentity, ip?: string | null) {
  const actor = ssoActor(orgId, ip);
  let [user] = await tx.select().from(t.users).where(eq(t.users.email, who.email)).for("update");
  if (!user) {
    [user] = await tx
      .insert(t.users)
      .values({ name: ssoDisplayName(who.name, who.email), email: who.email, passwordHash: null, emailVerifiedAt: new Date() })
      .returning();
    await recordActivity(tx, actor, {
      action: "user.signed_up",
      target: { type: "user", id: user.id, label: who.email },
      metadata: { via: "sso", issuer: who.issuer },
    });
  } else if (user.disabledAt) {
    throw ssoFailure("disabled");
  } else if (!user.emailVerifiedAt) {
    await tx.update(t.users).set({ emailVerifiedAt: new Date(), passwordHash: null }).where(eq(t.users.id, user.id));
    await endSessionsOf(tx, user.id);
    await recordActivity(tx, actor, {
      action: "account.email_verified",
      target: { type: "user", id: user.id, label: who.email },
      metadata: { via: "sso", issuer: who.issuer, password_removed: !!user.passwordHash },
    });
  }
  const [joined] = await tx
    .insert(t.memberships)
    .values({ orgId, userId: user.id, role: "member" })
    .onConflictDoNothing()
    .returning({ id: t.memberships.id });
  if (joined) {
    await recordActivity(tx, actor, {
      orgId,
      action: "member.joined",
      target: { type: "user", id: user.id, label: who.email },
      metadata: { via: "sso", role: "member", seat: false },
    });
  }
  return { userId: user.id, joined: !!joined };
}
