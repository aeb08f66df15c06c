// npx tsx scripts/page-widths.ts: signs in to a running demo (npm run demo) as its admin, opens
// every page with a table at 1280 px and at 390 px, saves a screenshot of each, and reports any
// page wider than the window and any table wider than its card. Tables may scroll inside their
// card on a phone; at 1280 px nothing should scroll. BASE_URL defaults to http://localhost:3000.
import fs from "node:fs";
import { chromium, type Page } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = process.env.SCREENSHOT_DIR ?? "/tmp/page-widths";
const org = "/organizations/acme-research";
const pages = [
  org,
  `${org}/profile`,
  `${org}/users`,
  `${org}/invitations`,
  `${org}/subscription`,
  `${org}/token-access`,
  `${org}/channels`,
  `${org}/channels/main`,
  `${org}/groups`,
  `${org}/service-accounts`,
  `${org}/activity`,
  "/admin",
  "/admin/users",
  "/admin/settings",
  "/account",
  "/organizations",
];

/**
 * Page overflow and, per table, how much wider it is than the box that clips it. A string, not a
 * function: tsx would wrap a function's inner names with a helper the page does not have.
 */
const MEASURE = `(() => {
  const clipOf = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== "visible") return p;
    return document.documentElement;
  };
  const tables = [...document.querySelectorAll("table")].filter((t) => t.getClientRects().length > 0).map((t) => {
    const clip = clipOf(t);
    return { caption: t.caption ? t.caption.textContent : "", overflow: clip.scrollWidth - clip.clientWidth };
  });
  return { pageOverflow: document.documentElement.scrollWidth - window.innerWidth, tables };
})()`;
const measure = (page: Page) =>
  page.evaluate(MEASURE) as Promise<{ pageOverflow: number; tables: Array<{ caption: string; overflow: number }> }>;

fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
let problems = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // A dev server compiles each page on its first visit.
  page.setDefaultTimeout(120_000);
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(process.env.DEMO_EMAIL ?? "admin@demo.test");
  await page.getByLabel("Password").fill(process.env.DEMO_PASSWORD ?? "demo-password");
  await page.getByRole("button", { name: "Sign In" }).click();
  await page.waitForURL("**/organizations");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of pages) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState("load");
      await page.waitForTimeout(500);
      const { pageOverflow, tables } = await measure(page);
      const wide = tables.filter((t) => t.overflow > 0);
      const bad = pageOverflow > 0 || (width >= 1280 && wide.length > 0);
      if (bad) problems++;
      const name = `${width}-${path.replace(/^\//, "").replace(/\//g, "_") || "root"}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: true });
      console.log(
        `${bad ? "WIDE" : "ok  "} ${width} ${path} page+${pageOverflow}px` +
          (wide.length ? ` tables scrolling: ${wide.map((t) => `${t.caption || "table"} +${t.overflow}px`).join(", ")}` : ""),
      );
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${out}; ${problems} problem(s)`);
process.exitCode = problems ? 1 : 0;
