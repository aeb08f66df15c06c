import { expect, test, type Page } from "@playwright/test";
import { createOrg, expectNoA11yViolations, linksIn, PASSWORD, purchaseSubscription, signUp, uniqueEmail, waitForEmail } from "./support";

/** With SCREENSHOTS=dir set, keeps pictures of the screens for a person to look at. */
async function shot(page: Page, name: string) {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/invitation-roles-${name}.png`, fullPage: true });
}

test("an admin invites a Billing Manager with a seat in one step; the seat is reserved, and the person lands with role and seat", async ({
  page,
  browser,
  request,
}) => {
  await signUp(page, { name: "Ada Admin", email: uniqueEmail("admin") });
  const { name: orgName, orgId } = await createOrg(page, "Seat Invite Org");
  await purchaseSubscription(page, orgId, 1);

  // One seat, two addresses asking for one: the first gets it, the second is reported and not sent.
  const [billing, extra] = [uniqueEmail("billing"), uniqueEmail("extra")];
  await page.goto(`/organizations/${orgId}/invitations`);
  await page.getByRole("button", { name: "Invite Members" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite Members" });
  const field = dialog.getByLabel("Email addresses");
  await field.fill(billing);
  await field.press("Enter");
  await field.fill(extra);
  await field.press("Enter");
  await dialog.getByLabel("Role").selectOption({ label: "Billing Manager" });
  await dialog.getByRole("checkbox", { name: "Assign a seat on joining" }).check();
  await expectNoA11yViolations(page);
  await shot(page, "1-dialog");
  await dialog.getByRole("button", { name: "Invite Members" }).click();

  const report = page.getByRole("dialog", { name: "Invitations sent" });
  await expect(report.getByRole("row", { name: new RegExp(billing) })).toContainText("Invited");
  await expect(report.getByRole("row", { name: new RegExp(billing) })).toContainText("Billing Manager");
  await expect(report.getByRole("row", { name: new RegExp(extra) })).toContainText("Not invited: no seat available");
  await expectNoA11yViolations(page);
  await shot(page, "2-report");
  await report.getByRole("button", { name: "Done" }).click();
  const table = page.getByRole("table", { name: "Pending invitations" });
  await expect(table.getByRole("row", { name: new RegExp(billing) })).toContainText("Reserved");
  await expect(table.getByRole("row", { name: new RegExp(extra) })).toHaveCount(0);

  // Subscription and Users count the reservation.
  await page.goto(`/organizations/${orgId}/subscription`);
  const stat = (label: string) => page.getByText(label, { exact: true }).locator("..");
  await expect(stat("Seats reserved by invitations")).toContainText("1");
  await expect(stat("Seats available")).toContainText("0");
  await expectNoA11yViolations(page);
  await shot(page, "3-subscription");
  await page.goto(`/organizations/${orgId}/users`);
  await expect(page.getByText("1 reserved by invitations")).toBeVisible();

  // The email and the page say the role and the seat; accepting gives both.
  const mail = await waitForEmail(request, billing, /invited you to join/);
  expect(mail.text).toContain("You will join as a Billing Manager, with a seat");
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(linksIn(mail.text).find((l) => l.includes("/invitations/inv_"))!);
  await expect(invitee.getByRole("heading", { name: `Join ${orgName}` })).toBeVisible();
  await expect(invitee.getByText("You will join as a Billing Manager, with a seat")).toBeVisible();
  await expectNoA11yViolations(invitee);
  await shot(invitee, "4-invitation-page");
  await invitee.getByRole("link", { name: "Create Account to Join" }).click();
  await invitee.getByLabel("Name").fill("Bill Manager");
  await invitee.getByLabel("Password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Sign Up" }).click();
  await invitee.getByRole("button", { name: "Accept Invitation" }).click();
  await invitee.waitForURL(`**/organizations/${orgId}`);
  await expect(invitee.getByText(`${orgId} · Billing Manager`)).toBeVisible();

  await page.goto(`/organizations/${orgId}/subscription`);
  await expect(stat("Seats assigned")).toContainText("1");
  await expect(stat("Seats reserved by invitations")).toContainText("0");
});

test("Bulk Upload reads a role column and reports an invalid role with its row number", async ({ page }) => {
  await signUp(page, { name: "Cy Admin", email: uniqueEmail("admin") });
  const { orgId } = await createOrg(page, "Role Column Org");
  await page.goto(`/organizations/${orgId}/invitations`);
  const [a, b] = [uniqueEmail("a"), uniqueEmail("b")];
  await page.getByRole("button", { name: "Invite Members" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite Members" });
  await dialog.getByRole("tab", { name: "Bulk Upload" }).click();
  const csv = ["email,role", `${a},admin`, `${b},owner`].join("\n");
  await dialog.getByLabel("CSV file").setInputFiles({ name: "roles.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(dialog.getByText("Rows with a role column")).toBeVisible();
  await expectNoA11yViolations(page);
  await dialog.getByRole("button", { name: "Invite Members" }).click();
  const report = page.getByRole("dialog", { name: "Invitations sent" });
  await expect(report.getByRole("row", { name: new RegExp(a) })).toContainText("Account Admin");
  await expect(report.getByRole("row", { name: new RegExp(b) })).toContainText(
    'Row 3: role "owner" is not one of member, billing_manager, admin',
  );
  await shot(page, "5-csv-roles");
});
