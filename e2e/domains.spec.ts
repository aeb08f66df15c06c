import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { withTxtServer } from "../test/dns-server";
import { createOrg, expectNoA11yViolations, signUp, uniqueEmail, uniqueOrgId } from "./support";

// playwright.config.ts gives the e2e server DNS_SERVERS=127.0.0.1:5391: this spec answers there,
// only while it verifies (e2e/sso.spec.ts uses the same port).
const DNS_PORT = 5391;

test("an admin verifies the company domain and a colleague of that domain joins from /organizations", async ({ page, browser }) => {
  // Two people sign up and verify through the mailbox.
  test.slow();
  const domain = `corp-${randomBytes(4).toString("hex")}.example`;
  await signUp(page, { name: "Ada Admin", email: uniqueEmail("ada") });
  const org = await createOrg(page, "Corp Labs", uniqueOrgId("corp"));

  const section = page.getByRole("region", { name: "Domains", exact: true });
  await section.getByRole("button", { name: "Add Domain" }).click();
  const dialog = page.getByRole("dialog", { name: "Add Domain" });
  await dialog.getByLabel("Domain").fill("not a domain");
  await dialog.getByRole("button", { name: "Add Domain" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Enter a domain name");
  await dialog.getByLabel("Domain").fill(domain.toUpperCase());
  await dialog.getByRole("button", { name: "Add Domain" }).click();
  await expect(dialog).toBeHidden();

  const row = section.getByRole("row").filter({ hasText: domain });
  await expect(row.getByText("Pending", { exact: true })).toBeVisible();
  const name = (await row.locator("code").nth(0).textContent())!;
  const value = (await row.locator("code").nth(1).textContent())!;
  expect(name).toBe(`_org-portal-challenge.${domain}`);

  // Before the record exists, Verify says so; once published, Verify succeeds.
  await withTxtServer(DNS_PORT, async (dns) => {
    await row.getByRole("button", { name: "Verify" }).click();
    await expect(row.getByRole("status")).toContainText("No TXT record was found");
    dns.publish(name, value);
    await row.getByRole("button", { name: "Verify" }).click();
    await expect(row.getByText("Verified", { exact: true })).toBeVisible();
  });
  await expect(row.getByRole("status")).toContainText("Verified: the TXT record was found.");

  await section.getByRole("switch", { name: "Allow members of verified domains to join" }).click();
  await expect(section.getByRole("status").filter({ hasText: "can now join" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("domains-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: test.info().outputPath("domains-1280.png"), fullPage: true });

  // A colleague with an address of that domain signs up, verifies it, and joins.
  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await signUp(other, { name: "Cole League", email: `cole@${domain}` });
  await other.goto("/organizations");
  const joinable = other.getByRole("list", { name: "Organizations you can join" });
  await expect(joinable.getByText("Corp Labs")).toBeVisible();
  await expectNoA11yViolations(other);
  await joinable.getByRole("button", { name: "Join" }).click();
  await other.waitForURL(`**/organizations/${org.orgId}`);
  await other.goto("/organizations");
  await expect(other.getByRole("list", { name: "Your organizations" }).getByText("Corp Labs")).toBeVisible();
  await expect(other.getByRole("list", { name: "Organizations you can join" })).toHaveCount(0);
  await colleague.close();
});
