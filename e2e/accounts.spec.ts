import { expect, test, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { createOrg, expectNoA11yViolations, linksIn, PASSWORD, signIn, signUp, uniqueEmail, uniqueOrgId, waitForEmail } from "./support";

const NEW_PASSWORD = "a fresh passphrase 42";

async function linkFrom(page: Page, to: string, subject: RegExp, path: string) {
  const mail = await waitForEmail(page.request, to, subject);
  return linksIn(mail.text).find((l) => l.includes(path))!;
}

test("sign-up verification: the banner, Resend Verification Email, and org creation only once verified", async ({ page }) => {
  const { email } = await signUp(page, { name: "Vera Unverified", verify: false });
  const banner = page.getByRole("region", { name: "Email verification" });
  await expect(banner).toContainText("Verify your email address");
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Form New Organization" }).click();
  await page.getByLabel("Organization Name").fill("Too Early");
  await page.getByLabel("Organization ID").fill(uniqueOrgId("early"));
  await page.getByRole("button", { name: "Create Organization" }).click();
  await expect(page.getByText(/Verify your email address before you create an organization/)).toBeVisible();
  await page.keyboard.press("Escape");

  await banner.getByRole("button", { name: "Resend Verification Email" }).click();
  await expect(banner.getByRole("status")).toHaveText(`Sent a new link to ${email}.`);

  const link = await linkFrom(page, email, /Verify your email/, "/verify-email/");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Verify your email" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Verify Email" }).click();
  await expect(page.getByText(`Email verified: ${email}.`)).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();

  await page.goto("/organizations");
  await expect(page.getByRole("region", { name: "Email verification" })).toHaveCount(0);
  await createOrg(page, "Verified Org");
});

test("forgot password: the reset link sets a new password and signs out every other session", async ({ browser, page }) => {
  const { email } = await signUp(page, { name: "Forgetful Fay" });
  // A second browser stays signed in with the old password.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, email);

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expectNoA11yViolations(page);
  await page.getByLabel("Email").fill("nobody-at-all@example.test");
  await page.getByRole("button", { name: "Send Reset Link" }).click();
  const answer = page.getByRole("status");
  await expect(answer).toContainText("If an account uses this address");
  const unknownAnswer = await answer.textContent();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send Reset Link" }).click();
  await expect(answer).toHaveText(unknownAnswer!);

  const link = await linkFrom(page, email, /Reset your/, "/reset-password/");
  await page.goto(link);
  await expectNoA11yViolations(page);
  await page.getByLabel("New Password").fill("password123");
  await page.getByRole("button", { name: "Reset Password" }).click();
  await expect(page.getByText(/too common/).first()).toBeVisible();
  await page.getByLabel("New Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Reset Password" }).click();
  await page.waitForURL("**/sign-in?reset=1");
  await signIn(page, email, NEW_PASSWORD);

  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in/);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});

test("account: Save Name, Change Email (confirmed by the new address), Change Password ends other sessions", async ({ browser, page }) => {
  const { email } = await signUp(page, { name: "Ada Account" });
  await page.goto("/account");
  await expectNoA11yViolations(page);

  await page.getByLabel("Name", { exact: true }).fill("Ada Renamed");
  await page.getByRole("button", { name: "Save Name" }).click();
  await expect(page.getByText("Name saved.")).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Ada Renamed");

  const newEmail = uniqueEmail("moved");
  await page.getByLabel("New Email").fill(newEmail);
  await page.getByRole("button", { name: "Change Email" }).click();
  await expect(page.getByText("Check the new address")).toBeVisible();
  await waitForEmail(page.request, email, /change of your/i);
  const confirm = await linkFrom(page, newEmail, /Confirm your new email/, "/verify-email/");
  await page.goto(confirm);
  await page.getByRole("button", { name: "Confirm New Email" }).click();
  await expect(page.getByText(`Email verified: ${newEmail}.`)).toBeVisible();
  await waitForEmail(page.request, email, /was changed/i);

  const other = await (await browser.newContext()).newPage();
  await signIn(other, newEmail);
  await page.goto("/account");
  await page.getByLabel("Current Password").fill("wrong password here");
  await page.getByLabel("New Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change Password" }).click();
  await expect(page.getByText("The current password is wrong.")).toBeVisible();
  await page.getByLabel("Current Password").fill(PASSWORD);
  await page.getByLabel("New Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change Password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();
  await page.goto("/organizations");
  await expect(page.getByRole("heading", { name: "Organizations" })).toBeVisible();
  await other.goto("/organizations");
  await expect(other).toHaveURL(/\/sign-in/);
});

