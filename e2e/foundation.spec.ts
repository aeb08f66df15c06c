import { expect, test } from "@playwright/test";
import { emailTemplates } from "../emails";
import {
  createOrg,
  expectNoA11yViolations,
  linksIn,
  mailboxHeaders,
  PASSWORD,
  signIn,
  signOut,
  signUp,
  uniqueEmail,
  uniqueOrgId,
  waitForEmail,
} from "./support";

test("sign up, sign out and in, create and rename an org, and get the welcome email", async ({ page, request }) => {
  const email = uniqueEmail("Ada");
  await signUp(page, { name: "Ada Lovelace", email: `  ${email.toUpperCase()} ` });
  await expect(page.getByRole("heading", { name: "Organizations" })).toBeVisible();
  await expect(page.getByText("You are not in any organization yet")).toBeVisible();

  await signOut(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid" })).toHaveText("Invalid email or password.");
  await signIn(page, email.toUpperCase());

  const orgId = uniqueOrgId("acme");
  await createOrg(page, "Acme Labs", orgId);
  const nav = page.getByRole("navigation", { name: "Organization" });
  for (const item of ["Overview", "Org Profile", "Users", "Invitations", "Subscription", "Token Access", "Service Accounts", "Activity"]) {
    await expect(nav.getByRole("link", { name: item })).toBeVisible();
  }

  await page.getByRole("button", { name: "Edit Organization" }).click();
  await page.getByLabel("Organization Name").fill("");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText("Enter an Organization Name.")).toBeVisible();
  await page.getByLabel("Organization Name").fill("Acme Research");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText("Organization renamed to Acme Research.")).toBeVisible();
  await expect(page.getByRole("complementary").getByText("Acme Research")).toBeVisible();

  await nav.getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("cell", { name: "organization.renamed" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "organization.created" })).toBeVisible();

  const welcome = await waitForEmail(request, email, /Welcome/);
  expect(linksIn(welcome.text).some((l) => l.endsWith("/organizations"))).toBe(true);
  // The mailbox answers only its bearer (or an instance admin).
  await page.setExtraHTTPHeaders(mailboxHeaders);
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("article", { name: welcome.subject }).first()).toBeVisible();
  await expect(page.getByText(`To: ${email}`)).toBeVisible();
});

test("a second user gets a 404 for someone else's org", async ({ browser }) => {
  const owner = await browser.newPage();
  await signUp(owner);
  const { orgId } = await createOrg(owner, "Private Org");

  const stranger = await browser.newPage();
  await signUp(stranger);
  for (const path of ["", "/profile", "/users", "/activity"]) {
    const response = await stranger.goto(`/organizations/${orgId}${path}`);
    expect(response?.status()).toBe(404);
    await expect(stranger.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("the Organization ID rules show field errors and create nothing", async ({ page }) => {
  await signUp(page);
  const taken = uniqueOrgId("taken");
  await createOrg(page, "First", taken);

  await page.goto("/organizations");
  await page.getByRole("button", { name: "Form New Organization" }).click();
  await page.getByLabel("Organization Name").fill("Second");
  const cases: Array<[string, RegExp]> = [
    ["ab", /at least 3 characters/],
    ["-abc", /Start and end with a letter or digit/],
    ["a_b_c", /only letters a-z, digits and hyphens/],
    ["new", /reserved/],
    [taken.toUpperCase(), /already taken/],
  ];
  for (const [value, message] of cases) {
    await page.getByLabel("Organization ID").fill(value);
    await page.getByRole("button", { name: "Create Organization" }).click();
    await expect(page.getByText(message)).toBeVisible();
    await expect(page).toHaveURL(/\/organizations$/);
  }
  // The suggestion from the name and the live availability check.
  await page.getByLabel("Organization ID").fill("");
  const fresh = uniqueOrgId("second");
  await page.getByLabel("Organization ID").fill(fresh);
  await expect(page.getByText(`${fresh} is available.`)).toBeVisible();

  await page.goto("/organizations");
  await expect(page.getByRole("list", { name: "Your organizations" }).getByRole("listitem")).toHaveCount(1);
});

test("sign-up validates its fields", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Sign Up" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await page.getByLabel("Name").fill("Bea");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign Up" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();

  const { email } = await signUp(page);
  await signOut(page);
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Copy");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign Up" }).click();
  await expect(page.getByText(/An account with this email already exists/)).toBeVisible();
});

test("the API answers in problem+json and serves its OpenAPI document", async ({ request }) => {
  const missing = await request.get("/api/no-such-route");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toContain("application/problem+json");
  expect(await missing.json()).toMatchObject({ status: 404, code: "not_found" });

  const health = await request.get("/api/health");
  expect(await health.json()).toMatchObject({ status: "ok", database: { status: "ok" } });

  const doc = await (await request.get("/api/openapi.json")).json();
  expect(doc.openapi).toMatch(/^3\.1/);
  expect(Object.keys(doc.paths)).toContain("/api/health");
});

test("every page built so far passes an accessibility scan", async ({ page }) => {
  for (const path of ["/", "/sign-up", "/sign-in"]) {
    await page.goto(path);
    await expectNoA11yViolations(page);
  }
  await signUp(page);
  await expectNoA11yViolations(page);
  const { orgId } = await createOrg(page, "Scan Org");
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Edit Organization" }).click();
  await expectNoA11yViolations(page);
  await page.goto(`/organizations/${orgId}/activity`);
  await expectNoA11yViolations(page);
  await page.goto("/organizations");
  await page.getByRole("button", { name: "Form New Organization" }).click();
  await expectNoA11yViolations(page);
  // The mailbox answers only its bearer (or an instance admin).
  await page.setExtraHTTPHeaders(mailboxHeaders);
  await page.goto("/dev/mailbox");
  await expectNoA11yViolations(page);
  // The template previews: one sandboxed frame per template (axe cannot inject into script-less frames).
  await page.goto("/dev/emails");
  await expect(page.locator("iframe")).toHaveCount(Object.keys(emailTemplates).length);
  await expect(page.getByRole("heading", { name: "emails/invitation.tsx" })).toBeVisible();
  await page.goto(`/organizations/does-not-exist-${orgId}`);
  await expectNoA11yViolations(page);
});
