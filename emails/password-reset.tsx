import { Button, Text } from "@react-email/components";
import { EmailLayout, appName, buttonStyle, paragraph } from "./layout";

export type PasswordResetProps = { link: string };

export const passwordResetSubject = () => `Reset your ${appName} password`;

export default function PasswordResetEmail({ link = "http://localhost:3000/reset-password/abc" }: Partial<PasswordResetProps>) {
  return (
    <EmailLayout preview="A link to choose a new password" heading="Reset your password">
      <Text style={paragraph}>Someone asked to reset the password of the {appName} account with this address.</Text>
      <Button href={link} style={buttonStyle}>
        Reset Password
      </Button>
      <Text style={paragraph}>Or open this link: {link}</Text>
      <Text style={paragraph}>
        The link works once and expires in 1 hour. Resetting signs out every other session. If it was not you, ignore this message.
      </Text>
    </EmailLayout>
  );
}
