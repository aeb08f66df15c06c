import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { signUp } from "./sign-up";
import { verifyCredentials } from "./verify-credentials";

useTestDatabase();

const password = "correct horse battery";

async function counts() {
  const [[users], [outbox]] = await Promise.all([
    db().select({ n: count() }).from(t.users),
    db().select({ n: count() }).from(t.emailOutbox),
  ]);
  return { users: users.n, outbox: outbox.n };
}

describe("signUp", () => {
  it("trims and lower-cases the email, hashes the password with argon2id, records it", async () => {
    const user = await signUp({ name: " Ada ", email: "  Ada.Lovelace@Example.COM ", password }, { ip: "198.51.100.4" });
    expect(user).toMatchObject({ name: "Ada", email: "ada.lovelace@example.com" });

    const [row] = await db().select().from(t.users).where(eq(t.users.id, user.id));
    expect(row.email).toBe("ada.lovelace@example.com");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(password);

    const events = await db().select().from(t.activity).where(eq(t.activity.targetId, user.id));
    // The first account of this (fresh) instance also becomes its instance admin.
    expect(events).toEqual([
      expect.objectContaining({ action: "user.signed_up", actorId: user.id, ip: "198.51.100.4" }),
      expect.objectContaining({ action: "instance.admin_claimed", actorId: user.id }),
    ]);
  });

  it("enqueues the welcome email, with the link that verifies the address, in the outbox", async () => {
    const user = await signUp({ name: "Grace", email: "grace@example.com", password });
    const mail = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.to, user.email!));
    expect(mail).toEqual([
      expect.objectContaining({ template: "verify-email", status: "pending", attempts: 0, subject: expect.stringMatching(/Welcome/) }),
    ]);
    expect(mail[0].html).toContain("Welcome, Grace!");
    expect(mail[0].text).toMatch(/welcome, grace/i);
    expect(mail[0].text).toMatch(/https?:\/\/\S+\/verify-email\/\S+/);
  });

  it("writes the email in the same transaction: if the outbox insert fails, no account exists", async () => {
    // NOT VALID: existing rows are not checked, every new row fails.
    await db().execute(sql`ALTER TABLE email_outbox ADD CONSTRAINT test_refuse_mail CHECK (false) NOT VALID`);
    try {
      const before = await counts();
      await expect(signUp({ name: "Lost", email: "lost@example.com", password })).rejects.toThrow();
      expect(await counts()).toEqual(before);
    } finally {
      await db().execute(sql`ALTER TABLE email_outbox DROP CONSTRAINT test_refuse_mail`);
    }
  });

  it("refuses an email that exists in another case, on the email field, creating nothing", async () => {
    await signUp({ name: "Linus", email: "linus@example.com", password });
    const before = await counts();
    const err = await rejectionOf(signUp({ name: "Imposter", email: " LINUS@example.COM", password }));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "conflict", fields: { email: expect.stringMatching(/already exists/) } });
    expect(await counts()).toEqual(before);
  });

  it("refuses a password shorter than 8 characters and a malformed email", async () => {
    const before = await counts();
    const short = await rejectionOf(signUp({ name: "Short", email: "short@example.com", password: "1234567" }));
    expect(short).toMatchObject({ code: "validation", fields: { password: expect.stringMatching(/at least 8/) } });
    const bad = await rejectionOf(signUp({ name: "Bad", email: "not-an-email", password }));
    expect(bad).toMatchObject({ code: "validation", fields: { email: expect.any(String) } });
    expect(await counts()).toEqual(before);
  });
});

describe("verifyCredentials", () => {
  it("accepts the right password, with the email in any case", async () => {
    const user = await signUp({ name: "Kat", email: "kat@example.com", password });
    await expect(verifyCredentials({ email: " KAT@example.com ", password })).resolves.toEqual({
      id: user.id,
      name: "Kat",
      email: "kat@example.com",
      twoFactor: false,
    });
  });

  it("fails the same way for a wrong password and an unknown email", async () => {
    await signUp({ name: "Mo", email: "mo@example.com", password });
    const wrong = await rejectionOf(verifyCredentials({ email: "mo@example.com", password: "wrong password" }));
    const unknown = await rejectionOf(verifyCredentials({ email: "nobody@example.com", password }));
    expect(wrong).toBeInstanceOf(AppError);
    expect(unknown).toBeInstanceOf(AppError);
    expect((wrong as AppError).code).toBe("unauthenticated");
    expect((unknown as AppError).code).toBe("unauthenticated");
    expect((wrong as AppError).message).toBe((unknown as AppError).message);
    expect((wrong as AppError).fields).toEqual((unknown as AppError).fields);
  });

  it("after 5 failures for one email, refuses even the right password", async () => {
    await signUp({ name: "Eve", email: "eve@example.com", password });
    for (let i = 0; i < 5; i++) {
      const err = await rejectionOf(verifyCredentials({ email: "eve@example.com", password: `guess ${i}` }));
      expect(err).toMatchObject({ code: "unauthenticated" });
    }
    const blocked = await rejectionOf(verifyCredentials({ email: "EVE@example.com", password }));
    expect(blocked).toBeInstanceOf(AppError);
    expect(blocked).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/Try again in/) });
    expect((blocked as AppError).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("checks at most 5 passwords for one email even when guesses arrive in parallel", async () => {
    await signUp({ name: "Par", email: "par@example.com", password });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => verifyCredentials({ email: "par@example.com", password: `guess ${i}` })),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as AppError).code : "ok"));
    expect(codes.filter((c) => c === "unauthenticated").length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c !== "unauthenticated").every((c) => c === "rate_limited")).toBe(true);
    await expect(verifyCredentials({ email: "par@example.com", password })).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("a successful sign-in clears earlier failures", async () => {
    await signUp({ name: "Sam", email: "sam@example.com", password });
    const failFourTimes = async () => {
      for (let i = 0; i < 4; i++) await rejectionOf(verifyCredentials({ email: "sam@example.com", password: "nope nope" }));
    };
    await failFourTimes();
    await verifyCredentials({ email: "sam@example.com", password });
    await failFourTimes();
    await expect(verifyCredentials({ email: "sam@example.com", password })).resolves.toMatchObject({ email: "sam@example.com" });
  });
});
