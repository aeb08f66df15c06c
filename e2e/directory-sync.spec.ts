import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createOrg, expectNoA11yViolations, signUp, uniqueEmail, uniqueOrgId, userRow } from "./support";

test("an admin generates the SCIM token; the identity provider creates and then deactivates a person, and the Users page shows it", async ({
  page,
  request,
}) => {
  await signUp(page, { name: "Ida Admin", email: uniqueEmail("ida") });
  const { orgId } = await createOrg(page, "Sync Corp", uniqueOrgId("sync"));

  const section = page.getByRole("region", { name: "Directory Sync" });
  await expect(section.getByLabel("SCIM base URL", { exact: true })).toHaveValue(new RegExp(`/scim/v2/organizations/${orgId}$`));
  await expect(section.getByText("No token yet")).toBeVisible();
  await section.getByRole("button", { name: "Generate SCIM Token" }).click();
  const token = await section.getByLabel("SCIM token", { exact: true }).inputValue();
  expect(token).toMatch(/^osc_[0-9A-Za-z]+$/);
  await expect(section.getByRole("button", { name: "Copy SCIM token" })).toBeVisible();
  await expect(section.getByText(/last used never/)).toBeVisible();
  await expectNoA11yViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("directory-sync-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: test.info().outputPath("directory-sync-1280.png"), fullPage: true });

  // The identity provider, as Okta and Entra ID call it.
  const base = `/scim/v2/organizations/${orgId}`;
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
  const email = `grace-${randomBytes(3).toString("hex")}@corp.example`;
  const created = await request.post(`${base}/Users`, {
    headers,
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: email,
      name: { givenName: "Grace", familyName: "Hopper" },
      emails: [{ primary: true, value: email, type: "work" }],
      active: true,
    },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["content-type"]).toBe("application/scim+json");
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/organizations/${orgId}/users`);
  await expect(userRow(page, email)).toBeVisible();
  await expect(userRow(page, email).getByText("Inactive")).toHaveCount(0);

  const off = await request.patch(`${base}/Users/${id}`, {
    headers,
    data: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Replace", path: "active", value: "False" }] },
  });
  expect(off.status()).toBe(200);
  expect(((await off.json()) as { active: boolean }).active).toBe(false);

  await page.reload();
  await expect(userRow(page, email).getByText("Inactive")).toBeVisible();
  await expectNoA11yViolations(page);

  // The activity log names the identity provider as "SCIM".
  await page.goto(`/organizations/${orgId}/activity`);
  const deactivated = page.getByRole("row").filter({ hasText: "member.deactivated" });
  await expect(deactivated.getByRole("cell", { name: "SCIM", exact: true })).toBeVisible();
  await expect(deactivated).toContainText(email);

  // Replacing the token needs a confirmation, and the old one stops.
  await page.goto(`/organizations/${orgId}/profile`);
  await section.getByRole("button", { name: "Generate SCIM Token" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Replace the SCIM token?" });
  await confirm.getByRole("button", { name: "Generate SCIM Token" }).click();
  await expect(section.getByLabel("SCIM token", { exact: true })).not.toHaveValue(token);
  expect((await request.get(`${base}/Users`, { headers })).status()).toBe(401);
});
