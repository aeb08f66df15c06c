import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { createOrg, PASSWORD, purchaseSubscription, signUp, uniqueEmail, uniqueOrgId, waitForEmail } from "./support";

const run = promisify(execFile);

test("a Python script written for Anaconda's v1 API onboards and offboards against this product, base URL aside", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const admin = await signUp(page, { name: "Ada Admin" });
  const { orgId } = await createOrg(page, "Compat Co", uniqueOrgId("compat"));
  await purchaseSubscription(page, orgId, 3, "Yearly");
  const [annie, bob] = [uniqueEmail("annie"), uniqueEmail("bob")];

  // python3 with the standard library only, as Anaconda's own notebook users run it.
  const { stdout } = await run(
    "python3",
    [
      path.join(process.cwd(), "examples", "anaconda_v1_onboarding.py"),
      "--base-url",
      baseURL!,
      "--org-id",
      orgId,
      "--username",
      admin.email,
      "--onboard",
      annie,
      "--onboard",
      bob,
    ],
    { env: { ...process.env, ANACONDA_ADMIN_PASSWORD: PASSWORD }, timeout: 120_000 },
  );
  const summary = JSON.parse(stdout);
  expect(summary.onboarding).toEqual({
    users_in_onboarding_process: [annie, bob],
    users_unavailable_for_onboarding: [],
    total_organization_seats: "3",
    available_organization_seats: "1",
  });
  expect(summary.managed_user).toMatchObject({
    email: null,
    listed: { email: null, first_name: "Jupyter", last_name: "Server-1", role: "member", subscriptions: ["seat"] },
    token_issued: true,
  });
  expect(Object.values(summary.offboarded).map((revoked) => (revoked as string[]).length)).toEqual([1, 1, 1]);
  expect(summary.remaining_users).toBe(1);
  expect(summary.deleted_service_account_refused).toBe("invalid_token");

  // The onboarded people got their token by email; in the portal only the admin is left.
  await waitForEmail(request, annie, /access token/i);
  await page.goto(`/organizations/${orgId}/users`);
  await expect(page.getByRole("row").filter({ hasText: admin.email })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: annie })).toHaveCount(0);

  // The docs page shows both API versions.
  await page.goto("/docs/api");
  await expect(page.getByText("Anaconda-compatible API (v1)").first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath("docs-api.png"), fullPage: false });
});
