import { eq } from "drizzle-orm";
import { db, t, type Queryable } from "@/db";
import { AppError } from "@/lib/errors";

/** API calls need an active paid subscription whose period has not ended. */
export async function assertActiveSubscription(orgId: string, q: Queryable = db(), now = new Date()) {
  const [sub] = await q
    .select({ status: t.subscriptions.status, end: t.subscriptions.currentPeriodEnd })
    .from(t.subscriptions)
    .where(eq(t.subscriptions.orgId, orgId))
    .limit(1);
  if (!sub || sub.status !== "active" || sub.end <= now) {
    throw new AppError(
      "payment_required",
      "This organization has no active subscription. Purchase one on the Subscription page to use the API.",
      undefined,
      "subscription_required",
    );
  }
}
