import { afterEach, describe, expect, it, vi } from "vitest";
import { db, t } from "@/db";
import { errorToProblem } from "@/lib/http/problem";
import { useTestDatabase } from "@/test/db";
import { describeError, redactMessage } from "./describe-error";

useTestDatabase();

afterEach(() => vi.restoreAllMocks());

const SECRET = "inv_S3cretTokenValue_do_not_log";
let EMAIL = "";

/** A real failed insert: the same email twice, with a secret-looking value in another column. */
async function failedInsert(): Promise<unknown> {
  EMAIL = `someone-private-${crypto.randomUUID()}@example.test`;
  await db().insert(t.users).values({ email: EMAIL, name: "First", passwordHash: SECRET });
  return db()
    .insert(t.users)
    .values({ email: EMAIL, name: "Second", passwordHash: SECRET })
    .then(() => null)
    .catch((err: unknown) => err);
}

describe("database errors in logs", () => {
  it("the raw error does carry the parameters (so redaction is needed)", async () => {
    const err = await failedInsert();
    expect(err).toBeTruthy();
    expect(String(err) + String((err as Error).stack)).toContain(SECRET);
  });

  it("a failed insert's log line carries no parameter values, only the code", async () => {
    const err = await failedInsert();
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
    const res = errorToProblem(err);
    expect(res.status).toBe(500);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(SECRET);
    expect(lines[0]).not.toContain(EMAIL);
    expect(JSON.parse(lines[0])).toMatchObject({ level: "error", code: "23505" });
  });

  it("describeError keeps ordinary errors whole", () => {
    expect(describeError(new Error("boom")).err).toBe("Error: boom");
  });

  it("redacts quoted values and key details", () => {
    expect(redactMessage('invalid input syntax for type uuid: "abc-secret"')).toBe('invalid input syntax for type uuid: "…"');
    expect(redactMessage("Key (email)=(a@b.c) already exists.")).toBe("Key (email)=(…) already exists.");
    expect(redactMessage("Failed query: insert into x values ($1)\nparams: tok,abc")).toBe(
      "Failed query: insert into x values ($1)\nparams: [redacted]",
    );
  });
});
