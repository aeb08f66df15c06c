import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import fs from "node:fs";
import {
  createOrg,
  expectNoA11yViolations,
  linksIn,
  PASSWORD,
  readMailbox,
  signUp,
  uniqueEmail,
  waitForEmail,
  type MailboxMessage,
} from "./support";

const invitationLink = (m: MailboxMessage) => {
  const link = linksIn(m.text).find((l) => l.includes("/invitations/inv_"));
  if (!link) throw new Error(`No invitation link in: ${m.text}`);
  return link;
};

/** Every invitation email to an address, newest first, once there are at least `count`. */
async function invitationEmails(request: APIRequestContext, to: string, count: number) {
  let found: MailboxMessage[] = [];
  await expect
    .poll(
      async () => {
        const all = await readMailbox(request);
        found = all.filter((m) => m.to === to && /invited you to join/.test(m.subject));
        return found.length;
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** With SCREENSHOTS=dir set, keeps pictures of the screens for a person to look at. */
async function shot(page: Page, name: string) {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/invitations-${name}.png`, fullPage: true });
}

async function openInviteDialog(page: Page) {
  await page.getByRole("button", { name: "Invite Members" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite Members" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("an admin invites by chips and CSV; the invitee signs up with the locked address and joins as Member", async ({
  page,
  browser,
  request,
}) => {
  const admin = await signUp(page, { name: "Ada Admin", email: uniqueEmail("admin") });
  const { name: orgName, orgId } = await createOrg(page, "Invite Test Org");
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Invitations" }).click();
  await expect(page.getByRole("heading", { name: "Invitations", level: 1 })).toBeVisible();
  await expect(page.getByText("No pending invitations")).toBeVisible();
  await expectNoA11yViolations(page);

  // Chips: Enter, Tab and comma make chips; an invalid one shows why and Backspace removes it.
  const [first, second, third] = [uniqueEmail("first"), uniqueEmail("second"), uniqueEmail("third")];
  const dialog = await openInviteDialog(page);
  const field = dialog.getByLabel("Email addresses");
  await field.fill(first.toUpperCase());
  await field.press("Enter");
  await field.fill(second);
  await field.press("Tab");
  await field.focus();
  await field.fill("not-an-email");
  await field.press(",");
  const chips = dialog.getByRole("list", { name: "Addresses to invite" }).getByRole("listitem");
  await expect(chips).toHaveCount(3);
  await expect(chips.nth(0)).toHaveText(first);
  await expect(chips.nth(2)).toContainText("Not a valid email address");
  await expectNoA11yViolations(page);
  await shot(page, "1-chips");
  await field.press("Backspace");
  await expect(chips).toHaveCount(2);
  await dialog.getByRole("button", { name: "Invite Members" }).click();

  const report = page.getByRole("dialog", { name: "Invitations sent" });
  await expect(report.getByText("Invitation report")).toBeVisible();
  await expect(report.getByRole("row", { name: new RegExp(first) })).toContainText("Invited");
  await expect(report.getByRole("row", { name: new RegExp(second) })).toContainText("Invited");
  await expectNoA11yViolations(page);
  await shot(page, "2-report");
  await report.getByRole("button", { name: "Done" }).click();

  const table = page.getByRole("table", { name: "Pending invitations" });
  await expect(table.getByRole("row", { name: new RegExp(first) })).toContainText("Pending");
  await expect(table.getByRole("row", { name: new RegExp(second) })).toContainText("Ada Admin");

  // Bulk Upload: a CSV of mixed rows, reported row by row, the report downloadable.
  const csv = [
    `Name;Email`,
    `Third;${third}`,
    `First again;${first}`,
    `Me;${admin.email}`,
    `Broken;broken@`,
    ``,
    `Third again;${third.toUpperCase()}`,
  ].join("\r\n");
  const upload = await openInviteDialog(page);
  await upload.getByRole("tab", { name: "Bulk Upload" }).click();
  await upload.getByLabel("CSV file").setInputFiles({ name: "team.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`) });
  await expect(upload.getByText("Selected: team.csv")).toBeVisible();
  await expectNoA11yViolations(page);
  await shot(page, "3-bulk-upload");
  await upload.getByRole("button", { name: "Invite Members" }).click();
  const csvReport = page.getByRole("dialog", { name: "Invitations sent" });
  await expect(csvReport.getByRole("row", { name: new RegExp(third) })).toContainText("Listed 2 times in the file (rows 2, 7)");
  await expect(csvReport.getByRole("row", { name: new RegExp(first) })).toContainText("Already invited (resent)");
  await expect(csvReport.getByRole("row", { name: new RegExp(admin.email) })).toContainText("Already a member (skipped)");
  await expect(csvReport.getByRole("row", { name: /broken@/ })).toContainText("Not a valid email address");
  await expect(csvReport.getByRole("row", { name: /broken@/ })).toContainText("5");
  await shot(page, "4-csv-report");
  const downloading = page.waitForEvent("download");
  await csvReport.getByRole("button", { name: "Download Report (CSV)" }).click();
  const file = fs.readFileSync((await (await downloading).path())!, "utf8");
  expect(file).toContain(`${third},Invited,`);
  expect(file).toContain(`broken@,Invalid,,Not a valid email address,5`);
  await csvReport.getByRole("button", { name: "Done" }).click();
  await expect(table.getByRole("row", { name: new RegExp(third) })).toBeVisible();
  await shot(page, "5-table");

  // The first invitee's earlier link was replaced by the resend: it says so and changes nothing.
  const [newest, older] = await invitationEmails(request, first, 2);
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(invitationLink(older));
  await expect(invitee.getByRole("heading", { name: "This invitation link was replaced" })).toBeVisible();
  await expectNoA11yViolations(invitee);
  await shot(invitee, "6-superseded-link");

  // The current link: the org and the inviter, then sign-up with the invited address locked.
  const mail = await waitForEmail(request, first);
  expect(mail.id).toBe(newest.id);
  expect(mail.subject).toBe(`Ada Admin invited you to join ${orgName} on Org Portal`);
  expect(mail.text).toMatch(/expires on \w+ \d+, \d{4}/);
  await invitee.goto(invitationLink(mail));
  await expect(invitee.getByRole("heading", { name: `Join ${orgName}` })).toBeVisible();
  await expect(invitee.getByText("Ada Admin invited")).toBeVisible();
  await expectNoA11yViolations(invitee);
  await shot(invitee, "7-accept-signed-out");
  await invitee.getByRole("link", { name: "Create Account to Join" }).click();
  const email = invitee.getByLabel("Email");
  await expect(email).toHaveValue(first);
  await expect(email).toHaveAttribute("readonly", "");
  await shot(invitee, "8-sign-up-locked");
  await invitee.getByLabel("Name").fill("First Invitee");
  await invitee.getByLabel("Password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Sign Up" }).click();
  await expect(invitee.getByText(`Signed in as ${first}`)).toBeVisible();
  await expectNoA11yViolations(invitee);
  await shot(invitee, "9-accept-signed-in");
  await invitee.getByRole("button", { name: "Accept Invitation" }).click();
  await invitee.waitForURL(`**/organizations/${orgId}`);
  await expect(invitee.getByText(`${orgId} · Member`)).toBeVisible();

  // The admin: the invitation is gone from the list, and the acceptance email arrived.
  await page.reload();
  await expect(table.getByRole("row", { name: new RegExp(second) })).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(first) })).toHaveCount(0);
  const accepted = await waitForEmail(request, admin.email, /accepted your invitation/);
  expect(accepted.subject).toBe(`${first} accepted your invitation to ${orgName}`);
  expect(accepted.text).toContain("First Invitee");

  // The used link now says so.
  await invitee.goto(invitationLink(mail));
  await expect(invitee.getByRole("heading", { name: `You are a member of ${orgName}` })).toBeVisible();
  await shot(invitee, "10-used-link");
});

