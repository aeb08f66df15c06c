import { eq } from "drizzle-orm";
import { db, t, type Queryable } from "@/db";
import type { Invitation, Organization } from "@/db/schema";
import type { InvitationCtx } from "./invite-context";
import { hashInvitationToken, isWellFormedToken } from "./invitation-token";

/** What a link is now. Only "valid" can be accepted; every other state says why not. */
export type LinkState = "valid" | "expired" | "removed" | "superseded" | "used" | "not_found";

export type FoundInvitation =
  | { state: "not_found" }
  | { state: Exclude<LinkState, "not_found">; invitation: Invitation; org: Pick<Organization, "id" | "slug" | "name"> };

/** Finds an invitation by the hash of its link's secret; earlier links of it are "superseded". */
export async function findInvitationByToken(
  token: string,
  ctx: InvitationCtx = {},
  q: Queryable = db(),
  forUpdate = false,
): Promise<FoundInvitation> {
  if (!isWellFormedToken(token)) return { state: "not_found" };
  const hash = hashInvitationToken(token);
  const select = () =>
    q
      .select({ invitation: t.invitations, org: { id: t.organizations.id, slug: t.organizations.slug, name: t.organizations.name } })
      .from(t.invitations)
      .innerJoin(t.organizations, eq(t.organizations.id, t.invitations.orgId));

  const current = select().where(eq(t.invitations.tokenHash, hash)).limit(1);
  const [row] = forUpdate ? await current.for("update", { of: t.invitations }) : await current;
  if (row) {
    const { invitation } = row;
    const now = ctx.now ?? new Date();
    const state: LinkState =
      invitation.status === "accepted"
        ? "used"
        : invitation.status === "revoked"
          ? "removed"
          : invitation.expiresAt.getTime() <= now.getTime()
            ? "expired"
            : "valid";
    return { state, ...row };
  }

  const [old] = await select()
    .innerJoin(t.invitationLinks, eq(t.invitationLinks.invitationId, t.invitations.id))
    .where(eq(t.invitationLinks.tokenHash, hash))
    .limit(1);
  if (!old) return { state: "not_found" };
  // An old link of an invitation that was since accepted or removed says that, which is what matters.
  const state: LinkState = old.invitation.status === "accepted" ? "used" : old.invitation.status === "revoked" ? "removed" : "superseded";
  return { state, invitation: old.invitation, org: old.org };
}
