import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { takeAbuseBudget } from "@/lib/auth/abuse-limits";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { createOrganizationSchema, type CreateOrganizationInput } from "@/lib/validation/organizations";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { assertMayCreateOrganization } from "../instance/instance-rules";
import { isEmailVerified, unverifiedError } from "../account/verify-email";
import { requireUser } from "../users/require-user";

const idTaken = () =>
  new AppError(
    "conflict",
    "This Organization ID is already taken.",
    {
      orgId: "This Organization ID is already taken. Choose another.",
    },
    "org_id_taken",
  );

/** Anyone signed in may create an org (unless the instance keeps that to its admins); they become its Admin. */
export async function createOrganization(actor: Actor, input: CreateOrganizationInput) {
  const user = requireUser(actor);
  const { name, orgId } = parseInput(createOrganizationSchema, input);
  await takeAbuseBudget("orgCreation", { actor });
  try {
    return await db().transaction(async (tx) => {
      await assertMayCreateOrganization(tx, actor);
      // An unverified address could be someone else's: it must not become the face of an org.
      if (!(await isEmailVerified(tx, user.userId))) throw unverifiedError("create an organization");
      // The unique index decides races: of two concurrent creates, exactly one inserts.
      const [org] = await tx
        .insert(t.organizations)
        .values({ slug: orgId, name, createdBy: user.userId })
        .onConflictDoNothing()
        .returning();
      if (!org) throw idTaken();
      await tx.insert(t.memberships).values({ orgId: org.id, userId: user.userId, role: "admin" });
      await recordActivity(tx, actor, {
        orgId: org.id,
        action: "organization.created",
        target: { type: "organization", id: org.id, label: org.slug },
        metadata: { name },
      });
      return org;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw idTaken();
    throw err;
  }
}

/** For the live check in the form: is this ID well-formed and free? */
export async function isOrgIdAvailable(orgId: string) {
  const [row] = await db()
    .select({ id: t.organizations.id })
    .from(t.organizations)
    .where(eq(t.organizations.slug, orgId.trim().toLowerCase()))
    .limit(1);
  return !row;
}
