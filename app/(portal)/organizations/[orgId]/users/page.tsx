import { placeholderPage } from "../placeholder-page";

export const metadata = { title: "Users" };
export default placeholderPage({
  permission: "members.read",
  title: "Users",
  description: "Members of this organization, their roles and seats.",
  items: ["See every member with their role and seat", "Assign and revoke seats, one by one or many at once", "Change roles and remove members"],
});
