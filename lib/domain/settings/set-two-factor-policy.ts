import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { twoFactorPolicySchema } from "@/lib/validation/account";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";

/**
 * Org Profile's "Require two-factor authentication". Turning it on needs an admin who uses 2FA
 * themselves (otherwise they would lock themselves out, and a service account cannot show it);
 * turning it off needs the same permission as any setting.
 */
export async function setTwoFactorPolicy(actor: Actor, orgSlug: string, input: unknown) {
  const { required } = parseInput(twoFactorPolicySchema, input);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "settings.update", tx);
    const [current] = await tx.select().from(t.organizations).where(eq(t.organizations.id, org.id)).for("update");
    if (current.requireTwoFactor === required) return { required, changed: false };
    if (required) {
      const [me] =
        actor.kind === "user" ? await tx.select({ at: t.users.totpEnabledAt }).from(t.users).where(eq(t.users.id, actor.userId)) : [];
      if (!me?.at) {
        throw new AppError(
          "forbidden",
          "Enable two-factor authentication on your own account before requiring it here.",
          undefined,
          "mfa_required",
        );
      }
    }
    await tx.update(t.organizations).set({ requireTwoFactor: required }).where(eq(t.organizations.id, org.id));
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "settings.changed",
      target: { type: "organization", id: org.id, label: org.slug },
      metadata: { setting: "require_two_factor", from: current.requireTwoFactor, to: required },
    });
    return { required, changed: true };
  });
}
