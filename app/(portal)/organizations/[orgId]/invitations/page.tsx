import { placeholderPage } from "../placeholder-page";

export const metadata = { title: "Invitations" };
export default placeholderPage({
  permission: "invitations.manage",
  title: "Invitations",
  description: "Invite people by email, one by one or from a CSV file.",
  items: ["Invite members by typing addresses or uploading a CSV", "Resend or remove pending invitations", "See who was invited, by whom and when the link expires"],
});
