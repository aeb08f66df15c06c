import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import {
  createOrg,
  expectNoA11yViolations,
  joinByInvitation,
  purchaseSubscription,
  signUp,
  uniqueEmail,
  uniqueOrgId,
  userRowAction,
} from "./support";

// The Overview answers "how are we using our seats and packages": its figures are the Subscription
// and Users pages' numbers, the downloads chart has a name and a table of the same numbers, and
// every figure opens the page behind it. Also: the Activity table fits its card at 1280 px.

const SAMPLE = path.join(process.cwd(), "channels", "sample", "noarch", "hello-portal-1.0.0-0.tar.bz2");
const CHART = "Package downloads per day, last 30 days";
const today = () =>
  new Date().toLocaleDateString("en", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** The number on a figure tile (a link named by its label, value and note). */
const figure = async (page: Page, label: string) => {
  const text = await page.getByRole("link", { name: new RegExp(`^${label}`) }).innerText();
  return text.split("\n")[1].trim();
};

test("the Overview's figures equal the Subscription and Users pages, its chart has a name and a table, and each figure links to its page", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const admin = await signUp(page, { name: "Ada Admin" });
  const { orgId } = await createOrg(page, "Overview Co", uniqueOrgId("ov"));
  const base = `/organizations/${orgId}`;

  // A new org: the Overview is its first page, with empty states and no seats yet.
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Overview" }).click();
  await page.waitForURL(`**${base}`);
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByText("No channels yet")).toBeVisible();
  await expect(page.getByText("No package downloaded yet")).toBeVisible();
  await expect(page.getByRole("link", { name: /^Seats None/ })).toBeVisible();
  await expectNoA11yViolations(page);

  // Seats: 5 bought, one assigned to a member, two reserved by invitations that come with a seat.
  const bea = await joinByInvitation(browser, page, orgId, "Bea Member");
  await purchaseSubscription(page, orgId, 5);
  await page.goto(`${base}/users`);
  await userRowAction(page, admin.email, "Assign Seat");
  await page.goto(`${base}/invitations`);
  await page.getByRole("button", { name: "Invite Members" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite Members" });
  for (const email of [uniqueEmail("seat-a"), uniqueEmail("seat-b")]) {
    await dialog.getByLabel("Email addresses").fill(email);
    await dialog.getByLabel("Email addresses").press("Enter");
  }
  await dialog.getByRole("checkbox", { name: "Assign a seat on joining" }).check();
  await dialog.getByRole("button", { name: "Invite Members" }).click();
  await expect(page.getByRole("dialog", { name: "Invitations sent" })).toBeVisible();
  await page.keyboard.press("Escape");

  // A channel with the sample package, downloaded three times through the admin's token.
  await page.goto(`${base}/channels`);
  await page.getByRole("button", { name: "Create Channel" }).click();
  await page.getByLabel("Channel Name").fill("main");
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: "main" })).toBeVisible();
  await page.getByRole("button", { name: "Upload Packages" }).click();
  await page.getByRole("dialog").getByLabel("Choose files").setInputFiles([SAMPLE]);
  await page.getByRole("dialog").getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("list", { name: "Upload report" }).getByText("Uploaded to noarch.")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.goto(`${base}/token-access`);
  await page.getByRole("button", { name: "Issue Token" }).click();
  const reveal = page.getByRole("region", { name: "Your token" });
  const token = (await reveal.innerText()).match(/\/t\/(opt_[0-9A-Za-z]{36})\//)![1];
  for (let i = 0; i < 3; i++) {
    expect((await page.request.get(`/t/${token}/main/noarch/hello-portal-1.0.0-0.tar.bz2`)).status()).toBe(200);
  }

  // The Subscription and Users pages' numbers.
  await page.goto(`${base}/subscription`);
  const stat = (label: string) => page.getByText(label, { exact: true }).locator("..").locator("dd").innerText();
  const subscription = {
    assigned: await stat("Seats assigned"),
    reserved: await stat("Seats reserved by invitations"),
    available: await stat("Seats available"),
  };
  expect(subscription).toEqual({ assigned: "1", reserved: "2", available: "2" });
  await page.goto(`${base}/users`);
  await expect(page.getByText("Showing 1–2 of 2")).toBeVisible();
  await expect(page.getByText(/1 of 5 seats assigned · 2 reserved by invitations · 2 available/)).toBeVisible();

  // The Overview shows the same, once the download counter has flushed (every 15 s).
  await page.goto(base);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("3 downloads in the last 30 days")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  expect(await figure(page, "Seats assigned")).toBe(subscription.assigned);
  expect(await figure(page, "Seats reserved")).toBe(subscription.reserved);
  expect(await figure(page, "Seats available")).toBe(subscription.available);
  expect(await figure(page, "Members")).toBe("2");
  expect(await figure(page, "Pending invitations")).toBe("2");
  expect(await figure(page, "Packages")).toBe("1");

  // The chart: an SVG named by its title and described; the same numbers in a table.
  const chart = page.getByRole("application", { name: CHART });
  await expect(chart).toBeVisible();
  await expect(chart.locator("desc")).toContainText("3 downloads");
  await page.getByText("Show as a table").click();
  const table = page.getByRole("table", { name: CHART });
  await expect(table.getByRole("row")).toHaveCount(31);
  await expect(table.getByRole("row").last()).toHaveText(new RegExp(`${today()}\\s*3$`));
  const top = page.getByRole("table", { name: "Most downloaded packages" });
  await expect(top.getByRole("row").nth(1)).toHaveText(/hello-portal\s*main\s*3\s*3/);
  await expect(page.getByRole("region", { name: "Recent activity" }).getByText("package.uploaded")).toBeVisible();
  await expectNoA11yViolations(page);

  // Every figure opens the page behind it.
  for (const [name, target] of [
    [/^Seats assigned/, "/subscription"],
    [/^Seats reserved/, "/invitations"],
    [/^Seats available/, "/subscription"],
    [/^Members/, "/users"],
    [/^Pending invitations/, "/invitations"],
    [/^Packages/, "/channels"],
  ] as const) {
    await page.goto(base);
    await page.getByRole("link", { name }).click();
    await page.waitForURL(`**${base}${target}`);
  }
  await page.goto(base);
  await top.getByRole("link", { name: "main" }).click();
  await page.waitForURL(`**${base}/channels/main`);
  await page.goto(base);
  await page.getByRole("link", { name: "All activity" }).click();
  await page.waitForURL(`**${base}/activity`);

  // A Member sees members and packages, but not seats, invitations or activity.
  const member = bea.page;
  await member.goto(base);
  await expect(member.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  expect(await figure(member, "Members")).toBe("2");
  await expect(member.getByRole("link", { name: /^Seats/ })).toHaveCount(0);
  await expect(member.getByRole("link", { name: /^Pending invitations/ })).toHaveCount(0);
  await expect(member.getByRole("heading", { name: "Recent activity" })).toHaveCount(0);
  // Bea has no seat, so no channel is open to her.
  await expect(member.getByText("No channel of this organization is open to you.")).toBeVisible();
  await expectNoA11yViolations(member);
});

