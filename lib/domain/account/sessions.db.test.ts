import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { endSession, endSessionsOf, findLiveSession, startSession } from "@/lib/auth/session-store";
import { serviceAccountOf, createTestOrg } from "@/lib/domain/members/test-support";
import { useTestDatabase } from "@/test/db";
import { createTestUser, rejectionOf } from "@/test/factories";
import { listSessions, signOutOtherSessions, signOutSession } from "./sessions";

useTestDatabase();

describe("server-side sessions", () => {
  it("a session row is live until it is ended, and only for its own user", async () => {
    const ada = await createTestUser("Ada");
    const bob = await createTestUser("Bob");
    const sid = await startSession(ada.userId, { userAgent: "Mozilla/5.0 Firefox/130.0", ip: "198.51.100.1" });
    expect(await findLiveSession(sid, ada.userId)).toMatchObject({ id: sid, userAgent: "Mozilla/5.0 Firefox/130.0" });
    expect(await findLiveSession(sid, bob.userId)).toBeNull();
    expect(await findLiveSession("not-a-uuid", ada.userId)).toBeNull();
    expect(await findLiveSession(undefined, ada.userId)).toBeNull();
    await endSession(sid);
    expect(await findLiveSession(sid, ada.userId)).toBeNull();
  });

  it("marks the session seen at most once a minute", async () => {
    const ada = await createTestUser("Ada");
    const sid = await startSession(ada.userId, {});
    const [before] = await db().select().from(t.userSessions).where(eq(t.userSessions.id, sid));
    await findLiveSession(sid, ada.userId, new Date(before.lastSeenAt.getTime() + 30_000));
    const [soon] = await db().select().from(t.userSessions).where(eq(t.userSessions.id, sid));
    expect(soon.lastSeenAt).toEqual(before.lastSeenAt);
    const later = new Date(before.lastSeenAt.getTime() + 5 * 60_000);
    await findLiveSession(sid, ada.userId, later);
    const [after] = await db().select().from(t.userSessions).where(eq(t.userSessions.id, sid));
    expect(after.lastSeenAt).toEqual(later);
  });

  it("endSessionsOf ends all of one account's sessions, or all but one", async () => {
    const ada = await createTestUser("Ada");
    const bob = await createTestUser("Bob");
    const [a1, a2, a3, b1] = await Promise.all([
      startSession(ada.userId, {}),
      startSession(ada.userId, {}),
      startSession(ada.userId, {}),
      startSession(bob.userId, {}),
    ]);
    expect(await endSessionsOf(db(), ada.userId, a2)).toBe(2);
    expect(await findLiveSession(a1, ada.userId)).toBeNull();
    expect(await findLiveSession(a3, ada.userId)).toBeNull();
    expect(await findLiveSession(a2, ada.userId)).not.toBeNull();
    expect(await findLiveSession(b1, bob.userId)).not.toBeNull();
    expect(await endSessionsOf(db(), ada.userId)).toBe(1);
  });
});

describe("Sessions on the account page", () => {
  it("lists the caller's own sessions, the current one marked", async () => {
    const ada = await createTestUser("Ada");
    const bob = await createTestUser("Bob");
    const here = await startSession(ada.userId, { userAgent: "here" });
    await startSession(ada.userId, { userAgent: "there" });
    await startSession(bob.userId, { userAgent: "bob" });
    const list = await listSessions(ada, here);
    expect(list.map((s) => [s.userAgent, s.current]).sort()).toEqual([
      ["here", true],
      ["there", false],
    ]);
  });

  it("Sign Out ends one of the caller's sessions and records it without an org", async () => {
    const ada = await createTestUser("Ada");
    const other = await startSession(ada.userId, {});
    await signOutSession(ada, { sessionId: other });
    expect(await findLiveSession(other, ada.userId)).toBeNull();
    const [entry] = await db().select().from(t.activity).where(eq(t.activity.action, "account.session_ended"));
    expect(entry).toMatchObject({ orgId: null, actorId: ada.userId, targetId: ada.userId });
  });

  it("nobody can end another account's session: it looks like an ended one", async () => {
    const ada = await createTestUser("Ada");
    const mallory = await createTestUser("Mallory");
    const sid = await startSession(ada.userId, {});
    expect(await rejectionOf(signOutSession(mallory, { sessionId: sid }))).toMatchObject({ code: "not_found" });
    expect(await rejectionOf(signOutSession(mallory, { sessionId: "x'; drop table users" }))).toMatchObject({ code: "not_found" });
    const { org } = await createTestOrg("Sessions");
    expect(await rejectionOf(signOutSession(serviceAccountOf(org), { sessionId: sid }))).toMatchObject({ code: "unauthenticated" });
    expect(await rejectionOf(signOutOtherSessions(serviceAccountOf(org), { currentSessionId: null }))).toMatchObject({
      code: "unauthenticated",
    });
    expect(await findLiveSession(sid, ada.userId)).not.toBeNull();
  });

  it("Sign Out Other Sessions keeps the current one", async () => {
    const ada = await createTestUser("Ada");
    const here = await startSession(ada.userId, {});
    const others = await Promise.all([startSession(ada.userId, {}), startSession(ada.userId, {})]);
    expect(await signOutOtherSessions(ada, { currentSessionId: here })).toEqual({ ended: 2 });
    expect(await findLiveSession(here, ada.userId)).not.toBeNull();
    for (const o of others) expect(await findLiveSession(o, ada.userId)).toBeNull();
  });
});
