import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A GET search form: the query lives in the address, so results can be linked and reloaded. */
export function SearchForm({ label, value, placeholder }: { label: string; value?: string; placeholder?: string }) {
  return (
    <form role="search" method="get" className="mb-4 flex max-w-xl gap-2">
      <label htmlFor="admin-search" className="sr-only">
        {label}
      </label>
      <Input id="admin-search" name="q" type="search" defaultValue={value} placeholder={placeholder} maxLength={254} />
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
