import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { extractLinks, listMailbox } from "@/lib/email/mailbox";
import { headers } from "next/headers";
import { mayReadMailbox } from "@/lib/auth/mailbox-access";

export const metadata: Metadata = { title: "Mailbox" };
export const dynamic = "force-dynamic";

export default async function MailboxPage() {
  if (!(await mayReadMailbox(await headers()))) notFound();
  const messages = await listMailbox();
  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <PageHeader
        title="Mailbox"
        description="Every email the app sent, newest first. Shown only while no email provider is configured."
        actions={
          <a href="/dev/emails" className="text-sm font-medium text-indigo-700 hover:underline">
            Preview the templates
          </a>
        }
      />
      {messages.length === 0 ? (
        <EmptyState title="No messages yet">Sign up or invite someone, and the email shows up here.</EmptyState>
      ) : (
        <ul className="space-y-4" aria-label="Messages">
          {messages.map((m) => (
            <li key={m.id}>
              <Card className="p-5">
                <article aria-label={m.subject}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 className="font-semibold text-zinc-900">{m.subject}</h2>
                    <time className="text-xs text-zinc-600" dateTime={m.created_at}>
                      {m.created_at.replace("T", " ").slice(0, 19)} UTC
                    </time>
                  </div>
                  <p className="mt-1 text-sm text-zinc-700">To: {m.to}</p>
                  <ul className="mt-3 space-y-1 text-sm">
                    {extractLinks(m.text).map((link) => (
                      <li key={link}>
                        <a href={link} className="break-all font-medium text-indigo-700 hover:underline">
                          {link}
                        </a>
                      </li>
                    ))}
                  </ul>
                  <details className="mt-3">
                    <summary className="cursor-pointer text-sm text-zinc-700">Show message</summary>
                    <iframe
                      title={`Message: ${m.subject}`}
                      srcDoc={m.html}
                      sandbox="allow-popups allow-popups-to-escape-sandbox"
                      className="mt-3 h-96 w-full rounded border border-zinc-200"
                    />
                  </details>
                </article>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
