import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as activityRoute } from "@/app/api/organizations/[orgId]/activity/route";
import { db, t } from "@/db";
import type { Organization } from "@/db/schema";
import { anonymous, type Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { addTestMember, createTestOrg } from "@/lib/domain/members/test-support";
import { addLoginMember, createApiOrg } from "@/test/api";
import { useTestDatabase } from "@/test/db";
import { createTestUser, rejectionOf, type UserActor } from "@/test/factories";
import { exportActivity } from "./export-activity";
import { listActivity } from "./list-activity";

useTestDatabase();

/** Inserts entries with chosen times (ids follow time, as they do in the app). */
async function seed(
  org: Organization,
  rows: Array<{
    action: string;
    actorId?: string;
    actorLabel?: string;
    actorType?: string;
    targetId?: string;
    targetLabel?: string;
    at: Date;
  }>,
) {
  await db()
    .insert(t.activity)
    .values(
      rows.map((r) => ({
        orgId: org.id,
        actorType: r.actorType ?? "user",
        actorId: r.actorId ?? null,
        actorLabel: r.actorLabel ?? null,
        action: r.action,
        targetType: "user",
        targetId: r.targetId ?? null,
        targetLabel: r.targetLabel ?? null,
        ip: "198.51.100.4",
        createdAt: r.at,
      })),
    );
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  // Response.text() would drop the BOM; the file must keep it.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe("activity filters and pagination", () => {
  let org: Organization;
  let admin: UserActor;
  let annie: UserActor;
  let bob: UserActor;
  const base = Date.parse("2026-03-01T00:00:00Z");
  beforeAll(async () => {
    ({ org, admin } = await createTestOrg("Filters"));
    annie = await createTestUser("Annie");
    bob = await createTestUser("Bob");
    // 120 entries, one every 6 hours over 30 days: bob revokes annie's seat on 2026-03-10.
    const rows = Array.from({ length: 120 }, (_, i) => ({
      action: i % 3 === 0 ? "seat.assigned" : "member.role_changed",
      actorId: admin.userId,
      actorLabel: admin.label,
      targetId: bob.userId,
      targetLabel: bob.label,
      at: new Date(base + i * 6 * 3_600_000),
    }));
    rows[37] = {
      action: "seat.revoked",
      actorId: bob.userId,
      actorLabel: bob.label,
      targetId: annie.userId,
      targetLabel: annie.label,
      at: new Date(base + 37 * 6 * 3_600_000),
    };
    await seed(org, rows);
  });

  const all = async (filter: Record<string, string>) => {
    const out = [];
    let cursor: string | undefined;
    do {
      const page = await listActivity(admin, org.slug, { ...filter, cursor });
      out.push(...page.entries);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  };

  it("pages newest first by id, with no gaps or repeats", async () => {
    const entries = await all({});
    const seeded = entries.filter((e) => e.action !== "organization.created");
    expect(seeded).toHaveLength(120);
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("answers who removed Annie's seat, when and from where", async () => {
    const [hit, ...rest] = await all({ target: annie.label, action: "seat.revoked", from: "2026-03-10", to: "2026-03-10" });
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ actorLabel: bob.label, ip: "198.51.100.4", targetLabel: annie.label });
    expect(hit.createdAt.toISOString().slice(0, 10)).toBe("2026-03-10");
  });

  it("filters by actor (id, email), action, target (id, label) and date range", async () => {
    expect(await all({ actor: bob.userId })).toHaveLength(1);
    expect(await all({ actor: bob.label.toUpperCase() })).toHaveLength(1);
    expect(await all({ actor: "nobody@example.test" })).toHaveLength(0);
    expect((await all({ action: "seat.assigned" })).filter((e) => e.createdAt.getTime() >= base)).toHaveLength(40);
    expect(await all({ target: annie.userId })).toHaveLength(1);
    expect(await all({ target: bob.label })).toHaveLength(119);
    // 2026-03-02 and 03-03 inclusive: 8 entries (every 6 hours).
    const days = await all({ from: "2026-03-02", to: "2026-03-03" });
    expect(days).toHaveLength(8);
    expect(days.every((e) => e.createdAt >= new Date("2026-03-02T00:00:00Z") && e.createdAt < new Date("2026-03-04T00:00:00Z"))).toBe(true);
    // ISO times: `to` exclusive.
    expect(await all({ from: "2026-03-02T00:00:00Z", to: "2026-03-02T12:00:00Z" })).toHaveLength(2);
    expect(await all({ from: "2027-01-01" })).toHaveLength(0);
    expect(await all({ to: "2020-01-01" })).toHaveLength(0);
    expect(await all({ from: "2026-03-05", to: "2026-03-04" })).toHaveLength(0);
    expect(await all({ actor: admin.label, from: "2026-03-02", to: "2026-03-02", action: "seat.assigned" })).toHaveLength(1);
  });

  it("keeps entries whose time is out of id order inside the date window (a long transaction)", async () => {
    // Inserted last (highest id) but dated before later entries, as a transaction that began at
    // 17:30 and committed after the 18:00 entry would be.
    await seed(org, [{ action: "member.removed", targetLabel: "late@example.test", at: new Date("2026-03-02T17:30:00Z") }]);
    const found = await all({ from: "2026-03-02", to: "2026-03-02" });
    expect(found.map((e) => e.action)).toContain("member.removed");
  });

  it("refuses malformed filters with field errors", async () => {
    for (const [field, value] of [
      ["action", "DROP TABLE"],
      ["from", "yesterday"],
      ["to", "2026-13-45"],
      ["cursor", "-1"],
      ["actor", "x".repeat(300)],
    ]) {
      const err = await rejectionOf(listActivity(admin, org.slug, { [field]: value }));
      expect(err, field).toMatchObject({ code: "validation", fields: { [field]: expect.any(String) } });
    }
  });

  it("exports the filtered log as CSV and JSON lines, streamed in batches", async () => {
    const csv = await readAll((await exportActivity(admin, org.slug, { target: bob.label }, "csv")).stream);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("\uFEFFid,created_at,actor_type,actor_id,actor_label,action,target_type,target_id,target_label,ip,metadata");
    expect(lines).toHaveLength(120);
    const jsonl = await readAll((await exportActivity(admin, org.slug, { action: "seat.revoked" }, "jsonl")).stream);
    const parsed = jsonl
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(parsed).toEqual([
      expect.objectContaining({ action: "seat.revoked", target_label: annie.label, actor_type: "user", ip: "198.51.100.4" }),
    ]);
  });

  it("exports more than one batch in order, and neutralises spreadsheet formulas", async () => {
    const { org: big, admin: bigAdmin } = await createTestOrg("Big");
    await seed(
      big,
      Array.from({ length: 2500 }, (_, i) => ({
        action: "seat.assigned",
        targetLabel: i === 0 ? '=HYPERLINK("x")' : `t${i}`,
        at: new Date(base + i * 1000),
      })),
    );
    const jsonl = await readAll((await exportActivity(bigAdmin, big.slug, { action: "seat.assigned" }, "jsonl")).stream);
    const ids = jsonl
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).id);
    expect(ids).toHaveLength(2500);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const csv = await readAll((await exportActivity(bigAdmin, big.slug, { target: '=HYPERLINK("x")' }, "csv")).stream);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe("authorization matrix: activity read", () => {
  it("lets admins and the org's service accounts read; refuses everyone else", async () => {
    const { org, admin } = await createTestOrg("Audit");
    const member = await addTestMember(org, "member");
    const billing = await addTestMember(org, "billing_manager");
    const stranger = await createTestUser("Stranger");
    const other = await createTestOrg("Elsewhere");
    const sa: Actor = { kind: "service_account", serviceAccountId: crypto.randomUUID(), orgId: org.id, label: "bot" };
    const cases: Array<[string, Actor, string | null]> = [
      ["anonymous", anonymous(), "unauthenticated"],
      ["non-member", stranger, "not_found"],
      ["Member", member, "forbidden"],
      ["Billing Manager", billing, "forbidden"],
      ["Admin of another org", other.admin, "not_found"],
      ["Admin", admin, null],
      ["service account", sa, null],
    ];
    for (const [who, actor, code] of cases) {
      for (const run of [() => listActivity(actor, org.slug), () => exportActivity(actor, org.slug, {}, "csv")]) {
        if (code === null) await expect(run(), who).resolves.toBeTruthy();
        else {
          const err = await rejectionOf(run());
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code, who).toBe(code);
        }
      }
    }
  });

  it("GET /api/organizations/{orgId}/activity: filters, cursor, CSV and JSONL; 401/403/404 for others", async () => {
    const home = await createApiOrg();
    const other = await createApiOrg();
    const member = await addLoginMember(home.org.id, "member");
    const call = (token: string | null, query = "") =>
      callRouteRaw(token, `/api/organizations/${home.org.slug}/activity${query}`, home.org.slug);
    expect((await call(null)).status).toBe(401);
    expect((await call(member.token)).status).toBe(403);
    expect((await call(other.adminToken)).status).toBe(404);
    expect((await call(other.saToken, "?format=csv")).status).toBe(404);
    expect((await call(member.token, "?format=jsonl")).status).toBe(403);
    expect((await call(home.saToken, "?format=xml")).status).toBe(422);
    expect((await call(home.saToken, "?from=nope")).status).toBe(422);
    expect((await call(home.saToken, "?from=nope&format=csv")).status).toBe(422);

    const page = await call(home.saToken);
    expect(page.status).toBe(200);
    const body = JSON.parse(page.text);
    // organization.created, service_account.created and the service account's token_issued.
    expect(body.data.map((e: { action: string }) => e.action)).toEqual([
      "service_account.token_issued",
      "service_account.created",
      "organization.created",
    ]);
    expect(body.next_cursor).toBeNull();
    const filtered = JSON.parse(
      (await call(home.adminToken, `?actor=${encodeURIComponent(home.admin.label)}&action=organization.created`)).text,
    );
    expect(filtered.data).toHaveLength(1);

    const csv = await call(home.saToken, "?format=csv&action=organization.created");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text.trim().split("\r\n")).toHaveLength(2);
    const jsonl = await call(home.adminToken, "?format=jsonl");
    expect(jsonl.headers.get("content-type")).toContain("application/x-ndjson");
    expect(jsonl.text.trim().split("\n")).toHaveLength(3);
  });
});

async function callRouteRaw(token: string | null, url: string, orgId: string) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res = await activityRoute(new Request(`http://localhost${url}`, { headers }), { params: Promise.resolve({ orgId }) });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe("activity is append-only", () => {
  it("has no code path in the app that updates or deletes an entry", () => {
    const offenders: string[] = [];
    const visit = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) visit(full);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
          const src = fs.readFileSync(full, "utf8");
          if (/(update|delete)\(t\.activity\)|(update|delete\s+from)\s+"?activity"?\b/i.test(src)) offenders.push(full);
        }
      }
    };
    for (const dir of ["lib", "app", "components"]) visit(dir);
    expect(offenders).toEqual([]);
  });

  it("keeps an org's entries when things change around them", async () => {
    const { org, admin } = await createTestOrg("Keep");
    const before = await db().select().from(t.activity).where(eq(t.activity.orgId, org.id));
    await listActivity(admin, org.slug);
    expect(await db().select().from(t.activity).where(eq(t.activity.orgId, org.id))).toEqual(before);
  });
});
