import { expect, test, type Page } from "@playwright/test";
import { DEMO_PORT } from "./ports";

// `npm run demo` on a fresh folder: each demo account sees a populated page for its role.
test.use({ baseURL: `http://127.0.0.1:${DEMO_PORT}` });

async function signInAs(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign In" }).click();
  await page.waitForURL("**/organizations");
}

test("the admin sees both orgs' worth of members, invitations and activity", async ({ page }) => {
  await signInAs(page, "admin@demo.test");
  await expect(page.getByRole("link", { name: /Acme Research/ })).toBeVisible();
  // The Overview: two invitations hold seats, and six weeks of downloads make a chart.
  await page.getByRole("link", { name: /Acme Research/ }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Seats reserved/ })).toContainText("2");
  await expect(page.getByRole("application", { name: "Package downloads per day, last 30 days" })).toBeVisible();
  await page.goto("/organizations/acme-research/users");
  await expect(page.getByRole("heading", { name: "Manage Members" })).toBeVisible();
  await expect(page.getByText(/25 of 30 seats assigned/)).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(26); // header + 25 on the first page
  await page.goto("/organizations/acme-research/invitations");
  await expect(page.getByText("Expired").first()).toBeVisible();
  await expect(page.getByText("Pending").first()).toBeVisible();
  await page.goto("/organizations/acme-research/service-accounts");
  await expect(page.getByRole("cell", { name: "ci_pipeline", exact: true })).toBeVisible();
  await page.goto("/organizations/acme-research/activity");
  await expect(page.getByRole("cell", { name: "managed_user.created" }).first()).toBeVisible();
});

test("the billing manager sees the subscription but not the Users actions", async ({ page }) => {
  await signInAs(page, "billing@demo.test");
  await page.goto("/organizations/acme-research/subscription");
  await expect(page.getByRole("button", { name: "Manage Subscription" })).toBeVisible();
  await expect(page.getByText("Yearly").first()).toBeVisible();
  await page.goto("/organizations/acme-research/users");
  await expect(page.getByRole("heading", { name: "View Members" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
});

test("the member is in two orgs, holds a seat and a token, and reads members only", async ({ page }) => {
  await signInAs(page, "member@demo.test");
  await expect(page.getByRole("list", { name: "Your organizations" }).getByRole("listitem")).toHaveCount(2);
  await page.goto("/organizations/acme-research/token-access");
  await expect(page.getByRole("button", { name: "Reissue Token" })).toBeVisible();
  await page.goto("/organizations/acme-research/users");
  await expect(page.getByRole("heading", { name: "View Members" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Organization" });
  await expect(nav.getByRole("link", { name: "Invitations" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Activity" })).toHaveCount(0);
});
