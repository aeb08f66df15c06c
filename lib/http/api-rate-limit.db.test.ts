import { describe, expect, it } from "vitest";
import { callRoute, createApiOrg } from "@/test/api";
import { useTestDatabase } from "@/test/db";

// The limits are read when the limiter module loads: set them low before the route is imported.
process.env.API_RATE_LIMIT_PER_CLIENT = "5";
process.env.API_RATE_LIMIT_PER_ORG = "8";

useTestDatabase();

describe("API rate limits", () => {
  it("answer 429 with Retry-After per client, then per org across clients", async () => {
    const { GET } = await import("@/app/api/organizations/[orgId]/service-accounts/route");
    const { org, adminToken, saToken } = await createApiOrg();
    const params = { orgId: org.slug };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await callRoute(GET, { token: adminToken, params })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await callRoute(GET, { token: adminToken, params });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ code: "rate_limited", status: 429 });

    // Another client of the same org still has its own budget, until the org's runs out (8).
    const other: number[] = [];
    for (let i = 0; i < 4; i++) other.push((await callRoute(GET, { token: saToken, params })).status);
    expect(other).toContain(200);
    expect(other.at(-1)).toBe(429);
  });
});
