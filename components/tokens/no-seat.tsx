import { Card } from "@/components/ui/card";

/** Why a member without a seat cannot issue a token, and whom to ask. */
export function NoSeat({ orgName, admins }: { orgName: string; admins: Array<{ name: string; email: string | null }> }) {
  return (
    <Card className="p-6">
      <h2 className="text-base font-semibold text-zinc-900">You do not have a seat</h2>
      <p className="mt-2 text-sm text-zinc-700">
        A token comes with a seat of {orgName}&apos;s subscription. An Account Admin can assign you one; you will get an email when they do,
        and can then issue your token here.
      </p>
      <h3 className="mt-4 text-sm font-medium text-zinc-900">Account Admins of {orgName}</h3>
      <ul className="mt-2 space-y-1 text-sm text-zinc-700">
        {admins.map((a) => (
          <li key={a.email ?? a.name}>
            {a.name}
            {a.email && (
              <>
                {" · "}
                <a className="text-indigo-700 underline hover:text-indigo-900" href={`mailto:${a.email}`}>
                  {a.email}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
