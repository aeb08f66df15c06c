import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, paragraph } from "./layout";

export type UsersOnboardedProps = { orgName: string; count: number; emails: string[]; usersUrl: string; actorLabel: string };

export const usersOnboardedSubject = (orgName: string, count: number) =>
  `${count} ${count === 1 ? "person was" : "people were"} added to ${orgName}`;

/** Tells admins what automated onboarding did (the list is cut short in very large batches). */
export default function UsersOnboardedEmail({
  orgName = "Acme Labs",
  count = 2,
  emails = ["annie@example.com", "grace@example.com"],
  usersUrl = "http://localhost:3000/organizations/acme-labs/users",
  actorLabel = "ci_pipeline",
}: Partial<UsersOnboardedProps>) {
  const shown = emails.slice(0, 50);
  return (
    <EmailLayout preview={usersOnboardedSubject(orgName, count)} heading="New members onboarded">
      <Text style={paragraph}>
        {actorLabel} onboarded {count} {count === 1 ? "person" : "people"} into <strong>{orgName}</strong> through the API. Each was given a
        seat and an access token:
      </Text>
      <Text style={paragraph}>
        {shown.join(", ")}
        {emails.length > shown.length ? ` and ${emails.length - shown.length} more` : ""}
      </Text>
      <Button href={usersUrl} style={buttonStyle}>
        Review users
      </Button>
    </EmailLayout>
  );
}
