import { Button, Text } from "@react-email/components";
import { EmailLayout, appName, buttonStyle, paragraph } from "./layout";

export type InvitationEmailProps = {
  orgName: string;
  inviterName: string;
  acceptUrl: string;
  /** Already formatted for people, e.g. "December 3, 2026, 14:05 UTC". */
  expiresAt: string;
  recipientEmail: string;
  /** What the person joins as, e.g. "You will join as a Billing Manager, with a seat." */
  offer: string;
};

export function invitationSubject({ orgName, inviterName }: Pick<InvitationEmailProps, "orgName" | "inviterName">) {
  return `${inviterName} invited you to join ${orgName} on ${appName}`;
}

export default function InvitationEmail({
  orgName = "Acme Labs",
  inviterName = "Ada Lovelace",
  acceptUrl = "http://localhost:3000/invitations/inv_example",
  expiresAt = "December 3, 2026, 14:05 UTC",
  recipientEmail = "grace@example.com",
  offer = "You will join as a Member, with a seat: you can issue your access token as soon as you accept.",
}: Partial<InvitationEmailProps>) {
  return (
    // A preview close to the 150 characters inboxes show also spares the invisible padding
    // react-email adds to shorter ones: about 2 KB per message, which adds up in bulk invites.
    <EmailLayout
      preview={`${inviterName} invited you to join ${orgName} on ${appName}. Accept the invitation before it expires on ${expiresAt}.`}
      heading={`Join ${orgName}`}
    >
      <Text style={paragraph}>
        {inviterName} invited you to join the organization <strong>{orgName}</strong> on {appName}.
      </Text>
      <Text style={paragraph}>{offer}</Text>
      <Button href={acceptUrl} style={buttonStyle}>
        Accept invitation
      </Button>
      <Text style={paragraph}>Or open this link: {acceptUrl}</Text>
      <Text style={paragraph}>
        The invitation is for {recipientEmail} and expires on {expiresAt}. Sign in or create an account with that address to accept it. If
        it has expired, ask {inviterName} to send it again.
      </Text>
      <Text style={{ ...paragraph, color: "#71717a" }}>Not expecting this? You can ignore this email.</Text>
    </EmailLayout>
  );
}
