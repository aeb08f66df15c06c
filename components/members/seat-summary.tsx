import Link from "next/link";
import type { SeatUsage } from "@/lib/domain/seats/seat-usage";

export function SeatSummary({ seats, orgId, linkToSubscription }: { seats: SeatUsage; orgId: string; linkToSubscription: boolean }) {
  const link = linkToSubscription ? (
    <Link href={`/organizations/${orgId}/subscription`} className="font-medium text-indigo-700 hover:underline">
      Subscription
    </Link>
  ) : (
    "Subscription"
  );
  if (!seats.hasSubscription) {
    return <p className="text-sm text-zinc-700">No subscription yet, so no seats to assign. Purchase one on {link}.</p>;
  }
  return (
    <p className="text-sm text-zinc-700">
      <span className="font-medium text-zinc-900">
        {seats.assigned.toLocaleString("en")} of {seats.total.toLocaleString("en")} seats assigned
      </span>{" "}
      · {seats.reserved.toLocaleString("en")} reserved by invitations · {seats.available.toLocaleString("en")} available · {link}
    </p>
  );
}
