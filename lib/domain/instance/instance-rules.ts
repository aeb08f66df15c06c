import { and, eq, gt } from "drizzle-orm";
import { readTogether, db, t, type Queryable } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { isInstanceAdmin } from "./instance-admin";
import { readInstanceSettings } from "./instance-settings";

export const SELF_SERVICE_OFF_MESSAGE =
  "Subscriptions on this instance are managed by the instance admin. Contact your instance admin to purchase a subscription or change seats.";

const hasPendingInvitation = async (q: Queryable, email: string, now: Date) => {
  const [row] = await q
    .select({ id: t.invitations.id })
    .from(t.invitations)
    .where(and(eq(t.invitations.email, email), eq(t.invitations.status, "pending"), gt(t.invitations.expiresAt, now)))
    .limit(1);
  return !!row;
};

/**
 * Whether a new account may be created for this address. Under "Invite only" and "Allowed
 * domains" a person with a live invitation may still sign up, so invitations keep working.
 */
export async function assertSignUpAllowed(q: Queryable, email: string, now = new Date()) {
  const settings = await readInstanceSettings(q);
  if (settings.signUpMode === "open") return;
  const address = email.trim().toLowerCase();
  if (settings.signUpMode === "allowed_domains") {
    const domain = address.slice(address.lastIndexOf("@") + 1);
    if (settings.allowedDomains.includes(domain)) return;
  }
  if (await hasPendingInvitation(q, address, now)) return;
  const message =
    settings.signUpMode === "invite_only"
      ? "Sign-up on this instance is by invitation only. Ask an organization admin to invite you."
      : "Sign-up on this instance is open only to some email domains. Use an allowed address or ask for an invitation.";
  throw new AppError("forbidden", message, { email: message }, "sign_up_closed");
}

/** Organization creation by anyone, or (per the instance setting) by instance admins only. */
export async function assertMayCreateOrganization(q: Queryable, actor: Actor) {
  const settings = await readInstanceSettings(q);
  if (settings.orgCreators === "anyone") return;
  if (actor.kind === "user" && (await isInstanceAdmin(actor.userId, q))) return;
  throw new AppError(
    "forbidden",
    "On this instance only instance admins create organizations. Ask your instance admin to create one for you.",
    undefined,
    "org_creation_restricted",
  );
}

/** With self-service purchase off, only instance admins buy subscriptions or change seats. */
export async function assertMayChangeSubscription(q: Queryable, actor: Actor) {
  const settings = await readInstanceSettings(q);
  if (settings.selfServicePurchase) return;
  if (actor.kind === "user" && (await isInstanceAdmin(actor.userId, q))) return;
  throw new AppError("forbidden", SELF_SERVICE_OFF_MESSAGE, undefined, "self_service_off");
}

/** For pages: may this signed-in user create an org, and is self-service purchase on? */
export async function instanceAllowances(userId: string, q: Queryable = db()) {
  const [settings, admin] = await readTogether(q, [() => readInstanceSettings(q), () => isInstanceAdmin(userId, q)]);
  return {
    instanceAdmin: admin,
    mayCreateOrganization: settings.orgCreators === "anyone" || admin,
    selfServicePurchase: settings.selfServicePurchase,
  };
}
