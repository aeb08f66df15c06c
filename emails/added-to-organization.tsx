import { Button, Text } from "@react-email/components";
import { EmailLayout, appName, buttonStyle, paragraph } from "./layout";

export type AddedToOrganizationProps = {
  orgName: string;
  /** Where to go next: the org, or the page that sets a first password. */
  link: string;
  needsPassword: boolean;
};

export const addedToOrganizationSubject = (orgName: string) => `You were added to ${orgName} on ${appName}`;

export default function AddedToOrganizationEmail({
  orgName = "Acme Labs",
  link = "http://localhost:3000/organizations/acme-labs",
  needsPassword = false,
}: Partial<AddedToOrganizationProps>) {
  return (
    <EmailLayout preview={`You are now a member of ${orgName}`} heading={`Welcome to ${orgName}`}>
      <Text style={paragraph}>
        An administrator added you to the organization <strong>{orgName}</strong> on {appName}.
        {needsPassword ? " An account was created for you: choose a password to sign in." : ""}
      </Text>
      <Button href={link} style={buttonStyle}>
        {needsPassword ? "Choose your password" : "Open the organization"}
      </Button>
      <Text style={paragraph}>Or open this link: {link}</Text>
      {needsPassword && <Text style={paragraph}>The link works once and expires in 7 days.</Text>}
    </EmailLayout>
  );
}
