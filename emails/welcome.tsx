import { Button, Text } from "@react-email/components";
import { EmailLayout, appName, buttonStyle, paragraph } from "./layout";

export type WelcomeEmailProps = { name: string; appUrl: string };

export function welcomeSubject() {
  return `Welcome to ${appName}`;
}

export default function WelcomeEmail({ name = "Ada", appUrl = "http://localhost:3000" }: Partial<WelcomeEmailProps>) {
  return (
    <EmailLayout preview={`Your ${appName} account is ready`} heading={`Welcome, ${name}!`}>
      <Text style={paragraph}>
        Your account is ready. Create an organization to invite your team, or open an invitation you received to join one.
      </Text>
      <Button href={`${appUrl}/organizations`} style={buttonStyle}>
        Go to your organizations
      </Button>
      <Text style={paragraph}>Link: {appUrl}/organizations</Text>
    </EmailLayout>
  );
}
