import { placeholderPage } from "../placeholder-page";

export const metadata = { title: "Subscription" };
export default placeholderPage({
  permission: "subscription.read",
  title: "Subscription",
  description: "Seats, billing cycle and renewals.",
  items: ["Purchase a subscription and choose monthly or yearly billing", "Add or remove seats", "See seats total, assigned and available"],
});
