import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { E2E_MAILBOX_TOKEN } from "./ports";

export const uniqueEmail = (prefix = "user") => `${prefix}-${randomBytes(4).toString("hex")}@example.test`;
export const uniqueOrgId = (prefix = "org") => `${prefix}-${randomBytes(3).toString("hex")}`;
export const PASSWORD = "correct horse battery";

/**
 * Signs up through the UI and waits for the organizations page. Then, unless `verify: false`,
 * verifies the address from the emailed link (an unverified account cannot create orgs).
 */
export async function signUp(page: Page, { name = "Test User", email = uniqueEmail(), password = PASSWORD, verify = true } = {}) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign Up" }).click();
  await page.waitForURL("**/organizations");
  if (verify) await verifyEmailFromMailbox(page, email);
  return { name, email, password };
}

/** Opens the newest verification link mailed to an address and confirms it, then goes back to the org list. */
export async function verifyEmailFromMailbox(page: Page, email: string) {
  const mail = await waitForEmail(page.request, email.trim(), /verify/i);
  await page.goto(linksIn(mail.text).find((l) => l.includes("/verify-email/"))!);
  await page.getByRole("button", { name: "Verify Email" }).click();
  await expect(page.getByText("Email verified")).toBeVisible();
  await page.goto("/organizations");
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign In" }).click();
  await page.waitForURL("**/organizations");
}

export async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button").click();
  await page.getByRole("menuitem", { name: "Sign Out" }).click();
  await page.waitForURL("**/sign-in**");
}

/** Creates an org through the dialog, lands on its Overview, and opens its Org Profile page. */
export async function createOrg(page: Page, name = "Test Org", orgId = uniqueOrgId()) {
  await page.goto("/organizations");
  await page.getByRole("button", { name: "Form New Organization" }).click();
  await page.getByLabel("Organization Name").fill(name);
  await page.getByLabel("Organization ID").fill(orgId);
  await page.getByRole("button", { name: "Create Organization" }).click();
  await page.waitForURL(`**/organizations/${orgId}`);
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Org Profile" }).click();
  await page.waitForURL(`**/organizations/${orgId}/profile`);
  return { name, orgId };
}

export type MailboxMessage = { id: string; to: string; subject: string; text: string; html: string; created_at: string };

/** The bearer the mailbox answers (e2e servers: E2E_MAILBOX_TOKEN; e2e:prod exports its own). */
export const mailboxHeaders = { authorization: `Bearer ${process.env.MAILBOX_TOKEN ?? E2E_MAILBOX_TOKEN}` };

/** Every message in the local mailbox, newest first. */
export async function readMailbox(request: APIRequestContext): Promise<MailboxMessage[]> {
  const res = await request.get("/api/dev/mailbox", { headers: mailboxHeaders });
  expect(res.status(), "GET /api/dev/mailbox with MAILBOX_TOKEN").toBe(200);
  return res.json();
}

/** Waits for a message to an address (optionally matching a subject) in the local mailbox. */
export async function waitForEmail(request: APIRequestContext, to: string, subject?: RegExp): Promise<MailboxMessage> {
  let found: MailboxMessage | undefined;
  await expect
    .poll(
      async () => {
        const messages = await readMailbox(request);
        found = messages.find((m) => m.to === to.toLowerCase() && (!subject || subject.test(m.subject)));
        return !!found;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

export const linksIn = (text: string) => text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [];

/** Fails on any axe violation of the page as it is now. */
export async function expectNoA11yViolations(page: Page) {
  // Next 16 streams a page's metadata after its body, so a scan right after a navigation or a
  // refresh can land before the <title> does (a CI run failed on exactly that): wait for it.
  await expect.poll(() => page.title(), { timeout: 10_000 }).not.toBe("");
  // Toasts fade in and out: axe would measure their contrast mid-animation. Their resting colours
  // are the library's default dark text on white.
  const results = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/**
 * A new person joins an org the way people do: the admin invites them on the Invitations page,
 * they open the emailed link in their own browser context, create an account and accept.
 * (The pattern of e2e/members.spec.ts, shared.)
 */
export async function joinByInvitation(
  browser: Browser,
  admin: Page,
  orgId: string,
  name: string,
  contextOptions: BrowserContextOptions = {},
): Promise<{ page: Page; email: string }> {
  const email = uniqueEmail(name.split(" ")[0].toLowerCase());
  await admin.goto(`/organizations/${orgId}/invitations`);
  await admin.getByRole("button", { name: "Invite Members" }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Email addresses").fill(email);
  await dialog.getByLabel("Email addresses").press("Enter");
  await dialog.getByRole("button", { name: "Invite Members" }).click();
  await expect(dialog.getByText(/invited/i).first()).toBeVisible();
  await admin.keyboard.press("Escape");

  const mail = await waitForEmail(admin.request, email, /invit/i);
  const link = linksIn(mail.text).find((l) => l.includes("/invitations/"))!;
  const page = await (await browser.newContext(contextOptions)).newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create Account to Join" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign Up" }).click();
  await page.getByRole("button", { name: "Accept Invitation" }).click();
  await page.waitForURL(`**/organizations/${orgId}`);
  return { page, email };
}

/** A row of the Users table, and its row menu. */
export const userRow = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

export async function userRowAction(page: Page, email: string, action: string) {
  await userRow(page, email)
    .getByRole("button", { name: /^Actions for/ })
    .click();
  await page.getByRole("menuitem", { name: action, exact: true }).click();
}

/** Buys a subscription on the Subscription page and waits until it is in place. */
export async function purchaseSubscription(page: Page, orgId: string, seats: number, cycle: "Monthly" | "Yearly" = "Monthly") {
  await page.goto(`/organizations/${orgId}/subscription`);
  await page.getByRole("button", { name: "Purchase Subscription" }).click();
  await page.getByLabel("Seats").fill(String(seats));
  await page.getByRole("radio", { name: cycle }).check();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("button", { name: "Manage Subscription" })).toBeVisible();
}
