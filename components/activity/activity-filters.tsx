import Link from "next/link";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/errors";
import { ORG_ACTIVITY_ACTIONS } from "@/lib/validation/activity";

export type ActivityFilterValues = { actor?: string; action?: string; target?: string; from?: string; to?: string };

const selectClass =
  "block h-9 w-full rounded-md border-0 bg-white px-3 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-indigo-600 focus:outline-none";

/** A plain GET form: the filters live in the URL, so a filtered view can be shared and reloaded. */
export function ActivityFilters({
  basePath,
  values,
  errors = {},
}: {
  basePath: string;
  values: ActivityFilterValues;
  errors?: FieldErrors;
}) {
  return (
    <form
      method="get"
      action={basePath}
      role="search"
      aria-label="Filter activity"
      className="mb-6 grid gap-4 rounded-lg bg-white p-4 shadow-xs ring-1 ring-zinc-200 sm:grid-cols-2 lg:grid-cols-5"
    >
      <Field id="filter-actor" label="Actor" error={errors.actor} hint="Email or service account name">
        <Input name="actor" defaultValue={values.actor ?? ""} {...describedBy("filter-actor", errors.actor, true)} />
      </Field>
      <Field id="filter-action" label="Action" error={errors.action}>
        <select name="action" defaultValue={values.action ?? ""} className={selectClass} {...describedBy("filter-action", errors.action)}>
          <option value="">Any action</option>
          {ORG_ACTIVITY_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-target" label="Target" error={errors.target} hint="Email, name or id">
        <Input name="target" defaultValue={values.target ?? ""} {...describedBy("filter-target", errors.target, true)} />
      </Field>
      <Field id="filter-from" label="From" error={errors.from}>
        <Input type="date" name="from" defaultValue={values.from ?? ""} {...describedBy("filter-from", errors.from)} />
      </Field>
      <Field id="filter-to" label="To" error={errors.to}>
        <Input type="date" name="to" defaultValue={values.to ?? ""} {...describedBy("filter-to", errors.to)} />
      </Field>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-5">
        <Button type="submit">Apply Filters</Button>
        <Link href={basePath} className="text-sm font-medium text-indigo-700 hover:underline">
          Clear Filters
        </Link>
      </div>
    </form>
  );
}
