import InvitationEmail, { invitationSubject } from "@/emails/invitation";
import { appUrl } from "@/lib/config";
import { renderEmail, type RenderedEmail } from "@/lib/email/render";

// Rendering a react-email template takes milliseconds; 10,000 renders would take most of the
// time budget of a bulk upload. So the template is rendered once per request with placeholders
// and the database substitutes each recipient's link and address while inserting the outbox rows.
export const TOKEN_PLACEHOLDER = "INVITATIONTOKENPLACEHOLDER";
export const EMAIL_PLACEHOLDER = "INVITEEEMAILPLACEHOLDER";

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
    }),
  );
  for (const part of [message.html, message.text]) {
    if (!part.includes(TOKEN_PLACEHOLDER) || !part.includes(EMAIL_PLACEHOLDER)) {
      throw new Error("The invitation template lost a placeholder while rendering.");
    }
  }
  return message;
}

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Addresses are validated, but may still hold `'` or `&`: escape them for the HTML part. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => htmlEscapes[ch]);
