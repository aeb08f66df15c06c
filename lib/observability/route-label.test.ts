import { describe, expect, it } from "vitest";
import { orgFromPath, routeLabel } from "./route-label";

describe("routeLabel", () => {
  it("turns ids, slugs and tokens into placeholders", () => {
    expect(routeLabel("/api/organizations/acme/users/0b0f8e9e-6a57-4c3c-9d1e-2f3a4b5c6d7e/seats")).toBe(
      "/api/organizations/{orgId}/users/{userId}/seats",
    );
    expect(routeLabel("/organizations/acme-labs/users")).toBe("/organizations/{orgId}/users");
    expect(routeLabel("/t/opt_abc/sample/noarch/repodata.json")).toBe("/t/{token}/*");
    expect(routeLabel("/invitations/inv_123")).toBe("/invitations/{token}");
    expect(routeLabel("/api/organizations/acme/service-accounts/osc_1")).toBe("/api/organizations/{orgId}/service-accounts/{clientId}");
    expect(routeLabel("/")).toBe("/");
  });

  it("finds the org in portal and API paths", () => {
    expect(orgFromPath("/organizations/acme/users")).toBe("acme");
    expect(orgFromPath("/api/organizations/acme")).toBe("acme");
    expect(orgFromPath("/organizations")).toBeUndefined();
  });
});