test("sessions: each browser listed; Sign Out ends one, Sign Out Other Sessions the rest", async ({ browser, page }) => {
  const { email } = await signUp(page, { name: "Sam Sessions" });
  const second = await (
    await browser.newContext({ userAgent: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0" })
  ).newPage();
  const third = await (
    await browser.newContext({
      userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15",
    })
  ).newPage();
  await signIn(second, email);
  await signIn(third, email);

  await page.goto("/account");
  const sessions = page.getByRole("region", { name: "Sessions" });
  await expect(sessions.getByRole("listitem")).toHaveCount(3);
  await expect(sessions.getByRole("listitem").filter({ hasText: "This session" })).toContainText("Last seen");
  await sessions.getByRole("listitem").filter({ hasText: "Firefox on Linux" }).getByRole("button", { name: "Sign Out" }).click();
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await second.goto("/organizations");
  await expect(second).toHaveURL(/\/sign-in/);
  await third.goto("/organizations");
  await expect(third.getByRole("heading", { name: "Organizations" })).toBeVisible();

  await sessions.getByRole("button", { name: "Sign Out Other Sessions" }).click();
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  await third.goto("/organizations");
  await expect(third).toHaveURL(/\/sign-in/);

  // Signing out ends the session on the server too: a copy of its cookie no longer works.
  const cookies = await page.context().cookies();
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const thief = await copy.newPage();
  await thief.goto("/account");
  await expect(thief.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
  await page.getByRole("banner").getByRole("button").click();
  await page.getByRole("menuitem", { name: "Sign Out" }).click();
  await page.waitForURL("**/sign-in**");
  await thief.goto("/account");
  await expect(thief).toHaveURL(/\/sign-in/);
});

test("delete account: typed email, refused while the only admin of an org", async ({ page }) => {
  const { email } = await signUp(page, { name: "Del Eted" });
  const { orgId } = await createOrg(page, "Kept Org");
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Delete Account" });
  await section.getByLabel("Type your email to confirm").fill(email);
  await section.getByRole("button", { name: "Delete Account" }).click();
  await expect(section.getByRole("alert")).toContainText(`You are the only admin of ${orgId}`);
});

test("pages for links that no longer work pass axe", async ({ page }) => {
  await page.goto("/reset-password/not-a-real-token-not-a-real-token");
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto("/verify-email/not-a-real-token-not-a-real-token");
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await expectNoA11yViolations(page);
});

const totp = (secret: string, offsetSteps = 0) =>
  new OTPAuth.TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });

test("two-factor authentication: enrol with the QR code or Setup key, sign in with a code and with a recovery code, disable", async ({
  page,
}) => {
  const { email } = await signUp(page, { name: "Tess Totp" });
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Two-factor authentication" });
  await section.getByRole("button", { name: "Enable Two-Factor Authentication" }).click();
  await expect(section.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await section.getByLabel("Setup key").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoA11yViolations(page);
  await section.getByLabel("Authentication Code").fill("000000" === totp(secret) ? "111111" : "000000");
  await section.getByRole("button", { name: "Verify" }).click();
  await expect(section.getByText("That code is not right.")).toBeVisible();
  await section.getByLabel("Authentication Code").fill(totp(secret));
  await section.getByRole("button", { name: "Verify" }).click();
  const codes = section.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.allTextContents()).map((c) => c.trim());
  await expectNoA11yViolations(page);
  await section.getByRole("button", { name: "Done" }).click();
  await expect(section.getByRole("button", { name: "Disable Two-Factor Authentication" })).toBeVisible();

  // The password alone is not enough any more; the next time step's code is (the first was used).
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByLabel("Authentication Code")).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel("Authentication Code").fill(totp(secret, 1));
  await page.getByRole("button", { name: "Sign In" }).click();
  await page.waitForURL("**/organizations");

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign In" }).click();
  await page.getByLabel("Authentication Code").fill(recovery[0]);
  await page.getByRole("button", { name: "Sign In" }).click();
  await page.waitForURL("**/organizations");

  // A recovery code works once.
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign In" }).click();
  await page.getByLabel("Authentication Code").fill(recovery[0]);
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByText("That authentication code is not right.")).toBeVisible();

  // The API's password grant is refused for this account.
  const grant = await page.request.post("/api/oauth/token", { form: { grant_type: "password", username: email, password: PASSWORD } });
  expect(grant.status()).toBe(400);
  expect(await grant.json()).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/service account/) });

  await page.getByLabel("Authentication Code").fill(recovery[1]);
  await page.getByRole("button", { name: "Sign In" }).click();
  await page.waitForURL("**/organizations");
  await page.goto("/account");
  await section.getByLabel("Password").fill(PASSWORD);
  await section.getByLabel("Authentication Code").fill(recovery[2]);
  await section.getByRole("button", { name: "Disable Two-Factor Authentication" }).click();
  await expect(section.getByRole("button", { name: "Enable Two-Factor Authentication" })).toBeVisible();
});

