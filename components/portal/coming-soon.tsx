import { Card, PageHeader } from "@/components/ui/card";

/** A page whose feature is not built yet: says what it will do, honestly. */
export function ComingSoon({ title, description, items }: { title: string; description: string; items: string[] }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card className="p-6">
        <p className="text-sm font-medium text-zinc-900">This page is not available yet. It will let you:</p>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-zinc-700">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </Card>
    </>
  );
}
