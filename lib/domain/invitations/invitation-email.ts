import InvitationEmail, { invitationSubject } from "@/emails/invitation";
import type { Role } from "@/db/schema";
import { appUrl } from "@/lib/config";
import { renderEmail, type RenderedEmail } from "@/lib/email/render";

// Rendering a react-email template takes milliseconds; 10,000 renders would take most of the
// time budget of a bulk upload. So the template is rendered once per request with placeholders
// and the database substitutes each recipient's link and address while inserting the outbox rows.
export const TOKEN_PLACEHOLDER = "INVITATIONTOKENPLACEHOLDER";
export const EMAIL_PLACEHOLDER = "INVITEEEMAILPLACEHOLDER";
// Role and seat differ per recipient too (a CSV may give each row its own role).
export const OFFER_PLACEHOLDER = "INVITATIONOFFERPLACEHOLDER";

const roleWithArticle: Record<Role, string> = { member: "a Member", billing_manager: "a Billing Manager", admin: "an Account Admin" };
const roleDuties: Record<Role, string> = {
  member: "you can see its members",
  billing_manager: "you manage its subscription and seats",
  admin: "you manage its members, invitations, seats and settings",
};

/** What the invited person joins as: said the same way in the email and on the invitation page. */
export function invitationOffer(role: Role, withSeat: boolean) {
  return withSeat
    ? `You will join as ${roleWithArticle[role]}, with a seat: ${roleDuties[role]}, and you can issue your access token as soon as you accept.`
    : `You will join as ${roleWithArticle[role]}, without a seat: ${roleDuties[role]}, and an admin can give you a seat later.`;
}

export const formatExpiry = (date: Date) =>
  `${new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone: "UTC", hourCycle: "h23" }).format(date)} UTC`;

export const acceptUrl = (token: string) => `${appUrl()}/invitations/${token}`;

export async function renderInvitationTemplate(input: { orgName: string; inviterName: string; expiresAt: Date }): Promise<RenderedEmail> {
  const message = await renderEmail(
    "invitation",
    invitationSubject(input),
    InvitationEmail({
      orgName: input.orgName,
      inviterName: input.inviterName,
      expiresAt: formatExpiry(input.expiresAt),
      acceptUrl: acceptUrl(TOKEN_PLACEHOLDER),
      recipientEmail: EMAIL_PLACEHOLDER,
      offer: OFFER_PLACEHOLDER,
    }),
  );
  for (const part of [message.html, message.text]) {
    if (!part.includes(TOKEN_PLACEHOLDER) || !part.includes(EMAIL_PLACEHOLDER) || !part.includes(OFFER_PLACEHOLDER)) {
      throw new Error("The invitation template lost a placeholder while rendering.");
    }
  }
  return message;
}
