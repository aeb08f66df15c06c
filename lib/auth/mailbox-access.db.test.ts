import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as mailboxRoute } from "@/app/api/dev/mailbox/route";
import { db, t } from "@/db";
import { resetConfig } from "@/lib/config";
import { createTestOrg } from "@/lib/domain/members/test-support";
import { createInstanceAdmin, disable } from "@/lib/domain/instance/test-support";
import { listMailbox } from "@/lib/email/mailbox";
import { MAILBOX_RETENTION_MS, purgeOldMailbox } from "@/lib/email/mailbox-retention";
import { callRoute } from "@/test/api";
import { createTestUser } from "@/test/factories";
import { useTestDatabase } from "@/test/db";
import { mayReadMailbox } from "./mailbox-access";

useTestDatabase();

const TOKEN = "mailbox-test-token-0123456789abcdef";
const saved: Record<string, string | undefined> = {};
const setEnv = (vars: Record<string, string | undefined>) => {
  for (const [k, v] of Object.entries(vars)) {
    if (!(k in saved)) saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetConfig();
};

beforeAll(() => setEnv({ MAILBOX_TOKEN: TOKEN, EMAIL_TRANSPORT: "mailbox", RESEND_API_KEY: undefined, SMTP_URL: undefined }));
afterAll(() => setEnv(saved));
beforeEach(() => setEnv({ MAILBOX_TOKEN: TOKEN, EMAIL_TRANSPORT: "mailbox", SMTP_URL: undefined }));

const noHeaders = new Headers();
const signedInAs = (user: { userId: string } | null) => async () => user;

describe("who may read the mailbox", () => {
  it("GET /api/dev/mailbox: 404 without a bearer match, 200 with MAILBOX_TOKEN", async () => {
    await db().insert(t.devMailbox).values({ id: randomUUID(), to: "a@example.test", subject: "Secret link", html: "<p>x</p>", text: "x" });
    for (const token of ["wrong-token", TOKEN.slice(0, -1), `${TOKEN}x`, ""]) {
      const res = await callRoute(mailboxRoute, { path: "/api/dev/mailbox", headers: { authorization: `Bearer ${token}` } });
      expect(res.status, token).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("Secret link");
    }
    const basic = await callRoute(mailboxRoute, { path: "/api/dev/mailbox", headers: { authorization: `Basic ${btoa(`x:${TOKEN}`)}` } });
    expect(basic.status).toBe(404);
    const ok = await callRoute(mailboxRoute, { path: "/api/dev/mailbox", token: TOKEN });
    expect(ok.status).toBe(200);
    expect((ok.body as Array<{ subject: string }>).map((m) => m.subject)).toContain("Secret link");
  });

  it("refuses anonymous callers, plain users, org admins and a disabled instance admin; answers an instance admin", async () => {
    const admin = await createInstanceAdmin();
    const plain = await createTestUser("Plain");
    const { admin: orgAdmin } = await createTestOrg("Mail");
    expect(await mayReadMailbox(noHeaders, signedInAs(null))).toBe(false);
    expect(await mayReadMailbox(noHeaders, signedInAs(plain))).toBe(false);
    expect(await mayReadMailbox(noHeaders, signedInAs(orgAdmin))).toBe(false);
    expect(await mayReadMailbox(noHeaders, signedInAs(admin))).toBe(true);
    // A wrong bearer is refused even beside an admin's session.
    expect(await mayReadMailbox(new Headers({ authorization: "Bearer nope" }), signedInAs(admin))).toBe(false);
    await disable(admin.userId);
    expect(await mayReadMailbox(noHeaders, signedInAs(admin))).toBe(false);
  });

  it("without MAILBOX_TOKEN no bearer opens it", async () => {
    setEnv({ MAILBOX_TOKEN: undefined });
    expect(await mayReadMailbox(new Headers({ authorization: `Bearer ${TOKEN}` }), signedInAs(null))).toBe(false);
    expect((await callRoute(mailboxRoute, { path: "/api/dev/mailbox", token: TOKEN })).status).toBe(404);
  });

  it("does not exist while mail goes out through another transport, not even for the token or an instance admin", async () => {
    const admin = await createInstanceAdmin();
    setEnv({ EMAIL_TRANSPORT: "smtp", SMTP_URL: "smtp://127.0.0.1:2525" });
    expect((await callRoute(mailboxRoute, { path: "/api/dev/mailbox", token: TOKEN })).status).toBe(404);
    expect(await mayReadMailbox(noHeaders, signedInAs(admin))).toBe(false);
  });
});

describe("how long the mailbox keeps a message", () => {
  it("24 hours: older messages are not listed and the purge deletes them", async () => {
    const now = new Date();
    const old = randomUUID();
    const fresh = randomUUID();
    await db()
      .insert(t.devMailbox)
      .values([
        {
          id: old,
          to: "old@example.test",
          subject: "Old",
          html: "",
          text: "",
          createdAt: new Date(now.getTime() - MAILBOX_RETENTION_MS - 60_000),
        },
        {
          id: fresh,
          to: "fresh@example.test",
          subject: "Fresh",
          html: "",
          text: "",
          createdAt: new Date(now.getTime() - MAILBOX_RETENTION_MS + 60_000),
        },
      ]);
    const listed = (await listMailbox()).map((m) => m.id);
    expect(listed).toContain(fresh);
    expect(listed).not.toContain(old);
    expect(await purgeOldMailbox({ now })).toBeGreaterThanOrEqual(1);
    const left = (await db().select({ id: t.devMailbox.id }).from(t.devMailbox)).map((r) => r.id);
    expect(left).toContain(fresh);
    expect(left).not.toContain(old);
  });
});
