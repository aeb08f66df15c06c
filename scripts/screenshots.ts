// npm run screenshots: signs in to a running demo (npm run demo) and saves the README's
// screenshots, so they show the product as it is now. BASE_URL defaults to http://localhost:3000.
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = process.env.SCREENSHOT_DIR ?? "docs/screenshots";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign In" }).click();
  await page.waitForURL("**/organizations");
  await page.goto(`${base}/organizations/acme-research/users`);
  await page.getByRole("table").waitFor();
  await page.screenshot({ path: `${out}/users.png` });
  await page.goto(`${base}/organizations/acme-research/invitations`);
  await page.getByRole("button", { name: "Invite Members" }).click();
  const field = page.getByRole("dialog").getByLabel("Email addresses");
  for (const address of ["grace@demo.test", "alan@demo.test", "not-an-address"]) {
    await field.fill(address);
    await field.press("Enter");
  }
  await page.screenshot({ path: `${out}/invite-dialog.png` });
  console.log(`screenshots saved in ${out}`);
} finally {
  await browser.close();
}
