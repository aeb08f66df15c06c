import type { LinkState } from "./find-invitation";

/** What a person is told about a link that cannot be accepted, on the page and in errors alike. */
export function linkMessage(state: Exclude<LinkState, "valid">, orgName?: string) {
  const org = orgName ?? "the organization";
  switch (state) {
    case "expired":
      return {
        title: "This invitation has expired",
        detail: `Invitations are valid for 7 days. Ask an admin of ${org} to resend it; the new email will have a fresh link.`,
      };
    case "removed":
      return {
        title: "This invitation was removed",
        detail: `An admin of ${org} removed it, so the link no longer works. Ask them to resend an invitation if you should join.`,
      };
    case "superseded":
      return {
        title: "This invitation link was replaced",
        detail: `A newer invitation was sent to the same address, and only its link works. Use the most recent email from ${org}, or ask an admin to resend it.`,
      };
    case "used":
      return {
        title: "This invitation was already used",
        detail: `It has been accepted, and a link works only once. If that was not you, ask an admin of ${org} to resend an invitation.`,
      };
    case "not_found":
      return {
        title: "This invitation link is not valid",
        detail: "Check that you opened the whole link from the email, or ask the admin who invited you to resend it.",
      };
  }
}
