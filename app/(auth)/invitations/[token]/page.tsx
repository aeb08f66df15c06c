import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";
import { findInvitationByToken } from "@/lib/domain/invitations/find-invitation";
import { formatExpiry, invitationOffer } from "@/lib/domain/invitations/invitation-email";
import { holdsSeat } from "@/lib/domain/invitations/seat-budget";
import { linkMessage } from "@/lib/domain/invitations/link-messages";
import { AcceptInvitationButton, SwitchAccountButton } from "./invitation-buttons";

export const metadata: Metadata = { title: "Invitation", robots: { index: false } };
export const dynamic = "force-dynamic";

// GET /invitations/{token}: what the link in the invitation email opens. Viewing changes nothing.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [found, user] = await Promise.all([findInvitationByToken(token), getSessionUser()]);
  const here = `/invitations/${token}`;

  if (found.state !== "valid") {
    const mine = found.state === "used" && user && found.invitation.acceptedBy === user.userId;
    const { title, detail } = linkMessage(found.state, found.state === "not_found" ? undefined : found.org.name);
    return (
      <>
        <h1 className="text-xl font-semibold">{mine ? `You are a member of ${found.org.name}` : title}</h1>
        <p className="mt-3 text-sm text-zinc-700">{mine ? "You accepted this invitation already." : detail}</p>
        <div className="mt-6">
          <Button asChild variant={mine ? "primary" : "secondary"} className="w-full">
            {mine ? (
              <Link href={`/organizations/${found.org.slug}`}>Go to {found.org.name}</Link>
            ) : (
              <Link href={user ? "/organizations" : "/sign-in"}>{user ? "Go to your organizations" : "Sign in"}</Link>
            )}
          </Button>
        </div>
      </>
    );
  }

  const { invitation, org } = found;
  const inviter = invitation.invitedByLabel ?? "An admin";
  const signedInAsInvitee = user && user.email.toLowerCase() === invitation.email.toLowerCase();
  return (
    <>
      <p className="text-sm font-medium text-indigo-700">Invitation</p>
      <h1 className="mt-1 text-xl font-semibold">Join {org.name}</h1>
      <p className="mt-3 text-sm text-zinc-700">
        <span className="font-medium text-zinc-900">{inviter}</span> invited{" "}
        <span className="font-medium text-zinc-900">{invitation.email}</span> to join the organization{" "}
        <span className="font-medium text-zinc-900">{org.name}</span>.
      </p>
      <p className="mt-2 text-sm text-zinc-700">{invitationOffer(invitation.role, holdsSeat(invitation, new Date()))}</p>
      <p className="mt-2 text-xs text-zinc-600">This invitation expires on {formatExpiry(invitation.expiresAt)}.</p>
      <div className="mt-6 space-y-3">
        {!user ? (
          <>
            <Button asChild className="w-full">
              <Link href={`/sign-up?email=${encodeURIComponent(invitation.email)}&locked=1&callbackUrl=${encodeURIComponent(here)}`}>
                Create Account to Join
              </Link>
            </Button>
            <Button asChild variant="secondary" className="w-full">
              <Link href={`/sign-in?email=${encodeURIComponent(invitation.email)}&callbackUrl=${encodeURIComponent(here)}`}>
                Sign In to Join
              </Link>
            </Button>
            <p className="text-xs text-zinc-600">Use {invitation.email}: only that address can accept this invitation.</p>
          </>
        ) : signedInAsInvitee ? (
          <>
            <p className="text-sm text-zinc-700">Signed in as {user.email}.</p>
            <AcceptInvitationButton token={token} orgName={org.name} />
          </>
        ) : (
          <>
            <div role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
              This invitation is for {invitation.email}, but you are signed in as {user.email}. Only {invitation.email} can accept it.
            </div>
            <SwitchAccountButton email={invitation.email} returnTo={here} />
          </>
        )}
      </div>
    </>
  );
}
