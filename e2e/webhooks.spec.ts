import { expect, test } from "@playwright/test";
import { startReceiver, type Receiver } from "../lib/webhooks/test-support";
import { createOrg, expectNoA11yViolations, signUp, uniqueOrgId } from "./support";

// An admin connects a webhook to a receiver this spec runs on 127.0.0.1 (the e2e servers set
// WEBHOOKS_ALLOW_PRIVATE=1), sends a test event and sees in the delivery log that it arrived.
let receiver: Receiver;
let secret: string | undefined;
test.beforeAll(async () => {
  receiver = await startReceiver(() => secret);
});
test.afterAll(async () => {
  await receiver.close();
});

test("an admin adds an endpoint, keeps its secret, sends a test event and sees it succeed in the delivery log", async ({ page }) => {
  await signUp(page, { name: "Wanda Webhooks" });
  const { orgId } = await createOrg(page, "Hook Co", uniqueOrgId("hook"));
  await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();

  await page.getByRole("button", { name: "Add Endpoint" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Add Endpoint" }).click();
  await expect(dialog.getByText("Choose at least one event.")).toBeVisible();
  await dialog.getByLabel("Endpoint URL").fill(receiver.url);
  await dialog.getByLabel("Description").fill("HR system");
  await dialog.getByLabel("Seat assigned").check();
  await dialog.getByLabel("Member added").check();
  await expectNoA11yViolations(page);
  if (process.env.WEBHOOKS_SHOTS) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${process.env.WEBHOOKS_SHOTS}/add-390.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  await dialog.getByRole("button", { name: "Add Endpoint" }).click();
  const shown = dialog.getByLabel("Signing secret", { exact: true });
  await expect(shown).toHaveValue(/^whsec_/);
  secret = await shown.inputValue();
  await expectNoA11yViolations(page);
  await dialog.getByRole("button", { name: "Done" }).click();
  const list = page.getByRole("list", { name: "Webhook endpoints" });
  await expect(list.getByText(receiver.url)).toBeVisible();
  await expect(list.getByText("Enabled")).toBeVisible();
  // The secret is never shown again.
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(page.locator(`input[value="${secret}"]`)).toHaveCount(0);

  await list.getByRole("link", { name: `Delivery Log of ${receiver.url}` }).click();
  await expect(page.getByRole("heading", { name: "Delivery Log" })).toBeVisible();
  await page.getByRole("button", { name: "Send Test Event" }).click();
  const row = page.getByRole("row").filter({ hasText: "webhook.test" });
  await expect(row.getByText("Succeeded")).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole("cell", { name: "200", exact: true })).toBeVisible();
  // The receiver got it once, signed with the secret the dialog showed.
  expect(receiver.receipts).toHaveLength(1);
  expect(receiver.receipts[0]).toMatchObject({ verified: true });
  expect(JSON.parse(receiver.receipts[0].body)).toMatchObject({ type: "webhook.test", data: { organization: { id: orgId } } });
  await expectNoA11yViolations(page);

  // Redeliver sends the same webhook-id again.
  await row.getByRole("button", { name: /^Redeliver/ }).click();
  await expect.poll(() => receiver.receipts.length, { timeout: 15_000 }).toBe(2);
  expect(receiver.receipts[1].id).toBe(receiver.receipts[0].id);
  await expect(row.getByText("Succeeded")).toBeVisible({ timeout: 15_000 });
  // Redeliver's buttons are disabled until its action returns: scan the settled page, not one
  // mid-action (the scrolling table itself is focusable at 390 px: components/ui/scroll-region.tsx).
  await expect(row.getByRole("button", { name: /^Redeliver/ })).toBeEnabled();

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoA11yViolations(page);
  if (process.env.WEBHOOKS_SHOTS) await page.screenshot({ path: `${process.env.WEBHOOKS_SHOTS}/log-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  if (process.env.WEBHOOKS_SHOTS) await page.screenshot({ path: `${process.env.WEBHOOKS_SHOTS}/log-1280.png`, fullPage: true });

  // Back on Org Profile: disable, then delete with a confirmation.
  await page.getByRole("link", { name: "← Org Profile" }).click();
  await expect(list.getByText(receiver.url)).toBeVisible();
  if (process.env.WEBHOOKS_SHOTS) await page.screenshot({ path: `${process.env.WEBHOOKS_SHOTS}/profile-1280.png`, fullPage: true });
  await page.getByRole("button", { name: `Disable ${receiver.url}` }).click();
  await expect(list.getByText("Disabled")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  if (process.env.WEBHOOKS_SHOTS) await page.screenshot({ path: `${process.env.WEBHOOKS_SHOTS}/profile-390.png`, fullPage: true });
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: `Delete ${receiver.url}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete Endpoint" }).click();
  await expect(page.getByText("No endpoints yet")).toBeVisible();
});