async function enableTwoFactor(page: Page) {
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Two-factor authentication" });
  await section.getByRole("button", { name: "Enable Two-Factor Authentication" }).click();
  const secret = (await section.getByLabel("Setup key").textContent())!.trim();
  await section.getByLabel("Authentication Code").fill(totp(secret));
  await section.getByRole("button", { name: "Verify" }).click();
  await expect(section.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await section.getByRole("button", { name: "Done" }).click();
  return secret;
}

test("org policy: Require two-factor authentication holds a member without 2FA until they enable it", async ({ browser, page }) => {
  await signUp(page, { name: "Pat Policy" });
  const { orgId } = await createOrg(page, "Strict Org");
  const policy = page.getByRole("switch", { name: "Require two-factor authentication" });
  await policy.click();
  await expect(page.getByRole("alert").filter({ hasText: "Enable two-factor authentication on your own account" })).toBeVisible();
  await enableTwoFactor(page);
  await page.goto(`/organizations/${orgId}/profile`);
  await policy.click();
  await expect(page.getByText("Two-factor authentication required.")).toBeVisible();

  // A member joins by invitation; accepting lands on the org, which holds them at the 2FA page.
  const memberEmail = uniqueEmail("mo");
  await page.goto(`/organizations/${orgId}/invitations`);
  await page.getByRole("button", { name: "Invite Members" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email addresses").fill(memberEmail);
  await dialog.getByLabel("Email addresses").press("Enter");
  await dialog.getByRole("button", { name: "Invite Members" }).click();
  await expect(dialog.getByText(/invited/i).first()).toBeVisible();
  await page.keyboard.press("Escape");
  const invite = await linkFrom(page, memberEmail, /invit/i, "/invitations/");
  const member = await (await browser.newContext()).newPage();
  await member.goto(invite);
  await member.getByRole("link", { name: "Create Account to Join" }).click();
  await member.getByLabel("Name").fill("Mo Member");
  await member.getByLabel("Password").fill(PASSWORD);
  await member.getByRole("button", { name: "Sign Up" }).click();
  await member.getByRole("button", { name: "Accept Invitation" }).click();
  await member.waitForURL("**/two-factor-required?org=*");
  await expect(member.getByRole("heading", { name: "Two-factor authentication required" })).toBeVisible();
  await expectNoA11yViolations(member);
  await member.goto(`/organizations/${orgId}/users`);
  await expect(member).toHaveURL(/\/two-factor-required/);

  await page.goto(`/organizations/${orgId}/users`);
  await expect(page.getByRole("columnheader", { name: "2FA" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: memberEmail })).toContainText("Off");

  await member.getByRole("link", { name: "Enable Two-Factor Authentication" }).click();
  await enableTwoFactor(member);
  await member.goto(`/organizations/${orgId}/users`);
  await expect(member.getByRole("heading", { name: "View Members" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: memberEmail })).toContainText("On");
});
