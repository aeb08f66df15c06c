import Link from "next/link";
import type { OrgOverview } from "@/lib/domain/overview/get-overview";

const n = (value: number) => value.toLocaleString("en");

type Figure = { label: string; value: string; note?: string; href: string };

/**
 * The org's numbers as linked tiles, each opening the page it comes from. Only figures the
 * caller's role may read are passed in (the use case leaves the others out).
 */
export function OverviewFigures({ orgId, overview }: { orgId: string; overview: OrgOverview }) {
  const base = `/organizations/${orgId}`;
  const figures: Figure[] = [];
  const { seats, invitations, packages } = overview;
  if (seats) {
    if (seats.hasSubscription) {
      figures.push(
        { label: "Seats assigned", value: n(seats.assigned), note: `of ${n(seats.total)} seats`, href: `${base}/subscription` },
        {
          label: "Seats reserved",
          value: n(seats.reserved),
          note: "by pending invitations",
          href: invitations ? `${base}/invitations` : `${base}/subscription`,
        },
        { label: "Seats available", value: n(seats.available), href: `${base}/subscription` },
      );
    } else {
      figures.push({ label: "Seats", value: "None", note: "No subscription yet", href: `${base}/subscription` });
    }
  }
  if (overview.members !== null) figures.push({ label: "Members", value: n(overview.members), href: `${base}/users` });
  if (invitations) {
    figures.push({
      label: "Pending invitations",
      value: n(invitations.pending),
      note: invitations.expired ? `${n(invitations.expired)} expired` : undefined,
      href: `${base}/invitations`,
    });
  }
  if (packages) {
    figures.push({
      label: "Packages",
      value: n(packages.packages),
      note: `in ${n(packages.channels)} ${packages.channels === 1 ? "channel" : "channels"}`,
      href: `${base}/channels`,
    });
  }
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6" aria-label="Figures">
      {figures.map((f) => (
        <li key={f.label}>
          <Link
            href={f.href}
            className="block h-full rounded-lg bg-white p-4 shadow-xs ring-1 ring-zinc-200 hover:ring-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <span className="block text-xs font-medium text-zinc-600">{f.label}</span>
            <span className="mt-1 block text-2xl font-semibold text-zinc-900 tabular-nums">{f.value}</span>
            {f.note && <span className="mt-0.5 block text-xs text-zinc-600">{f.note}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