test("an admin resends and removes invitations one by one and in bulk", async ({ page, request }) => {
  await signUp(page, { name: "Bo Admin", email: uniqueEmail("admin") });
  const { orgId } = await createOrg(page, "Bulk Actions Org");
  await page.goto(`/organizations/${orgId}/invitations`);
  const addresses = [uniqueEmail("a"), uniqueEmail("b"), uniqueEmail("c"), uniqueEmail("d")];
  const dialog = await openInviteDialog(page);
  // A pasted list splits into chips.
  await dialog.getByLabel("Email addresses").focus();
  await page.evaluate((text) => {
    const input = document.getElementById("invite-emails")!;
    const data = new DataTransfer();
    data.setData("text", text);
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, addresses.join(",\n"));
  await expect(dialog.getByRole("list", { name: "Addresses to invite" }).getByRole("listitem")).toHaveCount(4);
  await dialog.getByRole("button", { name: "Invite Members" }).click();
  await page.getByRole("dialog", { name: "Invitations sent" }).getByRole("button", { name: "Done" }).click();
  const table = page.getByRole("table", { name: "Pending invitations" });
  const row = (email: string) => table.getByRole("row", { name: new RegExp(email) });
  await expect(row(addresses[3])).toBeVisible();

  await row(addresses[0]).getByRole("button", { name: "Resend Email Invite" }).click();
  await expect(page.getByText(`Invitation resent to ${addresses[0]}.`)).toBeVisible();
  await invitationEmails(request, addresses[0], 2);

  await row(addresses[1]).getByRole("button", { name: "Remove Invite" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText(`Invitation for ${addresses[1]} removed.`)).toBeVisible();
  await expect(row(addresses[1])).toHaveCount(0);

  await page.getByRole("button", { name: "Resend Emails" }).click();
  await page.getByRole("checkbox", { name: `Select ${addresses[2]}` }).check();
  await page.getByRole("checkbox", { name: `Select ${addresses[3]}` }).check();
  await expectNoA11yViolations(page);
  await shot(page, "11-bulk-resend-mode");
  await page.getByRole("button", { name: "Resend Invitations" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Resend" }).click();
  await expect(page.getByText("2 invitations resent.")).toBeVisible();

  await page.getByRole("button", { name: "Remove Invitations" }).click();
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await page.getByRole("button", { name: "Remove Invitations" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("3 invitations removed.")).toBeVisible();
  await expect(page.getByText("No pending invitations")).toBeVisible();
});
