import { describe, expect, it } from "vitest";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { check, setSeat } from "@/lib/domain/tokens/member/test-support";
import { useTestDatabase } from "@/test/db";
import { useHotPathProcesses } from "@/test/hot-path-processes";
import { entra, okta } from "./fixtures/idp-bodies";
import { scim, scimOrg, scimRoutes as r } from "./test-support";

// Deprovisioning upstream must stop the member token everywhere at once: this test process
// (A) serves the SCIM calls; two hot-path servers in other OS processes (B and C) answer the
// token check with their own caches, warmed before each deactivation.
const testDb = useTestDatabase();

describe.runIf(testDb.kind === "postgres")("SCIM deprovisioning seen by the token check in other processes", () => {
  const [b, c] = [0, 1];
  const urls = useHotPathProcesses(testDb);
  const warm = async (token: string) => {
    for (const url of urls) for (let i = 0; i < 3; i++) expect((await check(url, token)).status).toBe(204);
  };
  const refusedEverywhere = async (token: string) => {
    // No pause: the very next check through each other process.
    const res = await Promise.all([check(urls[b], token), check(urls[c], token)]);
    expect(res.map((x) => x.status)).toEqual([401, 401]);
  };

  it("active false (Entra's and Okta's PATCH, every round) and DELETE are refused on the very next check in B and C", async () => {
    const home = await scimOrg();
    const userName = `leaver-${Date.now()}@corp.example`;
    const created = await scim(r.users.POST, home.org.slug, home.scimToken, { method: "POST", body: entra.createUser(userName, "leaver") });
    const id = (created.body as { id: string }).id;
    const person = { kind: "user" as const, userId: id, label: userName };
    const patch = (body: unknown) => scim(r.user.PATCH, home.org.slug, home.scimToken, { method: "PATCH", path: `/Users/${id}`, id, body });
    const bodies = [entra.disableUser(), entra.disableUserLegacy(), okta.deactivate()];
    for (let round = 0; round < 9; round++) {
      await setSeat(home.org, id, true);
      const { token } = await issueToken(person, home.org.slug);
      await warm(token);
      expect((await patch(bodies[round % bodies.length])).status).toBe(200);
      await refusedEverywhere(token);
      expect((await patch(okta.reactivate())).status).toBe(200);
      // Reactivated without a seat: the old token stays refused.
      await refusedEverywhere(token);
    }

    await setSeat(home.org, id, true);
    const { token } = await issueToken(person, home.org.slug);
    await warm(token);
    expect((await scim(r.user.DELETE, home.org.slug, home.scimToken, { method: "DELETE", path: `/Users/${id}`, id })).status).toBe(204);
    await refusedEverywhere(token);
  });
});
