import { placeholderPage } from "../placeholder-page";

export const metadata = { title: "Service Accounts" };
export default placeholderPage({
  permission: "serviceAccounts.manage",
  title: "Service Accounts",
  description: "Machine credentials for automating this organization through the API.",
  items: ["Create a service account and copy its secret once", "Delete service accounts you no longer use"],
});
