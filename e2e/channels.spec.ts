import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { buildPackage, hasCph, NO_CPH } from "../lib/domain/packages/test-support";
import { createOrg, expectNoA11yViolations, joinByInvitation, purchaseSubscription, signUp, uniqueOrgId, userRowAction } from "./support";

// An admin publishes packages in the browser and decides who reads them; a seated member browses
// what their seat and groups open to them.
test.skip(!hasCph, NO_CPH);

test("admins create groups and channels, upload and delete packages; members browse what they may read", async ({ browser, page }) => {
  test.setTimeout(240_000);
  await signUp(page, { name: "Ada Admin" });
  const { orgId } = await createOrg(page, "Channel Co", uniqueOrgId("chan"));
  const bea = await joinByInvitation(browser, page, orgId, "Bea Member");
  await purchaseSubscription(page, orgId, 3);
  await page.goto(`/organizations/${orgId}/users`);
  await userRowAction(page, bea.email, "Assign Seat");

  // Groups: create one and add the member.
  await page.getByRole("navigation").getByRole("link", { name: "Groups" }).click();
  await expect(page.getByRole("heading", { name: "Groups" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Create Group" }).click();
  await page.getByLabel("Group Name").fill("Builders");
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: "Builders" })).toBeVisible();
  await page.getByRole("button", { name: "Add Members" }).click();
  const add = page.getByRole("dialog");
  await add.getByLabel("Search by name or email").fill("bea");
  await add.getByRole("checkbox").first().check();
  await expectNoA11yViolations(page);
  await add.getByRole("button", { name: "Add Members" }).click();
  await expect(page.getByRole("row").filter({ hasText: bea.email })).toBeVisible();
  await expectNoA11yViolations(page);

  // Channels: one for every seat, one for the group.
  await page.getByRole("navigation").getByRole("link", { name: "Channels" }).click();
  await page.getByRole("button", { name: "Create Channel" }).click();
  await page.getByLabel("Channel Name").fill("Bad Name");
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("dialog").getByText(/lower-case/)).toBeVisible();
  await page.getByLabel("Channel Name").fill("internal");
  await page.getByLabel("Description").fill("Builds for everyone with a seat");
  await expectNoA11yViolations(page);
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: "internal" })).toBeVisible();

  // Upload Packages: two real packages and one impostor, with a report per file.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-pkgs-"));
  const one = buildPackage({ name: "e2e-alpha", version: "1.0", build: "0" });
  const two = buildPackage({ name: "e2e-beta", version: "2.0", build: "py_0", subdir: "linux-64", format: ".tar.bz2" });
  const bad = path.join(dir, "e2e-fake-1.0-0.conda");
  fs.writeFileSync(bad, "not a package");
  await page.getByRole("button", { name: "Upload Packages" }).click();
  const upload = page.getByRole("dialog");
  await upload.getByLabel("Choose files").setInputFiles([one.file, two.file, bad]);
  await expectNoA11yViolations(page);
  await upload.getByRole("button", { name: "Upload", exact: true }).click();
  const report = upload.getByRole("list", { name: "Upload report" });
  await expect(report.getByText("Uploaded to noarch.")).toBeVisible();
  await expect(report.getByText("Uploaded to linux-64.")).toBeVisible();
  await expect(report.getByText(/not a valid conda package/)).toBeVisible();
  await page.keyboard.press("Escape");
  const table = page.getByRole("table", { name: "Packages" });
  await expect(table.getByRole("row").filter({ hasText: "e2e-alpha" })).toContainText("noarch");
  await expect(table.getByRole("row").filter({ hasText: "e2e-beta" })).toContainText("linux-64");
  await expectNoA11yViolations(page);

  // A channel for the group only.
  await page.goto(`/organizations/${orgId}/channels`);
  await page.getByRole("button", { name: "Create Channel" }).click();
  await page.getByLabel("Channel Name").fill("secret");
  await page.getByRole("radio", { name: "Selected groups" }).check();
  await page.getByRole("dialog").getByRole("checkbox", { name: "Builders" }).check();
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: "secret" })).toBeVisible();
  await expect(page.getByText("Selected groups: Builders")).toBeVisible();

  // Edit Channel: the dialog opens on what the channel holds; description and access change.
  await page.getByRole("button", { name: "Edit Channel" }).click();
  const edit = page.getByRole("dialog");
  await expect(edit.getByRole("radio", { name: "Selected groups" })).toBeChecked();
  await expect(edit.getByRole("checkbox", { name: "Builders" })).toBeChecked();
  await edit.getByLabel("Description").fill("Builds for the Builders group");
  await expectNoA11yViolations(page);
  await edit.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText("Channel secret saved.")).toBeVisible();
  await expect(page.getByText("Builds for the Builders group")).toBeVisible();
  await page.getByRole("button", { name: "Edit Channel" }).click();
  await page.getByRole("dialog").getByRole("radio", { name: "All seated members" }).check();
  await page.getByRole("dialog").getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "All seated members" })).toBeVisible();
  await page.getByRole("button", { name: "Edit Channel" }).click();
  await page.getByRole("dialog").getByRole("radio", { name: "Selected groups" }).check();
  await page.getByRole("dialog").getByRole("checkbox", { name: "Builders" }).check();
  await page.getByRole("dialog").getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText("Selected groups: Builders")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("button", { name: "Edit Channel" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("channel-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: test.info().outputPath("channel-1280.png"), fullPage: true });

  // The member reads both (seat + group), without admin buttons.
  const member = bea.page;
  await member.goto(`/organizations/${orgId}/channels`);
  await expect(member.getByRole("link", { name: "internal" })).toBeVisible();
  await expect(member.getByRole("link", { name: "secret" })).toBeVisible();
  await expect(member.getByRole("button", { name: "Create Channel" })).toHaveCount(0);
  await member.getByRole("link", { name: "internal" }).click();
  await expect(member.getByRole("table", { name: "Packages" }).getByText("e2e-alpha")).toBeVisible();
  await expect(member.getByRole("button", { name: "Upload Packages" })).toHaveCount(0);
  await expectNoA11yViolations(member);

  // Delete Package, then Delete Channel by typing its name.
  await page.goto(`/organizations/${orgId}/channels/internal`);
  await page.getByRole("button", { name: `Delete Package ${one.filename}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete Package" }).click();
  await expect(page.getByText(`${one.filename} deleted.`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Packages" }).getByText("e2e-alpha")).toHaveCount(0);
  await page.getByRole("button", { name: "Delete Channel" }).click();
  const confirm = page.getByRole("dialog");
  await expect(confirm.getByRole("button", { name: "Delete Channel" })).toBeDisabled();
  await confirm.getByLabel("Type internal to confirm").fill("internal");
  await confirm.getByRole("button", { name: "Delete Channel" }).click();
  await page.waitForURL(`**/organizations/${orgId}/channels`);
  await expect(page.getByRole("link", { name: "internal" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "secret" })).toBeVisible();
});
