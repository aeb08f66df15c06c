import { randomBytes } from "node:crypto";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { generateSecret, hashSecret } from "@/lib/domain/tokens/secret-scheme";
import { createServiceAccountSchema } from "@/lib/validation/service-accounts";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";

const nameTaken = () =>
  new AppError(
    "conflict",
    "A service account with this name already exists.",
    {
      name: "A service account with this name already exists in this organization.",
    },
    "duplicate_name",
  );

/** Admins (never another service account) create service accounts; the secret is returned once. */
export async function createServiceAccount(actor: Actor, orgSlug: string, input: unknown) {
  const { name } = parseInput(createServiceAccountSchema, input);
  if (actor.kind === "service_account") {
    throw new AppError(
      "forbidden",
      "Service accounts are created with a user's token, not a service account's.",
      undefined,
      "user_token_required",
    );
  }
  const clientSecret = generateSecret("oss");
  try {
    return await db().transaction(async (tx) => {
      const { org } = await loadOrgAccess(actor, orgSlug, "serviceAccounts.manage", tx);
      const [account] = await tx
        .insert(t.serviceAccounts)
        .values({
          orgId: org.id,
          name,
          clientId: `osc_${randomBytes(12).toString("hex")}`,
          secretHash: hashSecret(clientSecret),
          createdBy: actor.kind === "user" ? actor.userId : null,
        })
        .onConflictDoNothing()
        .returning();
      if (!account) throw nameTaken();
      await recordActivity(tx, actor, {
        orgId: org.id,
        action: "service_account.created",
        target: { type: "service_account", id: account.id, label: name },
        metadata: { client_id: account.clientId },
      });
      return { name: account.name, client_id: account.clientId, org_id: org.id, client_secret: clientSecret };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}
