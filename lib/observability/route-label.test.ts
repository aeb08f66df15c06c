import { describe, expect, it } from "vitest";
import { orgFromPath, routeLabel, routeTable, scanAppRoutes, UNMATCHED_ROUTE } from "./route-label";

describe("routeLabel", () => {
  it("turns ids, slugs and tokens into the placeholders of the app's routes", () => {
    expect(routeLabel("/api/organizations/acme/users/0b0f8e9e-6a57-4c3c-9d1e-2f3a4b5c6d7e/seats")).toBe(
      "/api/organizations/{orgId}/users/{userId}/seats",
    );
    expect(routeLabel("/organizations/acme-labs/users")).toBe("/organizations/{orgId}/users");
    expect(routeLabel("/t/opt_abc/sample/noarch/repodata.json")).toBe("/t/{token}/*");
    expect(routeLabel("/invitations/inv_123")).toBe("/invitations/{token}");
    expect(routeLabel("/api/organizations/acme/service-accounts/osc_1")).toBe("/api/organizations/{orgId}/service-accounts/{clientId}");
    expect(routeLabel("/api/tokens/check")).toBe("/api/tokens/check");
    expect(routeLabel("/api/metrics")).toBe("/api/metrics");
    expect(routeLabel("/_next/static/chunks/x.js")).toBe("/_next/*");
    expect(routeLabel("/")).toBe("/");
  });

  it("prefers a fixed segment over a parameter", () => {
    const table = routeTable(["/organizations/new", "/organizations/{orgId}", "/organizations/{orgId}/users"]);
    expect(routeLabel("/organizations/new", table)).toBe("/organizations/new");
    expect(routeLabel("/organizations/acme", table)).toBe("/organizations/{orgId}");
    // Backtracks to the parameter when the fixed branch has no such route.
    expect(routeLabel("/organizations/new/users", table)).toBe("/organizations/{orgId}/users");
  });

  it("gives every path that is not a route one shared label, however many there are", () => {
    const labels = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      labels.add(routeLabel(`/random-${i}`));
      labels.add(routeLabel(`/wp-admin/${i}/setup.php`));
      labels.add(routeLabel(`/api/organizations/acme/nothing-${i}`));
      labels.add(routeLabel(`/organizations/acme/users/extra/${i}`));
    }
    // Unknown API paths reach the API's catch-all (its 404 answer): still one label.
    expect([...labels].sort()).toEqual(["/api/*", UNMATCHED_ROUTE]);
    expect(routeLabel(`/${"a/".repeat(100)}`)).toBe(UNMATCHED_ROUTE);
  });

  it("matches catch-all and optional catch-all routes", () => {
    const table = routeTable(["/api/auth/*", "/docs/*?", "/docs/intro"]);
    expect(routeLabel("/api/auth/callback/credentials", table)).toBe("/api/auth/*");
    expect(routeLabel("/api/auth", table)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel("/docs", table)).toBe("/docs/*?");
    expect(routeLabel("/docs/intro", table)).toBe("/docs/intro");
    expect(routeLabel("/docs/a/b", table)).toBe("/docs/*?");
  });

  it("reads the routes from app/, dropping route groups", () => {
    const routes = scanAppRoutes("app");
    expect(routes).toContain("/organizations/{orgId}/users");
    expect(routes).toContain("/api/auth/*");
    expect(routes).toContain("/sign-in");
    expect(routes.some((r) => r.includes("("))).toBe(false);
  });

  it("finds the org in portal and API paths", () => {
    expect(orgFromPath("/organizations/acme/users")).toBe("acme");
    expect(orgFromPath("/api/organizations/acme")).toBe("acme");
    expect(orgFromPath("/organizations")).toBeUndefined();
  });
});
