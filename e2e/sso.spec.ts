import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { withTxtServer } from "../test/dns-server";
import { startTestIdp, type TestIdp } from "../test/oidc-idp";
import { E2E_PORT } from "./ports";
import { createOrg, expectNoA11yViolations, PASSWORD, signUp, uniqueOrgId } from "./support";

// Single sign-on in Chromium against a real OpenID Provider (oidc-provider) that this spec runs
// on a free port of 127.0.0.1 (the e2e servers set OIDC_ALLOW_HTTP_ISSUERS=1). The company's domain is
// verified through the Domains section, answered by a DNS server on the e2e servers' DNS_SERVERS.
const DNS_PORT = 5391;
const SHOTS = process.env.SSO_SHOTS_DIR;

let idp: TestIdp;
test.beforeAll(async () => {
  idp = await startTestIdp({ redirectUri: `http://127.0.0.1:${E2E_PORT}/api/auth/sso/callback` });
});
test.afterAll(async () => {
  await idp?.close();
});

async function verifyDomain(page: Page, domain: string) {
  await page.getByRole("button", { name: "Add Domain" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Domain").fill(domain);
  await dialog.getByRole("button", { name: "Add Domain" }).click();
  const row = page.getByRole("row").filter({ hasText: domain });
  // The record's name and value, once the new row shows them.
  await expect(row.locator("code")).toHaveCount(2);
  const [name, value] = await row.locator("code").allInnerTexts();
  await withTxtServer(DNS_PORT, async (dns) => {
    dns.publish(name.trim(), value.trim());
    await row.getByRole("button", { name: `Verify ${domain}` }).click();
    await expect(row.getByText("Verified", { exact: true })).toBeVisible();
  });
}

async function shoot(page: Page, name: string, locator = page.locator("main")) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await locator.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("an admin connects the IdP; a new person signs in with SSO and lands in the org; Require SSO refuses the password", async ({
  page,
  browser,
}) => {
  test.slow();
  const domain = `acme-${randomBytes(3).toString("hex")}.test`;
  await signUp(page, { name: "Ida Admin" });
  const { orgId } = await createOrg(page, "Acme SSO", uniqueOrgId("acme"));
  await verifyDomain(page, domain);

  // Org Profile -> Single Sign-On
  const section = page
    .locator("section, div")
    .filter({ has: page.getByRole("heading", { name: "Single Sign-On" }) })
    .last();
  await expect(page.getByRole("heading", { name: "Single Sign-On" })).toBeVisible();
  await expect(page.getByText(`http://127.0.0.1:${E2E_PORT}/api/auth/sso/callback`)).toBeVisible();
  await page.getByLabel("Issuer URL").fill(idp.issuer);
  await page.getByRole("button", { name: "Test Connection" }).click();
  const works = page.getByRole("status").filter({ hasText: "Connection works" });
  await expect(works).toBeVisible();
  await expect(works.getByText(`${idp.issuer}/token`)).toBeVisible();
  await page.getByLabel("Client ID").fill(idp.clientId);
  await page.getByLabel("Client Secret").fill(idp.clientSecret);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Single sign-on connection saved.")).toBeVisible();
  await page.reload();
  // Write-only: the page says a secret is saved and never shows it.
  await expect(page.getByText("A secret is saved (it is never shown).")).toBeVisible();
  await expect(page.getByLabel("Client Secret")).toHaveValue("");
  expect(await page.content()).not.toContain(idp.clientSecret);
  await expect(page.getByLabel("Issuer URL")).toHaveValue(idp.issuer);
  await expectNoA11yViolations(page);
  await shoot(page, "org-profile-sso", section);

  // A new person of the company signs in with SSO in their own browser.
  const person = await browser.newContext();
  const p = await person.newPage();
  await p.goto("/sign-in");
  await p.getByRole("link", { name: "Sign in with SSO" }).click();
  await expect(p.getByRole("heading", { name: "Sign in with SSO" })).toBeVisible();
  await expectNoA11yViolations(p);
  await shoot(p, "sign-in-sso");
  // A domain without SSO gets a clear answer that names no organization.
  await p.getByLabel("Email").fill(`someone@elsewhere-${randomBytes(2).toString("hex")}.test`);
  await p.getByRole("button", { name: "Continue" }).click();
  await expect(p.getByText("Single sign-on is not set up for this email address.", { exact: false })).toBeVisible();
  await expectNoA11yViolations(p);
  const email = `new.person@${domain}`;
  await p.getByLabel("Email").fill(email);
  await p.getByRole("button", { name: "Continue" }).click();
  await p.waitForURL(`**/organizations/${orgId}`);
  await expect(p.getByRole("banner")).toBeVisible();
  expect(idp.signedIn).toContain(email);
  // Signed in for real: the session survives a reload, and the org is theirs (Member).
  await p.reload();
  await expect(p).toHaveURL(new RegExp(`/organizations/${orgId}$`));
  await p.goto("/organizations");
  await expect(p.getByText("Acme SSO")).toBeVisible();
  await expectNoA11yViolations(p);
  await person.close();

  // Require SSO: a password account of the domain (made before) is sent to Sign in with SSO.
  const other = await browser.newContext();
  const o = await other.newPage();
  const passwordEmail = `pat@${domain}`;
  await signUp(o, { name: "Pat Password", email: passwordEmail, verify: false });
  await o.context().clearCookies();
  await page.getByRole("switch", { name: "Require SSO" }).click();
  await expect(page.getByText("SSO is now required for your verified domains.")).toBeVisible();
  await o.goto("/sign-in");
  await o.getByLabel("Email").fill(passwordEmail);
  await o.getByLabel("Password").fill(PASSWORD);
  await o.getByRole("button", { name: "Sign In" }).click();
  await expect(o.getByRole("alert").filter({ hasText: "Use Sign in with SSO" })).toBeVisible();
  await expectNoA11yViolations(o);
  await other.close();
});
