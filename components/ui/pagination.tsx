import { Button } from "./button";

/** Previous/next controls for cursor or page pagination, with a "Showing X-Y of Z" line. */
export function Pagination({
  from,
  to,
  total,
  onPrevious,
  onNext,
}: {
  from: number;
  to: number;
  total?: number;
  onPrevious?: () => void;
  onNext?: () => void;
}) {
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-zinc-700">
      <p>
        {to === 0 ? "No results" : `Showing ${from}–${to}`}
        {total !== undefined && to > 0 ? ` of ${total.toLocaleString("en")}` : ""}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" onClick={onPrevious} disabled={!onPrevious}>
          Previous
        </Button>
        <Button variant="secondary" size="sm" onClick={onNext} disabled={!onNext}>
          Next
        </Button>
      </div>
    </nav>
  );
}
