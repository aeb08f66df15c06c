import { Button, Text } from "@react-email/components";
import { EmailLayout, appName, buttonStyle, paragraph } from "./layout";

export type VerifyEmailProps = { name: string; link: string; welcome: boolean; appUrl: string };

export const verifyEmailSubject = (welcome: boolean) =>
  welcome ? `Welcome to ${appName}: verify your email` : `Verify your email for ${appName}`;

export default function VerifyEmail({
  name = "Ada",
  link = "http://localhost:3000/verify-email/abc",
  welcome = true,
  appUrl = "http://localhost:3000",
}: Partial<VerifyEmailProps>) {
  return (
    <EmailLayout preview="Confirm this address to create organizations" heading={welcome ? `Welcome, ${name}!` : "Verify your email"}>
      <Text style={paragraph}>
        {welcome ? "Your account is ready. " : ""}Confirm that this address is yours to create organizations and be added to them.
      </Text>
      <Button href={link} style={buttonStyle}>
        Verify Email
      </Button>
      <Text style={paragraph}>Or open this link: {link}</Text>
      <Text style={paragraph}>The link works once and expires in 24 hours. If you did not sign up, ignore this message.</Text>
      {welcome && <Text style={paragraph}>Your organizations: {appUrl}/organizations</Text>}
    </EmailLayout>
  );
}
