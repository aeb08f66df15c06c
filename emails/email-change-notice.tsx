import { Text } from "@react-email/components";
import { EmailLayout, appName, paragraph } from "./layout";

export type EmailChangeNoticeProps = { oldEmail: string; newEmail: string; done: boolean };

export const emailChangeNoticeSubject = (done: boolean) =>
  done ? `Your ${appName} email was changed` : `A change of your ${appName} email was requested`;

/** To the old address: told when a change is asked for and when it takes effect. */
export default function EmailChangeNoticeEmail({
  oldEmail = "ada@example.com",
  newEmail = "ada@new.example.com",
  done = false,
}: Partial<EmailChangeNoticeProps>) {
  return (
    <EmailLayout preview="Your sign-in address" heading={done ? "Your email was changed" : "Email change requested"}>
      <Text style={paragraph}>
        {done
          ? `The ${appName} account that used ${oldEmail} now signs in with ${newEmail}.`
          : `Someone signed in to the ${appName} account ${oldEmail} asked to change its address to ${newEmail}. Nothing changes until that address confirms.`}
      </Text>
      <Text style={paragraph}>If this was not you, reset your password from the sign-in page and contact an administrator.</Text>
    </EmailLayout>
  );
}
