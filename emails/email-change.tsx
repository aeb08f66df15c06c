import { Button, Text } from "@react-email/components";
import { EmailLayout, appName, buttonStyle, paragraph } from "./layout";

export type EmailChangeProps = { oldEmail: string; newEmail: string; link: string };

export const emailChangeSubject = () => `Confirm your new email for ${appName}`;

export default function EmailChangeEmail({
  oldEmail = "ada@example.com",
  newEmail = "ada@new.example.com",
  link = "http://localhost:3000/verify-email/abc",
}: Partial<EmailChangeProps>) {
  return (
    <EmailLayout preview="Confirm this address to use it to sign in" heading="Confirm your new email">
      <Text style={paragraph}>
        The {appName} account {oldEmail} asked to use {newEmail} from now on. The change takes effect when you open this link.
      </Text>
      <Button href={link} style={buttonStyle}>
        Confirm New Email
      </Button>
      <Text style={paragraph}>Or open this link: {link}</Text>
      <Text style={paragraph}>The link works once and expires in 24 hours.</Text>
    </EmailLayout>
  );
}
