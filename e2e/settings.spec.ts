import { expect, test, type Page } from "@playwright/test";
import { createOrg, expectNoA11yViolations, joinByInvitation, PASSWORD, signUp, uniqueEmail, uniqueOrgId } from "./support";

async function openAccount(page: Page) {
  await page.getByRole("banner").getByRole("button").click();
  await page.getByRole("menuitem", { name: "Account" }).click();
  await page.waitForURL("**/account");
}

async function myAccess(page: Page, email: string) {
  const tokenRes = await page.request.post("/api/oauth/token", { form: { grant_type: "password", username: email, password: PASSWORD } });
  expect(tokenRes.status()).toBe(200);
  const { access_token } = await tokenRes.json();
  const res = await page.request.get("/api/users/me/access", { headers: { authorization: `Bearer ${access_token}` } });
  expect(res.status()).toBe(200);
  return res.json();
}

test("an admin turns cloud notebooks off: a member of that org and of another sees them off; storage stays per org", async ({
  page,
  browser,
}) => {
  // Two people, each signing up and verifying through the mailbox, two orgs and an invitation.
  test.slow();
  const adminEmail = uniqueEmail("alice");
  await signUp(page, { name: "Alice Admin", email: adminEmail });
  const alpha = await createOrg(page, "Alpha Labs", uniqueOrgId("alpha"));

  // Mo joins Alpha as a Member, and forms Beta of their own.
  const mo = await joinByInvitation(browser, page, alpha.orgId, "Mo Member");
  const beta = await createOrg(mo.page, "Beta Works", uniqueOrgId("beta"));

  // Before: everything on for Mo.
  await openAccount(mo.page);
  await expect(mo.page.getByTestId("cloud-notebooks-status")).toHaveText("On");
  expect((await myAccess(mo.page, mo.email)).cloud_notebooks.enabled).toBe(true);

  // Members see the settings but cannot edit them.
  await mo.page.goto(`/organizations/${alpha.orgId}/profile`);
  await expect(mo.page.getByRole("switch", { name: "Cloud notebooks" })).toBeDisabled();
  await expect(mo.page.getByRole("button", { name: "Edit Organization" })).toHaveCount(0);

  // Alice: Edit, change, Cancel restores.
  await page.goto(`/organizations/${alpha.orgId}/profile`);
  const notebooks = page.getByRole("switch", { name: "Cloud notebooks" });
  const storage = page.getByRole("switch", { name: "Cloud storage" });
  await expect(notebooks).toBeChecked();
  await expect(notebooks).toBeDisabled();
  await page.getByRole("button", { name: "Edit Organization" }).click();
  await expect(notebooks).toBeEnabled();
  await notebooks.click();
  await expect(notebooks).not.toBeChecked();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(notebooks).toBeChecked();
  await expect(notebooks).toBeDisabled();

  // Edit again: notebooks and storage off, saved; the toast says what changed.
  await page.getByRole("button", { name: "Edit Organization" }).click();
  await notebooks.click();
  await storage.click();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText("Cloud storage turned off. Cloud notebooks turned off.")).toBeVisible();
  await expect(notebooks).not.toBeChecked();
  await expect(notebooks).toBeDisabled();
  await page.reload();
  await expect(page.getByRole("switch", { name: "Cloud notebooks" })).not.toBeChecked();

  // Mo: notebooks off everywhere (decided by Alpha); storage off in Alpha only.
  await mo.page.goto("/organizations");
  await openAccount(mo.page);
  await expect(mo.page.getByTestId("cloud-notebooks-status")).toHaveText("Off");
  await expect(mo.page.getByText(/Off for you everywhere/)).toContainText("Alpha Labs");
  const storageRow = (name: string) => mo.page.getByRole("row").filter({ hasText: name });
  await expect(storageRow("Alpha Labs").getByText("Off", { exact: true })).toBeVisible();
  await expect(storageRow("Beta Works").getByText("On", { exact: true })).toBeVisible();
  await expectNoA11yViolations(mo.page);

  const access = await myAccess(mo.page, mo.email);
  expect(access.cloud_notebooks).toMatchObject({
    enabled: false,
    disabled_by: [expect.objectContaining({ organization_id: alpha.orgId })],
  });
  const byOrg = Object.fromEntries(
    access.cloud_storage.map((s: { organization_id: string; enabled: boolean }) => [s.organization_id, s.enabled]),
  );
  expect(byOrg).toEqual({ [alpha.orgId]: false, [beta.orgId]: true });

  // Alice reads the change in Activity, filtered; axe scan with the filters applied.
  await page.goto(`/organizations/${alpha.orgId}/activity`);
  await page.getByLabel("Action", { exact: true }).selectOption("settings.changed");
  await page.getByLabel("Actor", { exact: true }).fill(adminEmail);
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("From", { exact: true }).fill(today);
  await page.getByLabel("To", { exact: true }).fill(today);
  await page.getByRole("button", { name: "Apply Filters" }).click();
  await page.waitForURL(/action=settings.changed/);
  const rows = page.getByRole("row").filter({ hasText: "settings.changed" });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "cloud_notebooks: on → off" })).toHaveCount(1);
  await expectNoA11yViolations(page);

  // The export streams the same filtered entries.
  const csv = await page.request.get(`/organizations/${alpha.orgId}/activity/export?format=csv&action=settings.changed`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(3);

  // A new Organization Name shows everywhere at once; the Organization ID stays.
  await page.goto(`/organizations/${alpha.orgId}/profile`);
  await page.getByRole("button", { name: "Edit Organization" }).click();
  await page.getByLabel("Organization Name").fill("Alpha Research");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText("Organization renamed to Alpha Research.")).toBeVisible();
  await expect(page.getByText("Alpha Labs", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Alpha Research", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: alpha.orgId })).toBeVisible();
  await mo.page.goto("/organizations");
  await expect(mo.page.getByText("Alpha Research").first()).toBeVisible();
  await mo.page.goto("/account");
  await expect(mo.page.getByText(/Off for you everywhere/)).toContainText("Alpha Research");
});
