import Link from "next/link";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import type { EffectiveAccessResponse } from "@/lib/validation/settings";
import { TableCard } from "@/components/ui/table";

const OnOff = ({ on }: { on: boolean }) => (
  <Badge className={on ? "bg-green-100 text-green-800" : "bg-zinc-200 text-zinc-800"}>{on ? "On" : "Off"}</Badge>
);

const orgLink = (o: { organization_id: string; name: string }) => (
  <Link href={`/organizations/${o.organization_id}`} className="font-medium text-indigo-700 hover:underline">
    {o.name}
  </Link>
);

/** The user's effective access and the organization that decides each part of it. */
export function EffectiveAccessView({ access }: { access: EffectiveAccessResponse }) {
  const notebooks = access.cloud_notebooks;
  return (
    <section aria-labelledby="effective-access" className="space-y-6">
      <h2 id="effective-access" className="text-lg font-semibold text-zinc-900">
        Effective access
      </h2>
      <Card className="p-6">
        <div className="flex items-center justify-between gap-4">
          <h3 className="text-base font-semibold text-zinc-900">Cloud notebooks</h3>
          <span data-testid="cloud-notebooks-status">
            <OnOff on={notebooks.enabled} />
          </span>
        </div>
        <p className="mt-2 text-sm text-zinc-700">
          {notebooks.enabled ? (
            access.cloud_storage.length === 0 ? (
              "On: you belong to no organization that turns them off."
            ) : (
              "On: every organization you belong to allows them."
            )
          ) : (
            <>
              Off for you everywhere, because {notebooks.disabled_by.length === 1 ? "this organization turns" : "these organizations turn"}{" "}
              them off:{" "}
              {notebooks.disabled_by.map((o, i) => (
                <span key={o.org_id}>
                  {i > 0 && ", "}
                  {orgLink(o)}
                </span>
              ))}
              .
            </>
          )}
        </p>
      </Card>
      <TableCard label="Cloud storage by organization">
        <div className="px-6 pt-6">
          <h3 className="text-base font-semibold text-zinc-900">Cloud storage</h3>
          <p className="mt-1 text-sm text-zinc-700">Each organization decides for work in that organization.</p>
        </div>
        {access.cloud_storage.length === 0 ? (
          <div className="p-6">
            <EmptyState title="You belong to no organization yet" />
          </div>
        ) : (
          <table className="mt-4 min-w-full divide-y divide-zinc-200 text-sm">
            <caption className="sr-only">Cloud storage by organization</caption>
            <thead className="bg-zinc-50 text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase">
              <tr>
                <th scope="col" className="px-6 py-3">
                  Organization
                </th>
                <th scope="col" className="px-6 py-3">
                  Organization ID
                </th>
                <th scope="col" className="px-6 py-3">
                  Cloud storage
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {access.cloud_storage.map((o) => (
                <tr key={o.org_id}>
                  <td className="px-6 py-3">{orgLink(o)}</td>
                  <td className="px-6 py-3 font-mono text-xs text-zinc-700">{o.organization_id}</td>
                  <td className="px-6 py-3">
                    <OnOff on={o.enabled} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </TableCard>
    </section>
  );
}
