import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, paragraph } from "./layout";

export type WebhookDisabledEmailProps = {
  orgName: string;
  url: string;
  failingSince: string;
  lastError: string;
  webhooksUrl: string;
};

export function webhookDisabledSubject(orgName: string) {
  return `A webhook of ${orgName} was turned off`;
}

/** Sent to the org's admins when the delivery worker turns an endpoint off after days of failures. */
export default function WebhookDisabledEmail({
  orgName = "Acme Labs",
  url = "https://hooks.example.com/portal",
  failingSince = "March 1, 2026",
  lastError = "Answered 500.",
  webhooksUrl = "http://localhost:3000/organizations/acme/profile",
}: Partial<WebhookDisabledEmailProps>) {
  return (
    <EmailLayout preview={`Deliveries to ${url} failed since ${failingSince}.`} heading="Webhook endpoint turned off">
      <Text style={paragraph}>
        Every delivery to {url} has failed since {failingSince}, so {orgName} no longer sends events to it. The last attempt: {lastError}
      </Text>
      <Text style={paragraph}>
        Fix the receiver, then enable the endpoint again under Webhooks on Org Profile; its delivery log shows each attempt.
      </Text>
      <Button href={webhooksUrl} style={buttonStyle}>
        Open Webhooks
      </Button>
      <Text style={paragraph}>Link: {webhooksUrl}</Text>
    </EmailLayout>
  );
}
