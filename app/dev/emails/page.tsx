import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { emailTemplates } from "@/emails";
import { renderEmail } from "@/lib/email/render";
import { headers } from "next/headers";
import { mayReadMailbox } from "@/lib/auth/mailbox-access";

export const metadata: Metadata = { title: "Email templates" };
export const dynamic = "force-dynamic";

/** Every email template rendered with its default props (development only, like the mailbox). */
export default async function EmailPreviewsPage() {
  if (!(await mayReadMailbox(await headers()))) notFound();
  const rendered = await Promise.all(
    Object.entries(emailTemplates).map(async ([name, Template]) => ({ name, ...(await renderEmail(name, name, Template({}))) })),
  );
  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <PageHeader title="Email templates" description="Each template with its example data, as recipients see it." />
      <ul className="space-y-6" aria-label="Templates">
        {rendered.map((t) => (
          <li key={t.name}>
            <Card className="p-5">
              <h2 className="font-mono text-sm font-semibold text-zinc-900">emails/{t.name}.tsx</h2>
              <iframe
                title={`Preview of ${t.name}`}
                srcDoc={t.html}
                sandbox=""
                className="mt-3 h-[28rem] w-full rounded border border-zinc-200"
              />
            </Card>
          </li>
        ))}
      </ul>
    </main>
  );
}
