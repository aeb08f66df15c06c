import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/account/action-form";
import { SessionsList } from "@/components/account/sessions-list";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { EffectiveAccessView } from "@/components/settings/effective-access-view";
import { Card, PageHeader } from "@/components/ui/card";
import { changeEmailAction, changePasswordAction, deleteAccountAction, saveNameAction } from "@/lib/actions/account";
import { requireSessionUser } from "@/lib/auth/session";
import { describeBrowser } from "@/lib/domain/account/describe-browser";
import { listSessions } from "@/lib/domain/account/sessions";
import { getTwoFactorSetup } from "@/lib/domain/account/two-factor";
import { getEffectiveAccess } from "@/lib/domain/settings/effective-access";

export const metadata: Metadata = { title: "Account" };
// Effective access and sessions are read on every request: a change shows on the next load.
export const dynamic = "force-dynamic";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  const id = title.toLowerCase().replace(/\W+/g, "-");
  return (
    <Card className="mb-6 p-6">
      <section aria-labelledby={id}>
        <h2 id={id} className="text-base font-semibold text-zinc-900">
          {title}
        </h2>
        {description && <p className="mt-1 text-sm text-zinc-600">{description}</p>}
        <div className="mt-4 max-w-md">{children}</div>
      </section>
    </Card>
  );
}

export default async function AccountPage() {
  const user = await requireSessionUser("/account");
  const [access, sessions, twoFactor] = await Promise.all([
    getEffectiveAccess(user),
    listSessions(user, user.sessionId),
    getTwoFactorSetup(user).then((s) => s.enabled),
  ]);
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/organizations" className="font-medium text-indigo-700 hover:underline">
          Organizations
        </Link>
      </nav>
      <PageHeader title="Account" description="Who you are here, how you sign in, and what your organizations let you use." />
      <Section title="Profile" description={`You sign in as ${user.email}.`}>
        <ActionForm
          fields={[{ name: "name", label: "Name", autoComplete: "name", defaultValue: user.name }]}
          submitLabel="Save Name"
          busyLabel="Saving…"
          action={saveNameAction}
          success="Name saved."
          after="refresh"
        />
      </Section>
      <Section title="Change Password" description="Every other session of your account is signed out; this one stays.">
        <ActionForm
          fields={[
            { name: "currentPassword", label: "Current Password", type: "password", autoComplete: "current-password" },
            {
              name: "newPassword",
              label: "New Password",
              type: "password",
              autoComplete: "new-password",
              hint: "At least 8 characters, not a common password.",
            },
          ]}
          submitLabel="Change Password"
          busyLabel="Saving…"
          action={changePasswordAction}
          success="Password changed. Other sessions were signed out."
          after="refresh"
        />
      </Section>
      <Section
        title="Change Email"
        description="We send a link to the new address; the change takes effect when you open it. Your current address is told."
      >
        <ActionForm
          fields={[{ name: "newEmail", label: "New Email", type: "email", autoComplete: "email" }]}
          submitLabel="Change Email"
          busyLabel="Sending…"
          action={changeEmailAction}
          success="Check the new address for a link to confirm it."
        />
      </Section>
      <Section title="Two-factor authentication" description="A code from an authenticator app, asked after your password.">
        <TwoFactorSection enabled={twoFactor} />
      </Section>
      <Section title="Sessions" description="Browsers signed in to your account.">
        <SessionsList
          sessions={sessions.map((s) => ({
            id: s.id,
            browser: describeBrowser(s.userAgent),
            lastSeen: `${when.format(s.lastSeenAt)} UTC`,
            lastSeenIso: s.lastSeenAt.toISOString(),
            ip: s.ip,
            current: s.current,
          }))}
        />
      </Section>
      <EffectiveAccessView access={access} />
      <Section
        title="Delete Account"
        description="Deletes your account and your memberships. Not possible while you are the only admin of an organization."
      >
        <ActionForm
          fields={[{ name: "confirmEmail", label: "Type your email to confirm", type: "email", autoComplete: "off" }]}
          submitLabel="Delete Account"
          busyLabel="Deleting…"
          variant="danger"
          action={deleteAccountAction}
          after="signOut"
        />
      </Section>
    </main>
  );
}