test("the Activity table fits its card at 1280 px and scrolls inside it on a phone, by keyboard too", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUp(page, { name: "Wide Tables", email: `a-rather-long-address-for-the-log-${uniqueEmail("w")}` });
  const { orgId } = await createOrg(page, "Wide Tables With A Long Name", uniqueOrgId("wide"));
  // Two entries with long labels: the org's creation and a rename.
  await page.getByRole("button", { name: "Edit Organization" }).click();
  await page.getByLabel("Organization Name").fill("Wide Tables With An Even Longer Name For The Log");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText(/Organization renamed/)).toBeVisible();

  await page.goto(`/organizations/${orgId}/activity`);
  const table = page.getByRole("table", { name: "Activity, newest first" });
  await expect(table.getByRole("row")).not.toHaveCount(1);
  const measure = () =>
    table.evaluate((el) => {
      const card = el.parentElement!;
      const box = el.getBoundingClientRect();
      const cardBox = card.getBoundingClientRect();
      return {
        overflow: card.scrollWidth - card.clientWidth,
        tableRight: box.right,
        cardRight: cardBox.right,
        pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
  const wide = await measure();
  expect(wide.overflow).toBe(0);
  // Nothing to scroll: the card is no extra tab stop.
  const region = page.getByRole("region", { name: "Activity, newest first, scrolls sideways" });
  await expect(region).toHaveCount(0);
  expect(wide.tableRight).toBeLessThanOrEqual(wide.cardRight + 0.5);
  expect(wide.pageOverflow).toBe(0);
  // The IP column is on screen, beside the navigation.
  const ip = table.getByRole("columnheader", { name: "IP" });
  const ipBox = (await ip.boundingBox())!;
  expect(ipBox.x + ipBox.width).toBeLessThanOrEqual(1280);

  // On a phone the table scrolls inside its card; the page itself does not get wider.
  await page.setViewportSize({ width: 390, height: 800 });
  const narrow = await measure();
  expect(narrow.overflow).toBeGreaterThan(0);
  expect(narrow.pageOverflow).toBe(0);
  // There the card becomes a named region in the tab order, and the arrow keys scroll it, although
  // nothing inside the table is focusable.
  await expect(region).toHaveAttribute("tabindex", "0");
  await region.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await expectNoA11yViolations(page);
});
