import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, paragraph } from "./layout";

export type SeatAssignedEmailProps = { orgName: string; tokenAccessUrl: string };

export function seatAssignedSubject(orgName: string) {
  return `You have a seat in ${orgName}`;
}

/** Sent to each member who is given a seat: the next step is issuing their token. */
export default function SeatAssignedEmail({
  orgName = "Acme Labs",
  tokenAccessUrl = "http://localhost:3000/organizations/acme/token-access",
}: Partial<SeatAssignedEmailProps>) {
  return (
    <EmailLayout preview={`Issue your token for ${orgName}`} heading={`You have a seat in ${orgName}`}>
      <Text style={paragraph}>
        An Account Admin of {orgName} assigned you a seat. To use it, open the organization and issue yourself a token on the Token Access
        page.
      </Text>
      <Button href={tokenAccessUrl} style={buttonStyle}>
        Open Token Access
      </Button>
      <Text style={paragraph}>Link: {tokenAccessUrl}</Text>
    </EmailLayout>
  );
}
