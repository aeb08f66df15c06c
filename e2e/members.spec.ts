import { expect, test } from "@playwright/test";
import {
  createOrg,
  expectNoA11yViolations,
  joinByInvitation,
  signUp,
  uniqueOrgId,
  userRow as row,
  userRowAction as rowAction,
  waitForEmail,
} from "./support";

test("admin buys seats, assigns and revokes them, promotes a billing manager; members read only and leave", async ({ browser, page }) => {
  test.setTimeout(240_000);
  await signUp(page, { name: "Ada Admin" });
  const orgName = "Seat Co";
  const { orgId } = await createOrg(page, orgName, uniqueOrgId("seats"));
  const bea = await joinByInvitation(browser, page, orgId, "Bea Member");
  const cal = await joinByInvitation(browser, page, orgId, "Cal Member");
  const dee = await joinByInvitation(browser, page, orgId, "Dee Billing");

  // Subscription: purchase 3 seats, monthly.
  await page.goto(`/organizations/${orgId}/subscription`);
  await page.getByRole("button", { name: "Purchase Subscription" }).click();
  await page.getByLabel("Seats").fill("0");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText(/whole number of seats from 1 to 100,000/)).toBeVisible();
  await page.getByLabel("Seats").fill("3");
  await page.getByRole("radio", { name: "Monthly" }).check();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Subscription purchased: 3 seats, Monthly").first()).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^3$/ }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Manage Subscription" })).toBeVisible();
  await expectNoA11yViolations(page);

  // Users: one seat by the row action, one by bulk assign.
  await page.goto(`/organizations/${orgId}/users`);
  await expect(page.getByRole("heading", { name: "Manage Members" })).toBeVisible();
  await rowAction(page, bea.email, "Assign Seat");
  await expect(page.getByText("Seat assigned to Bea Member.")).toBeVisible();
  await expect(row(page, bea.email).getByRole("cell", { name: "Yes", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Assign Seats" }).click();
  await page.getByRole("checkbox", { name: "Select Cal Member" }).check();
  await page.getByRole("button", { name: "Assign Users" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Assign", exact: true }).click();
  const result = page.getByRole("status", { name: "Bulk result" });
  await expect(result).toContainText("1 of 1 seat assigned.");
  await expect(result).toContainText(cal.email);
  await expect(page.getByText("2 of 3 seats assigned")).toBeVisible();
  await expect(row(page, cal.email).getByRole("cell", { name: "Yes", exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  // Bulk revoke one.
  await page.getByRole("button", { name: "Revoke Seats" }).click();
  await page.getByRole("checkbox", { name: "Select Cal Member" }).check();
  await page.getByRole("button", { name: "Revoke Seats" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(result).toContainText("1 of 1 seat revoked.");
  await expect(row(page, cal.email).getByRole("cell", { name: "No", exact: true })).toBeVisible();
  await expect(page.getByText("1 of 3 seats assigned")).toBeVisible();

  // Promote Dee to Billing Manager.
  await rowAction(page, dee.email, "Assign as Billing Manager");
  await page.getByRole("alertdialog").getByRole("button", { name: "Confirm" }).click();
  await expect(row(page, dee.email).getByText("Billing Manager")).toBeVisible();
  // The admin's own row offers no role change and no removal.
  await row(page, "(you)")
    .getByRole("button", { name: /^Actions for/ })
    .click();
  await expect(page.getByRole("menuitem", { name: "Remove from Organization" })).toHaveCount(0);
  await expect(page.getByRole("menuitem", { name: /^Assign as/ })).toHaveCount(0);
  await page.keyboard.press("Escape");

  // The billing manager raises seats to 5, and gets the change by email.
  const bm = dee.page;
  await bm.goto(`/organizations/${orgId}/subscription`);
  await bm.getByRole("button", { name: "Manage Subscription" }).click();
  await bm.getByLabel("Seats").fill("5");
  await bm.getByRole("button", { name: "Confirm" }).click();
  await expect(bm.getByText("Seats changed from 3 to 5.").first()).toBeVisible();
  await expect(bm.getByRole("cell", { name: "Seats changed" })).toBeVisible();
  await waitForEmail(bm.request, dee.email, /subscription of Seat Co changed/i);
  // ...and cannot reach the Users actions.
  await bm.goto(`/organizations/${orgId}/users`);
  await expect(bm.getByRole("heading", { name: "View Members" })).toBeVisible();
  await expect(bm.getByRole("row").filter({ hasText: bea.email })).toBeVisible();
  await expect(bm.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
  await expect(bm.getByRole("button", { name: "Assign Seats" })).toHaveCount(0);

  // A member sees View Members, no Subscription, and leaves.
  const member = bea.page;
  await member.goto(`/organizations/${orgId}/users`);
  await expect(member.getByRole("heading", { name: "View Members" })).toBeVisible();
  await expect(member.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
  await expect(member.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Subscription" })).toHaveCount(0);
  await member.goto(`/organizations/${orgId}/profile`);
  await member.getByRole("button", { name: `Leave ${orgName} Organization` }).click();
  await member.getByRole("alertdialog").getByRole("button", { name: "Leave", exact: true }).click();
  await member.waitForURL("**/organizations");
  await expect(member.getByText(`You left ${orgName}.`)).toBeVisible();
  expect((await member.goto(`/organizations/${orgId}/users`))?.status()).toBe(404);

  // The admin sees Bea gone and her seat freed; admins cannot leave and are told why.
  await page.goto(`/organizations/${orgId}/users`);
  await expect(row(page, cal.email)).toBeVisible();
  await expect(row(page, bea.email)).toHaveCount(0);
  await expect(page.getByText("0 of 5 seats assigned")).toBeVisible();
  await page.goto(`/organizations/${orgId}/profile`);
  await expect(page.getByText("Account Admins cannot leave an organization.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Leave / })).toHaveCount(0);
});
