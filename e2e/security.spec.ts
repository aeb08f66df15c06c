import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, signOut, signUp, uniqueEmail } from "./support";

// Values a browser turns into `//evil.example` (it drops TAB, CR and LF from URLs and reads `\`
// as `/`): none may take a user off the app's origin after sign-up or sign-in.
const HOSTILE_RETURNS = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "//evil.example",
  "/\\evil.example",
  "/\t\\evil.example/x",
];

/** Records every request to another host and every CSP violation the page reports. */
function watch(page: Page) {
  const offsite: string[] = [];
  const cspErrors: string[] = [];
  page.on("request", (req) => {
    const host = new URL(req.url()).hostname;
    if (host !== "127.0.0.1" && host !== "localhost") offsite.push(req.url());
  });
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(msg.text())) cspErrors.push(msg.text());
  });
  return { offsite, cspErrors };
}

async function expectOnOrigin(page: Page, baseURL: string) {
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-"), { timeout: 15_000 }).catch(() => {});
  expect(new URL(page.url()).origin).toBe(new URL(baseURL).origin);
}

test.describe("no open redirect after sign-up and sign-in", () => {
  for (const value of HOSTILE_RETURNS) {
    test(`callbackUrl ${JSON.stringify(value)} stays on the origin`, async ({ page, baseURL }) => {
      const seen = watch(page);
      const email = uniqueEmail("redirect");
      await page.goto(`/sign-up?callbackUrl=${encodeURIComponent(value)}`);
      await page.getByLabel("Name").fill("Redirect Test");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign Up" }).click();
      await expectOnOrigin(page, baseURL!);
      await expect(page).toHaveURL(/\/organizations$/);

      await signOut(page);
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(value)}`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign In" }).click();
      await expectOnOrigin(page, baseURL!);
      await expect(page).toHaveURL(/\/organizations$/);
      expect(seen.offsite).toEqual([]);
      expect(seen.cspErrors).toEqual([]);
    });
  }

  test("a same-origin callbackUrl is still honoured", async ({ page }) => {
    await page.goto(`/sign-up?callbackUrl=${encodeURIComponent("/account")}`);
    await page.getByLabel("Name").fill("Return Test");
    await page.getByLabel("Email").fill(uniqueEmail("return"));
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign Up" }).click();
    await expect(page).toHaveURL(/\/account$/);
  });
});

test.describe("security headers", () => {
  const common = (h: Record<string, string>) => {
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
    // The e2e server runs on http: HSTS there would pin plain http for nothing.
    expect(h["strict-transport-security"]).toBeUndefined();
  };

  test("a page: CSP with a fresh nonce, no inline script without it, framing refused", async ({ request, page }) => {
    const first = await request.get("/sign-in");
    const second = await request.get("/sign-in");
    common(first.headers());
    const csp = first.headers()["content-security-policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Every script tag of the page carries this request's nonce.
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    // And the page still works under it: signing up is a hydrated form.
    const seen = watch(page);
    await signUp(page, { verify: false });
    expect(seen.cspErrors).toEqual([]);
  });

  test("an API route", async ({ request }) => {
    const res = await request.get("/api/health");
    common(res.headers());
    expect(res.headers()["content-security-policy"]).toContain("default-src 'none'");
  });

  test("the token hot path", async ({ request }) => {
    const res = await request.get("/api/tokens/check", { headers: { authorization: "Bearer nope" } });
    expect(res.status()).toBe(401);
    common(res.headers());
    expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    const channel = await request.get("/t/not-a-token/sample/noarch/repodata.json");
    expect(channel.status()).toBe(401);
    common(channel.headers());
  });

  test("an unsupported method on an API route is a 405 with Allow and problem+json", async ({ request }) => {
    const res = await request.put("/api/health");
    expect(res.status()).toBe(405);
    expect(res.headers()["allow"]).toBe("GET");
    expect(res.headers()["content-type"]).toBe("application/problem+json");
    common(res.headers());
  });

  test("the API reference still renders under the page CSP", async ({ page }) => {
    const seen = watch(page);
    const res = await page.goto("/docs/api");
    expect(res!.headers()["content-security-policy"]).toContain("'nonce-");
    await expect(page.getByText("Org Portal API").first()).toBeVisible({ timeout: 20_000 });
    expect(seen.cspErrors).toEqual([]);
    expect(seen.offsite).toEqual([]);
  });
});
