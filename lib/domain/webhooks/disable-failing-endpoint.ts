import { and, eq, isNotNull, lte, sql } from "drizzle-orm";
import { t, type Db } from "@/db";
import type { WebhookEndpointRow } from "@/db/schema";
import WebhookDisabledEmail, { webhookDisabledSubject } from "@/emails/webhook-disabled";
import { appUrl } from "@/lib/config";
import { enqueueEmails } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { recordActivity } from "../activity/record-activity";
import { formatDate } from "../subscriptions/notify-billing-managers";

// An endpoint whose every delivery has failed for five days is turned off (and its admins told):
// a receiver that is gone should not cost retries forever. A few failures are needed besides, so
// two lone failures five days apart are not "a run".
export const DISABLE_AFTER_MS = 5 * 24 * 3_600_000;
export const DISABLE_MIN_FAILURES = 5;

/** Turns the endpoint off when its run of failures is long enough; emails the org's admins in the same transaction. */
export async function disableFailingEndpoint(database: Db, endpoint: WebhookEndpointRow, now: Date) {
  if (!endpoint.enabled || !endpoint.failingSince) return false;
  if (endpoint.consecutiveFailures < DISABLE_MIN_FAILURES || now.getTime() - endpoint.failingSince.getTime() < DISABLE_AFTER_MS)
    return false;
  return database.transaction(async (tx) => {
    const [off] = await tx
      .update(t.webhookEndpoints)
      .set({ enabled: false, disabledReason: "failing", updatedAt: now })
      .where(
        and(
          eq(t.webhookEndpoints.id, endpoint.id),
          eq(t.webhookEndpoints.enabled, true),
          isNotNull(t.webhookEndpoints.failingSince),
          lte(t.webhookEndpoints.failingSince, new Date(now.getTime() - DISABLE_AFTER_MS)),
        ),
      )
      .returning();
    if (!off) return false; // another worker got there first
    const [org] = await tx.select().from(t.organizations).where(eq(t.organizations.id, off.orgId));
    const [lastDelivery] = await tx
      .select({ lastError: t.webhookDeliveries.lastError })
      .from(t.webhookDeliveries)
      .where(and(eq(t.webhookDeliveries.endpointId, off.id), isNotNull(t.webhookDeliveries.lastAttemptAt)))
      .orderBy(sql`${t.webhookDeliveries.lastAttemptAt} desc`)
      .limit(1);
    await recordActivity(
      tx,
      { kind: "anonymous" },
      {
        orgId: off.orgId,
        action: "webhook.disabled",
        target: { type: "webhook", id: off.id, label: off.url },
        metadata: { reason: "failing", consecutive_failures: off.consecutiveFailures, failing_since: off.failingSince?.toISOString() },
      },
    );
    const admins = await tx
      .select({ email: t.users.email })
      .from(t.memberships)
      .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
      .where(and(eq(t.memberships.orgId, off.orgId), eq(t.memberships.role, "admin"), isNotNull(t.users.email)));
    if (admins.length > 0) {
      const mail = await renderEmail(
        "webhook-disabled",
        webhookDisabledSubject(org.name),
        WebhookDisabledEmail({
          orgName: org.name,
          url: off.url,
          failingSince: formatDate(off.failingSince!),
          lastError: lastDelivery?.lastError ?? "no answer.",
          webhooksUrl: `${appUrl()}/organizations/${org.slug}/profile#webhooks`,
        }),
      );
      await enqueueEmails(
        tx,
        admins.map((a) => ({ ...mail, to: a.email! })),
      );
    }
    return true;
  });
}
