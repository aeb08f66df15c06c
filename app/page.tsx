import Link from "next/link";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";

const features = [
  ["Invite your team", "One address at a time, a pasted list, or a CSV export of thousands."],
  ["Assign seats", "Give seats to the people who need them; never over-assign, even under load."],
  ["Issue tokens", "Seated members issue their own access token; revoking a seat stops it at once."],
  ["Automate", "A REST API with service accounts for onboarding and offboarding scripts."],
] as const;

export default async function Landing() {
  if (await getSessionUser()) redirect("/organizations");
  return (
    <main className="mx-auto max-w-5xl px-6 py-16">
      <header className="flex items-center justify-between">
        <span className="text-lg font-bold text-indigo-700">Org Portal</span>
        <nav className="flex gap-2">
          <Button asChild variant="ghost">
            <Link href="/sign-in">Sign In</Link>
          </Button>
          <Button asChild>
            <Link href="/sign-up">Sign Up</Link>
          </Button>
        </nav>
      </header>
      <section className="mt-20 max-w-2xl">
        <h1 className="text-4xl font-bold tracking-tight text-zinc-900 sm:text-5xl">
          Run your team&apos;s shared subscription in one place.
        </h1>
        <p className="mt-6 text-lg text-zinc-700">
          Org Portal is a self-hostable admin portal for organizations that share a paid, seat-based software subscription: create
          organizations, invite people, assign seats and roles, and let members issue the access token their seat entitles them to.
        </p>
        <div className="mt-8 flex gap-3">
          <Button asChild size="lg">
            <Link href="/sign-up">Sign Up</Link>
          </Button>
          <Button asChild size="lg" variant="secondary">
            <Link href="/sign-in">Sign In</Link>
          </Button>
        </div>
      </section>
      <section className="mt-20 grid gap-6 sm:grid-cols-2" aria-label="Features">
        {features.map(([title, text]) => (
          <div key={title} className="rounded-lg bg-white p-6 shadow-xs ring-1 ring-zinc-200">
            <h2 className="font-semibold text-zinc-900">{title}</h2>
            <p className="mt-2 text-sm text-zinc-600">{text}</p>
          </div>
        ))}
      </section>
    </main>
  );
}
