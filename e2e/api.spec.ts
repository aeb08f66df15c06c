import { expect, test } from "@playwright/test";
import {
  createOrg,
  expectNoA11yViolations,
  PASSWORD,
  signUp,
  uniqueEmail,
  uniqueOrgId,
  waitForEmail,
  purchaseSubscription,
} from "./support";

test("an admin creates a service account in the portal, then a script onboards and offboards through the API", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const admin = await signUp(page, { name: "Ada Admin" });
  const { orgId } = await createOrg(page, "Automation Co", uniqueOrgId("auto"));

  // Without a subscription, API calls are refused with a clear code.
  const early = await request.post("/api/oauth/token", { form: { grant_type: "password", username: admin.email, password: PASSWORD } });
  expect(early.status()).toBe(200);
  const userToken = (await early.json()).access_token as string;
  const refused = await request.get(`/api/organizations/${orgId}/users`, { headers: { authorization: `Bearer ${userToken}` } });
  expect(refused.status()).toBe(402);
  expect(await refused.json()).toMatchObject({ code: "subscription_required" });

  await purchaseSubscription(page, orgId, 3, "Yearly");

  // The Service Accounts page: create (secret shown once), list.
  await page.goto(`/organizations/${orgId}/service-accounts`);
  await expect(page.getByText("No service accounts yet")).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Create Service Account" }).click();
  await page.getByLabel("Name").fill("Bad Name");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByText(/Use only lower-case letters/)).toBeVisible();
  await page.getByLabel("Name").fill("ci_pipeline");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Copy the secret now" });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page);
  const [clientId, clientSecret] = await dialog.locator("code").allTextContents();
  expect(clientSecret).toMatch(/^oss_/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("cell", { name: "ci_pipeline", exact: true })).toBeVisible();

  // The script: client credentials over HTTP Basic.
  const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
  const tokenRes = await request.post("/api/oauth/token", {
    headers: { authorization: `Basic ${basic}` },
    form: { grant_type: "client_credentials" },
  });
  expect(tokenRes.status()).toBe(200);
  const auth = { authorization: `Bearer ${(await tokenRes.json()).access_token}` };
  const api = `/api/organizations/${orgId}`;

  // Onboarding: two seats free (3 total), three addresses.
  const [a, b, c] = [uniqueEmail("annie"), uniqueEmail("bob"), uniqueEmail("cy")];
  const onboard = await request.post(`${api}/onboarding`, {
    headers: { ...auth, "idempotency-key": "onboard-1" },
    data: { user_emails: [a, b] },
  });
  expect(onboard.status()).toBe(200);
  expect(await onboard.json()).toMatchObject({
    users_in_onboarding_process: [a, b],
    total_organization_seats: 3,
    available_organization_seats: 1,
  });
  const full = await request.post(`${api}/onboarding`, { headers: auth, data: { user_emails: `[${c}, ${uniqueEmail("dee")}]` } });
  expect((await full.json()).users_unavailable_for_onboarding).toHaveLength(1);
  await waitForEmail(request, a, /access token/i);

  // An organization-managed user for a notebook server: seat, then token.
  const managed = await request.post(`${api}/users`, { headers: auth, data: { first_name: "Jupyter", last_name: "Server-1" } });
  expect(managed.status()).toBe(201);
  const managedId = (await managed.json()).id as string;
  const noSeat = await request.post(`${api}/users/${managedId}/seats`, { headers: auth });
  expect(noSeat.status()).toBe(409);
  expect((await noSeat.json()).code).toBe("no_seat_available");

  // Offboarding Annie: revoke token, remove seat, remove user.
  const users = await (await request.get(`${api}/users`, { headers: auth })).json();
  const annie = users.data.find((u: { email: string }) => u.email === a);
  expect(annie).toMatchObject({ seat: true, role: "member", token: { status: "active" } });
  expect((await request.delete(`${api}/users/${annie.id}/token`, { headers: auth })).status()).toBe(204);
  expect((await request.delete(`${api}/users/${annie.id}/seats`, { headers: auth })).status()).toBe(204);
  expect((await request.delete(`${api}/users/${annie.id}`, { headers: auth })).status()).toBe(204);

  // The freed seat goes to the managed user, who gets a token, synced to the period end.
  expect((await request.post(`${api}/users/${managedId}/seats`, { headers: auth })).status()).toBe(201);
  const issued = await request.post(`${api}/users/${managedId}/token`, { headers: auth, data: {} });
  expect(issued.status()).toBe(201);
  expect((await issued.json()).token).toMatch(/^opt_/);
  expect((await request.patch(`${api}/users/${managedId}/token`, { headers: auth })).status()).toBe(200);

  // Mistakes get errors that say what to fix.
  const bad = await request.post(`${api}/users`, { headers: auth, data: { email: "nope" } });
  expect(bad.status()).toBe(422);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
  expect((await bad.json()).errors.email).toBe("Enter a valid email address.");

  // Everything the service account did is in the activity log under its name.
  await page.goto(`/organizations/${orgId}/activity`);
  await expect(page.getByRole("cell", { name: /ci_pipeline/ }).first()).toBeVisible();

  // Deleting the service account stops its token at once.
  await page.goto(`/organizations/${orgId}/service-accounts`);
  await page.getByRole("button", { name: "Delete ci_pipeline" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("No service accounts yet")).toBeVisible();
  expect((await request.get(`${api}/users`, { headers: auth })).status()).toBe(401);
});

test("the API docs page renders the OpenAPI document", async ({ page, request }) => {
  const doc = await (await request.get("/api/openapi.json")).json();
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/oauth/token", "/api/organizations/{orgId}/onboarding"]));
  await page.goto("/docs/api");
  await expect(page.getByText("Org Portal API").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Onboarding", { exact: true }).first()).toBeVisible();
});

test("discovery and token errors follow the RFCs", async ({ request }) => {
  const meta = await (await request.get("/.well-known/oauth-authorization-server")).json();
  expect(meta.token_endpoint).toMatch(/\/api\/oauth\/token$/);
  const wrong = await request.post("/api/oauth/token", { form: { grant_type: "password", username: "nobody@example.com", password: "x" } });
  expect(wrong.status()).toBe(400);
  expect(await wrong.json()).toMatchObject({ error: "invalid_grant" });
  const unsupported = await request.post("/api/oauth/token", { data: { grant_type: "implicit" } });
  expect(await unsupported.json()).toMatchObject({ error: "unsupported_grant_type" });
});
