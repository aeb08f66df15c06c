import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { BillingCycle } from "@/db/schema";

const kindLabels: Record<string, string> = {
  purchase: "Purchase",
  granted: "Granted by instance admin",
  admin_changed: "Changed by instance admin",
  seats_changed: "Seats changed",
  cycle_changed: "Billing cycle changed",
  renewal: "Renewal",
};
const fmt = (iso: string) => new Date(iso).toLocaleDateString("en", { dateStyle: "medium", timeZone: "UTC" });

export type LedgerEntry = {
  id: number;
  kind: string;
  seats: number;
  billingCycle: BillingCycle;
  periodEnd: string;
  actorLabel: string | null;
  createdAt: string;
};

export function SubscriptionLedger({ entries }: { entries: LedgerEntry[] }) {
  return (
    <section aria-labelledby="ledger-heading" className="mt-8">
      <h2 id="ledger-heading" className="mb-3 text-lg font-semibold text-zinc-900">
        Ledger
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-600">No purchases or changes yet.</p>
      ) : (
        <Table aria-label="Ledger">
          <THead>
            <tr>
              <Th>Date</Th>
              <Th>Entry</Th>
              <Th>Seats</Th>
              <Th>Billing</Th>
              <Th>Period end</Th>
              <Th>By</Th>
            </tr>
          </THead>
          <TBody>
            {entries.map((e) => (
              <tr key={e.id}>
                <Td className="whitespace-nowrap">{fmt(e.createdAt)}</Td>
                <Td>{kindLabels[e.kind] ?? e.kind}</Td>
                <Td>{e.seats.toLocaleString("en")}</Td>
                <Td>{e.billingCycle === "monthly" ? "Monthly" : "Yearly"}</Td>
                <Td className="whitespace-nowrap">{fmt(e.periodEnd)}</Td>
                <Td>{e.actorLabel ?? "system"}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}
