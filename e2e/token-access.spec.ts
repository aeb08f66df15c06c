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
  purchaseSubscription,
} from "./support";
import { E2E_PORT } from "./ports";

// The whole path a member relies on: a seat becomes a working download, and a revoked seat stops the
// very next download.

test("a seated member issues a token, downloads through /t/<token>/..., and the seat revoke stops the next download", async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const admin = await signUp(page, { name: "Ada Admin" });
  const { orgId } = await createOrg(page, "Token Co", uniqueOrgId("tok"));
  // The member copies their token: their browser context may use the clipboard.
  const bea = await joinByInvitation(browser, page, orgId, "Bea Member", { permissions: ["clipboard-read", "clipboard-write"] });
  const member = bea.page;

  // Without a seat: why, and who the admins are.
  await member.goto(`/organizations/${orgId}/token-access`);
  await expect(member.getByRole("heading", { name: "You do not have a seat" })).toBeVisible();
  await expect(member.getByRole("link", { name: admin.email })).toBeVisible();
  await expect(member.getByRole("button", { name: "Issue Token" })).toHaveCount(0);
  await expectNoA11yViolations(member);

  // The admin buys seats and assigns one.
  await purchaseSubscription(page, orgId, 2, "Monthly");
  await page.goto(`/organizations/${orgId}/users`);
  await rowAction(page, bea.email, "Assign Seat");
  await expect(row(page, bea.email).getByRole("cell", { name: "Yes", exact: true })).toBeVisible();

  // The member issues a token, sees it once with the commands, and copies it.
  await member.goto(`/organizations/${orgId}/token-access`);
  await expect(member.getByText("You have no token yet.")).toBeVisible();
  await member.getByRole("button", { name: "Issue Token" }).click();
  const reveal = member.getByRole("region", { name: "Your token" });
  await expect(reveal).toBeVisible();
  await reveal.getByRole("button", { name: "Copy token" }).click();
  await expect(member.getByText("Copied to the clipboard.")).toBeVisible();
  const token = await member.evaluate(() => navigator.clipboard.readText());
  expect(token).toMatch(/^opt_[0-9A-Za-z]{36}$/);
  await expect(reveal).toContainText(`conda config --set channel_alias http://127.0.0.1:${E2E_PORT}/t/${token}`);
  await expect(reveal).toContainText(`curl -fsSLO http://127.0.0.1:${E2E_PORT}/t/${token}/sample/noarch/repodata.json`);
  await expect(member.getByText(`opt_…${token.slice(-4)}`)).toBeVisible();
  await expectNoA11yViolations(member);

  // Emailed once.
  const mail = await waitForEmail(member.request, bea.email, /access token for Token Co/);
  expect(mail.text).toContain(token);

  // The download works through the token-gated channel.
  const repodata = await member.request.get(`/t/${token}/sample/noarch/repodata.json`);
  expect(repodata.status()).toBe(200);
  expect(repodata.headers()["content-type"]).toBe("application/json");
  expect(Object.keys((await repodata.json()).packages)).toContain("hello-portal-1.0.0-0.tar.bz2");
  expect((await member.request.get("/api/tokens/check", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(204);

  // Reissue: confirmed, and the old token stops at once.
  await member.reload();
  await expect(member.getByText("Last used")).toBeVisible();
  await member.getByRole("button", { name: "Reissue Token" }).click();
  await member.getByRole("alertdialog").getByRole("button", { name: "Reissue", exact: true }).click();
  const fresh = member.getByRole("region", { name: "Your new token" });
  await expect(fresh).toBeVisible();
  const newToken = (await fresh.locator("code").first().textContent())!.trim();
  expect(newToken).toMatch(/^opt_/);
  expect(newToken).not.toBe(token);
  expect((await member.request.get(`/t/${token}/sample/noarch/repodata.json`)).status()).toBe(401);
  expect((await member.request.get(`/t/${newToken}/sample/noarch/repodata.json`)).status()).toBe(200);

  // Renewing does not extend the token; the admin's Sync Token on the member's row does.
  await page.goto(`/organizations/${orgId}/subscription`);
  await page.getByRole("button", { name: "Renew Now" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Renew", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await page.goto(`/organizations/${orgId}/users`);
  const before = await row(page, bea.email)
    .getByRole("cell", { name: /^Active until/ })
    .textContent();
  await rowAction(page, bea.email, "Sync Token");
  await expect(page.getByText(/token now expires with the subscription period/)).toBeVisible();
  await expect(row(page, bea.email).getByRole("cell", { name: /^Active until/ })).not.toHaveText(before!);

  // The admin revokes the seat; the very next download fails.
  await page.reload();
  await rowAction(page, bea.email, "Revoke Seat");
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke Seat" }).click();
  await expect(row(page, bea.email).getByRole("cell", { name: "No", exact: true })).toBeVisible();
  const refused = await member.request.get(`/t/${newToken}/sample/noarch/repodata.json`);
  expect(refused.status()).toBe(401);
  expect(await refused.text()).toMatch(/token/i);

  await member.reload();
  await expect(member.getByRole("heading", { name: "You do not have a seat" })).toBeVisible();
});
