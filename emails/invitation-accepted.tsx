import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, paragraph } from "./layout";

export type InvitationAcceptedEmailProps = {
  orgName: string;
  memberName: string;
  memberEmail: string;
  usersUrl: string;
};

export function invitationAcceptedSubject({ orgName, memberEmail }: Pick<InvitationAcceptedEmailProps, "orgName" | "memberEmail">) {
  return `${memberEmail} accepted your invitation to ${orgName}`;
}

export default function InvitationAcceptedEmail({
  orgName = "Acme Labs",
  memberName = "Grace Hopper",
  memberEmail = "grace@example.com",
  usersUrl = "http://localhost:3000/organizations/acme-labs/users",
}: Partial<InvitationAcceptedEmailProps>) {
  return (
    <EmailLayout preview={`${memberName} joined ${orgName}`} heading={`${memberName} joined ${orgName}`}>
      <Text style={paragraph}>
        {memberName} ({memberEmail}) accepted the invitation and is now a Member of {orgName}. They do not hold a seat yet: assign one on
        the Users page if they need an access token.
      </Text>
      <Button href={usersUrl} style={buttonStyle}>
        Open Users
      </Button>
      <Text style={paragraph}>Link: {usersUrl}</Text>
    </EmailLayout>
  );
}
