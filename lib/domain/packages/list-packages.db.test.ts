import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { createChannel } from "@/lib/domain/channels/create-channel";
import { createTestOrg } from "@/lib/domain/members/test-support";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { loadRepodataText } from "./repodata";
import { listPackagesPage, PACKAGES_PAGE_SIZE } from "./list-packages";

useTestDatabase();

const channelIdOf = async (orgId: string) =>
  ((await db().execute(sql`select id from channels where org_id = ${orgId}`)) as unknown as { rows: Array<{ id: string }> }).rows[0].id;

/** Package rows written directly (what is under test is paging and assembly, not archive reading). */
async function seedPackages(orgId: string, channelId: string, n: number) {
  await db().execute(sql`
    insert into packages (channel_id, org_id, subdir, filename, name, version, build, size, sha256, md5, record)
    select ${channelId}, ${orgId}, case when g % 2 = 0 then 'noarch' else 'linux-64' end,
      'p' || lpad(g::text, 4, '0') || '-1.0-0' || case when g % 3 = 0 then '.tar.bz2' else '.conda' end,
      'p' || lpad(g::text, 4, '0'), '1.0', '0', 1, 'x', 'y', jsonb_build_object('name', 'p' || g, 'n', g)
    from generate_series(1, ${n}) g`);
  await db().execute(sql`insert into channel_repodata (channel_id, subdir) values (${channelId}, 'noarch'), (${channelId}, 'linux-64')`);
}

describe("the channel page's packages", () => {
  it("pages by (name, filename, subdir) with a cursor, every package once; a bad cursor is the first page", async () => {
    const { org, admin } = await createTestOrg("Paging");
    await createChannel(admin, org.slug, { name: "big" });
    const channelId = await channelIdOf(org.id);
    await seedPackages(org.id, channelId, 250);

    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 5; pages++) {
      const page = await listPackagesPage(admin, org.slug, "big", { after });
      seen.push(...page.packages.map((p) => `${p.subdir}/${p.filename}`));
      expect(page.channel.package_count).toBe(250);
      if (!page.next) break;
      expect(page.packages).toHaveLength(PACKAGES_PAGE_SIZE);
      after = page.next;
    }
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    const names = seen.map((s) => s.split("/")[1]);
    expect(names).toEqual([...names].sort());
    const first = await listPackagesPage(admin, org.slug, "big", { after: "not-a-cursor" });
    expect(first.packages[0].filename).toBe(names[0]);

    // Another org's admin: the channel does not exist for them.
    const other = await createTestOrg("Other");
    expect(String(await rejectionOf(listPackagesPage(other.admin, org.slug, "big")))).toMatch(/not found/i);
  });

  it("assembles each subdir's repodata.json from the package rows, by format", async () => {
    const { org, admin } = await createTestOrg("Assembly");
    await createChannel(admin, org.slug, { name: "docs" });
    const channelId = await channelIdOf(org.id);
    await seedPackages(org.id, channelId, 12);
    const doc = JSON.parse((await loadRepodataText(db(), channelId, "noarch"))!.text) as {
      info: { subdir: string };
      packages: Record<string, { n: number }>;
      "packages.conda": Record<string, { n: number }>;
    };
    expect(doc.info.subdir).toBe("noarch");
    expect(Object.keys(doc.packages)).toEqual(["p0006-1.0-0.tar.bz2", "p0012-1.0-0.tar.bz2"]);
    expect(Object.keys(doc["packages.conda"])).toEqual([
      "p0002-1.0-0.conda",
      "p0004-1.0-0.conda",
      "p0008-1.0-0.conda",
      "p0010-1.0-0.conda",
    ]);
    expect(doc["packages.conda"]["p0004-1.0-0.conda"].n).toBe(4);
    expect(await loadRepodataText(db(), channelId, "osx-arm64")).toBeNull();
  });
});
