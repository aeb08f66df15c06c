import { placeholderPage } from "../placeholder-page";

export const metadata = { title: "Token Access" };
export default placeholderPage({
  permission: "tokens.self",
  title: "Token Access",
  description: "The access token your seat entitles you to.",
  items: ["Issue or reissue your token", "Copy the conda command that uses it"],
});
