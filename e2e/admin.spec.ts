import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_INSTANCE_ADMINS } from "./ports";
import { createOrg, expectNoA11yViolations, mailboxHeaders, PASSWORD, signIn, signUp, uniqueEmail, uniqueOrgId } from "./support";

const ADMIN_PAGES = ["/admin", "/admin/users", "/admin/settings", "/admin/activity"];
const [ADMIN, SECOND_ADMIN] = E2E_INSTANCE_ADMINS;

/** Signs up a listed instance admin, or signs in if an earlier run already did. */
async function enterAsListedAdmin(page: Page, email: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(email === ADMIN ? "Ingrid Instance" : "Second Admin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign Up" }).click();
  const taken = page.getByText(/already exists/);
  await Promise.race([page.waitForURL("**/organizations"), taken.waitFor()]);
  if (await taken.isVisible()) await signIn(page, email);
}

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

async function expectAdminHidden(page: Page) {
  for (const path of ADMIN_PAGES) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  for (const path of ["/dev/mailbox", "/dev/emails"]) expect((await page.goto(path))?.status(), path).toBe(404);
  expect((await page.request.get("/api/dev/mailbox")).status()).toBe(404);
  await page.goto("/organizations");
  await page.getByRole("banner").getByRole("button").click();
  await expect(page.getByRole("menuitem", { name: "Account" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Instance" })).toHaveCount(0);
  await page.keyboard.press("Escape");
}

test("/admin and the mailbox: anonymous, plain user and org admin are refused; the instance admin gets in", async ({
  browser,
  request,
}) => {
  // Three sign-ups and four pages scanned with axe: about 50 s on a busy two-core machine, which
  // is where its one timeout came from (no assertion had failed).
  test.slow();
  // The listed admin signs up first: on a fresh server the first account becomes an instance
  // admin too, and that must not be the "plain user" below.
  const admin = await newPage(browser);
  await enterAsListedAdmin(admin, ADMIN);

  // Anonymous: the pages ask to sign in; the mailbox does not exist, with or without a wrong bearer.
  const anon = await newPage(browser);
  for (const path of ADMIN_PAGES) {
    await anon.goto(path);
    await expect(anon).toHaveURL(/\/sign-in/);
  }
  for (const path of ["/dev/mailbox", "/dev/emails"]) expect((await anon.goto(path))?.status(), path).toBe(404);
  expect((await request.get("/api/dev/mailbox")).status()).toBe(404);
  expect((await request.get("/api/dev/mailbox", { headers: { authorization: "Bearer wrong-token-wrong-token" } })).status()).toBe(404);
  expect((await request.get("/api/dev/mailbox", { headers: mailboxHeaders })).status()).toBe(200);

  // A plain user, and the Account Admin of an organization.
  const plain = await newPage(browser);
  await signUp(plain);
  await expectAdminHidden(plain);
  const orgAdmin = await newPage(browser);
  await signUp(orgAdmin);
  await createOrg(orgAdmin, "Not The Instance");
  await expectAdminHidden(orgAdmin);
  // A signed-in non-admin with a wrong bearer is refused too.
  expect((await plain.request.get("/api/dev/mailbox", { headers: { authorization: "Bearer nope-nope-nope-nope" } })).status()).toBe(404);

  // The instance admin: Instance in the user menu, every page, the mailbox with the session alone.
  await admin.goto("/organizations");
  await admin.getByRole("banner").getByRole("button").click();
  await admin.getByRole("menuitem", { name: "Instance" }).click();
  await admin.waitForURL("**/admin");
  await expect(admin.getByRole("heading", { name: "Organizations" })).toBeVisible();
  for (const [path, heading] of [
    ["/admin", "Organizations"],
    ["/admin/users", "Users"],
    ["/admin/settings", "Settings"],
    ["/admin/activity", "Activity"],
  ]) {
    expect((await admin.goto(path))?.status(), path).toBe(200);
    await expect(admin.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectNoA11yViolations(admin);
  }
  expect((await admin.goto("/dev/mailbox"))?.status()).toBe(200);
  expect((await admin.request.get("/api/dev/mailbox")).status()).toBe(200);
});

test("Disable Account signs the person out at once and keeps them out; Enable Account lets them back in", async ({ browser }) => {
  const admin = await newPage(browser);
  await enterAsListedAdmin(admin, ADMIN);
  const person = await newPage(browser);
  const { email } = await signUp(person, { name: "Dana Disabled", email: uniqueEmail("dana") });

  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = admin.getByRole("row").filter({ hasText: email });
  await expect(row.getByText("Active")).toBeVisible();
  await row.getByRole("button", { name: "Disable Account" }).click();
  await expect(admin.getByRole("alertdialog")).toBeVisible();
  await expectNoA11yViolations(admin);
  await admin.getByRole("alertdialog").getByRole("button", { name: "Disable Account" }).click();
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();

  // The person's very next request: signed out, and sign-in says why.
  await person.goto("/organizations");
  await expect(person).toHaveURL(/\/sign-in/);
  await person.getByLabel("Email").fill(email);
  await person.getByLabel("Password").fill(PASSWORD);
  await person.getByRole("button", { name: "Sign In" }).click();
  await expect(person.getByText("This account is disabled. Contact your instance admin.")).toBeVisible();

  await row.getByRole("button", { name: "Enable Account" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Enable Account" }).click();
  await expect(row.getByText("Active")).toBeVisible();
  await signIn(person, email);

  await admin.goto("/admin/activity");
  await expect(admin.getByRole("cell", { name: "user.disabled" }).first()).toBeVisible();
  await expect(admin.getByRole("cell", { name: "user.enabled" }).first()).toBeVisible();
});

test("a disabled instance admin loses the console with the account", async ({ browser }) => {
  const admin = await newPage(browser);
  await enterAsListedAdmin(admin, ADMIN);
  const second = await newPage(browser);
  await enterAsListedAdmin(second, SECOND_ADMIN);
  expect((await second.goto("/admin/users"))?.status()).toBe(200);

  await admin.goto(`/admin/users?q=${encodeURIComponent(SECOND_ADMIN)}`);
  const row = admin.getByRole("row").filter({ hasText: SECOND_ADMIN });
  await row.getByRole("button", { name: "Disable Account" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Disable Account" }).click();
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
  await second.goto("/admin/users");
  await expect(second).toHaveURL(/\/sign-in/);
  expect((await second.request.get("/api/dev/mailbox")).status()).toBe(404);

  // Put things back for the next run on a reused server.
  await row.getByRole("button", { name: "Enable Account" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Enable Account" }).click();
  await expect(row.getByText("Active")).toBeVisible();
});

test("Grant Subscription and Change Subscription set seats, cycle and period end; the org sees who changed it", async ({ browser }) => {
  const owner = await newPage(browser);
  await signUp(owner);
  const { orgId } = await createOrg(owner, "Granted Org", uniqueOrgId("granted"));

  const admin = await newPage(browser);
  await enterAsListedAdmin(admin, ADMIN);
  await admin.goto("/admin?q=no-such-org-anywhere");
  await expect(admin.getByText("No organization matches this search")).toBeVisible();
  await admin.goto(`/admin?q=${orgId}`);
  const row = admin.getByRole("row").filter({ hasText: orgId });
  await expect(row.getByText("None")).toBeVisible();
  await row.getByRole("button", { name: "Grant Subscription" }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Seats").fill("7");
  await dialog.getByRole("radio", { name: "Monthly" }).check();
  await dialog.getByLabel("Period end").fill("2031-05-31");
  await expectNoA11yViolations(admin);
  await dialog.getByRole("button", { name: "Grant Subscription" }).click();
  await expect(row.getByText("Monthly, until May 31, 2031")).toBeVisible();
  await expect(row.getByRole("cell", { name: "0 of 7" })).toBeVisible();

  await row.getByRole("button", { name: "Change Subscription" }).click();
  await dialog.getByLabel("Seats").fill("9");
  await dialog.getByRole("radio", { name: "Yearly" }).check();
  await dialog.getByRole("button", { name: "Change Subscription" }).click();
  await expect(row.getByText("Yearly, until May 31, 2031")).toBeVisible();
  await expect(row.getByRole("cell", { name: "0 of 9" })).toBeVisible();

  await owner.goto(`/organizations/${orgId}/subscription`);
  await expect(owner.getByText("Changed by instance admin")).toBeVisible();
  await expect(owner.getByText("Granted by instance admin")).toBeVisible();
});

test("Settings: Allowed domains refuses other sign-ups until Open again; every change is in the instance log", async ({ browser }) => {
  const admin = await newPage(browser);
  await enterAsListedAdmin(admin, ADMIN);
  await admin.goto("/admin/settings");
  await admin.getByRole("radio", { name: "Allowed domains" }).check();
  // Every other spec signs up at example.test, so they keep working meanwhile.
  await admin.getByLabel("Domain list").fill("example.test");
  await expectNoA11yViolations(admin);
  await admin.getByRole("button", { name: "Save Settings" }).click();
  await expect(admin.getByText("Instance settings saved.")).toBeVisible();

  try {
    const outsider = await newPage(browser);
    await outsider.goto("/sign-up");
    await outsider.getByLabel("Name").fill("Olga Outsider");
    await outsider.getByLabel("Email").fill(`olga-${Date.now()}@elsewhere.example`);
    await outsider.getByLabel("Password").fill(PASSWORD);
    await outsider.getByRole("button", { name: "Sign Up" }).click();
    await expect(outsider.getByText(/open only to some email domains/)).toBeVisible();
    await expect(outsider).toHaveURL(/\/sign-up/);
  } finally {
    await admin.goto("/admin/settings");
    await admin.getByRole("radio", { name: "Open" }).check();
    await admin.getByRole("button", { name: "Save Settings" }).click();
    await expect(admin.getByText("Instance settings saved.")).toBeVisible();
  }
  await admin.goto("/admin/activity");
  await expect(admin.getByRole("cell", { name: "instance.settings_changed" }).first()).toBeVisible();
});
