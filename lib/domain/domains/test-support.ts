// Test-only: a real DNS server for domain verification, verified-domain helpers, and the domain
// use cases for the table that checks every mutation records activity.
import { randomBytes } from "node:crypto";
import type { Organization } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { resetConfig } from "@/lib/config";
import { addTestMember, createTestOrg, giveSubscription } from "@/lib/domain/members/test-support";
import { startTxtServer, type TxtServer } from "@/test/dns-server";
import { addDomain } from "./add-domain";
import { joinOrganization } from "./join-organization";
import { removeDomain } from "./remove-domain";
import { setDomainJoin } from "./set-domain-join";
import { verifyDomain } from "./verify-domain";
import { db, t } from "@/db";

let server: Promise<TxtServer> | null = null;

/** One DNS server per test process; DNS_SERVERS points at it from the first call on. */
export async function testDns(): Promise<TxtServer> {
  server ??= startTxtServer().then((s) => {
    process.env.DNS_SERVERS = s.address;
    resetConfig();
    return s;
  });
  return server;
}

export const uniqueDomain = (prefix = "corp") => `${prefix}-${randomBytes(4).toString("hex")}.example`;

/** Adds a domain, publishes its record on the test DNS server and verifies it. */
export async function verifiedDomain(admin: Actor, org: Organization, domain = uniqueDomain()) {
  const dns = await testDns();
  const added = await addDomain(admin, org.slug, { domain });
  dns.publish(added.record_name, added.record_value);
  const result = await verifyDomain(admin, org.slug, domain);
  if (result.outcome !== "verified") throw new Error(`Domain ${domain} did not verify: ${result.outcome}`);
  return domain;
}

/** An account with this address, verified or not. */
export async function accountAt(email: string, { verified = true } = {}) {
  const [user] = await db()
    .insert(t.users)
    .values({ name: email.split("@")[0], email, emailVerifiedAt: verified ? new Date() : null })
    .returning();
  return { kind: "user" as const, userId: user.id, label: email, ip: "203.0.113.8" };
}

type Kind = "user" | "service_account";
type DomainCase = { useCase: string; kind: Kind; actions: string[]; setup: () => Promise<{ actor: Actor; act: () => Promise<unknown> }> };

async function world() {
  const { org, admin } = await createTestOrg("Dom");
  await giveSubscription(org, 10);
  await addTestMember(org, "member");
  return { org, admin };
}

// Domains are an admin's setting (settings.update): service accounts cannot change them, so
// every case acts as a person.
export const domainCases: DomainCase[] = [
  {
    useCase: "addDomain",
    kind: "user",
    actions: ["domain.added"],
    setup: async () => {
      const w = await world();
      return { actor: w.admin, act: () => addDomain(w.admin, w.org.slug, { domain: uniqueDomain() }) };
    },
  },
  {
    useCase: "verifyDomain",
    kind: "user",
    actions: ["domain.verified"],
    setup: async () => {
      const w = await world();
      const dns = await testDns();
      const added = await addDomain(w.admin, w.org.slug, { domain: uniqueDomain() });
      dns.publish(added.record_name, added.record_value);
      return { actor: w.admin, act: () => verifyDomain(w.admin, w.org.slug, added.domain) };
    },
  },
  {
    useCase: "removeDomain",
    kind: "user",
    actions: ["domain.removed"],
    setup: async () => {
      const w = await world();
      const added = await addDomain(w.admin, w.org.slug, { domain: uniqueDomain() });
      return { actor: w.admin, act: () => removeDomain(w.admin, w.org.slug, added.domain) };
    },
  },
  {
    useCase: "setDomainJoin",
    kind: "user",
    actions: ["settings.changed"],
    setup: async () => {
      const w = await world();
      return { actor: w.admin, act: () => setDomainJoin(w.admin, w.org.slug, { allowed: true }) };
    },
  },
  {
    useCase: "joinOrganization",
    kind: "user",
    actions: ["member.joined"],
    setup: async () => {
      const w = await world();
      const domain = await verifiedDomain(w.admin, w.org);
      await setDomainJoin(w.admin, w.org.slug, { allowed: true });
      const person = await accountAt(`joiner@${domain}`);
      return { actor: person, act: () => joinOrganization(person, w.org.slug) };
    },
  },
];
