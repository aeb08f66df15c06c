import { expect, test } from "@playwright/test";
import { createOrg, signUp, uniqueOrgId, userRow, userRowAction, purchaseSubscription } from "../e2e/support";

const A = process.env.PROD_A ?? "http://127.0.0.1:3201";
const B = process.env.PROD_B ?? "http://127.0.0.1:3202";
const MIRROR = process.env.PROD_MIRROR ?? "http://127.0.0.1:3281";

test("through nginx with two app processes on PostgreSQL: seat, token, download, and a revoke on A refused on B", async ({
  browser,
  request,
}) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  const admin = await signUp(page, { name: "Prod Admin" });
  const { orgId } = await createOrg(page, "Prod Check", uniqueOrgId("prod"));

  await purchaseSubscription(page, orgId, 2, "Monthly");

  await page.goto(`/organizations/${orgId}/users`);
  await userRowAction(page, admin.email, "Assign Seat");
  await expect(userRow(page, admin.email).getByRole("cell", { name: "Yes", exact: true })).toBeVisible();
  await page.goto(`/organizations/${orgId}/token-access`);
  await page.getByRole("button", { name: "Issue Token" }).click();
  const reveal = page.getByRole("region", { name: "Your token" });
  await reveal.getByRole("button", { name: "Copy token" }).click();
  const token = await page.evaluate(() => navigator.clipboard.readText());
  expect(token).toMatch(/^opt_/);

  // Downloads: the app's channel through the nginx proxy, and nginx's own mirror via auth_request.
  expect((await request.get(`/t/${token}/sample/noarch/repodata.json`)).status()).toBe(200);
  const mirrored = await request.get(`${MIRROR}/t/${token}/sample/noarch/repodata.json`);
  expect(mirrored.status()).toBe(200);
  expect(await mirrored.json()).toHaveProperty("packages");

  // Both processes know the token.
  for (const server of [A, B]) {
    expect((await request.get(`${server}/api/tokens/check`, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(204);
  }

  // Revoke the seat through process A's UI (the session cookie is valid on every process).
  await page.goto(`${A}/organizations/${orgId}/users`);
  await userRowAction(page, admin.email, "Revoke Seat");
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke Seat" }).click();
  await expect(page.getByText(/revoked/i).first()).toBeVisible();

  // The very next check on process B, and the next download through nginx, are refused.
  expect((await request.get(`${B}/api/tokens/check`, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  expect((await request.get(`${MIRROR}/t/${token}/sample/noarch/repodata.json`)).status()).toBe(401);
  expect((await request.get(`/t/${token}/sample/noarch/repodata.json`)).status()).toBe(401);
});
