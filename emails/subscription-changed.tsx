import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, paragraph } from "./layout";

export type SubscriptionChangedEmailProps = {
  orgName: string;
  /** What happened, e.g. "Seats changed from 3 to 5." */
  change: string;
  seats: number;
  billingCycle: string;
  periodEnd: string;
  actorLabel: string;
  subscriptionUrl: string;
};

export function subscriptionChangedSubject(orgName: string) {
  return `The subscription of ${orgName} changed`;
}

/** Sent to every billing manager of the org whenever its subscription changes. */
export default function SubscriptionChangedEmail({
  orgName = "Acme Labs",
  change = "Seats changed from 3 to 5.",
  seats = 5,
  billingCycle = "Monthly",
  periodEnd = "March 1, 2026",
  actorLabel = "ada@example.com",
  subscriptionUrl = "http://localhost:3000/organizations/acme/subscription",
}: Partial<SubscriptionChangedEmailProps>) {
  return (
    <EmailLayout preview={change} heading={`Subscription of ${orgName} changed`}>
      <Text style={paragraph}>
        {change} Changed by {actorLabel}.
      </Text>
      <Text style={paragraph}>
        Now: {seats.toLocaleString("en")} seats, billed {billingCycle.toLowerCase()}, current period ends {periodEnd}.
      </Text>
      <Button href={subscriptionUrl} style={buttonStyle}>
        View Subscription
      </Button>
      <Text style={paragraph}>Link: {subscriptionUrl}</Text>
    </EmailLayout>
  );
}
