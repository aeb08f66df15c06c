import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/portal/no-access";
import { PageHeader } from "@/components/ui/card";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { getWebhookEndpoint, listWebhookDeliveries } from "@/lib/domain/webhooks/list-endpoints";
import { AppError } from "@/lib/errors";
import { getOrgContext } from "../../../org-context";

export const metadata: Metadata = { title: "Delivery Log" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function WebhookDeliveryLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string; webhookId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgId, webhookId } = await params;
  const { user, org, can } = await getOrgContext(orgId);
  if (!can("webhooks.manage")) return <NoAccess>Only Account Admins manage webhooks.</NoAccess>;
  const cursor = one((await searchParams).cursor);
  let loaded;
  try {
    const endpoint = await getWebhookEndpoint(user, org.slug, webhookId);
    loaded = { endpoint, page: await listWebhookDeliveries(user, org.slug, webhookId, { cursor }) };
  } catch (err) {
    if (err instanceof AppError && (err.code === "not_found" || err.code === "validation")) notFound();
    throw err;
  }
  const { endpoint, page } = loaded;
  const basePath = `/organizations/${org.slug}/profile/webhooks/${endpoint.id}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/organizations/${org.slug}/profile#webhooks`} className="text-indigo-700 hover:underline">
          ← Org Profile
        </Link>
      </p>
      <PageHeader title="Delivery Log" description={`Every event sent to ${endpoint.url}, newest first.`} />
      <DeliveryLog
        orgId={org.slug}
        endpoint={endpoint}
        deliveries={page.data}
        firstPage={!cursor}
        firstPageHref={basePath}
        nextHref={page.next_cursor ? `${basePath}?cursor=${encodeURIComponent(page.next_cursor)}` : null}
      />
    </>
  );
}
