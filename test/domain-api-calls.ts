// The verified-domain routes in the API authorization matrix (lib/http/api-authorization.db.test.ts):
// each makes the domain it acts on first. Changing domains is an Account Admin's (saAllowed: false).
import * as domain from "@/app/api/organizations/[orgId]/domains/[domain]/route";
import * as verify from "@/app/api/organizations/[orgId]/domains/[domain]/verify/route";
import * as domains from "@/app/api/organizations/[orgId]/domains/route";
import { addDomain } from "@/lib/domain/domains/add-domain";
import { testDns, uniqueDomain } from "@/lib/domain/domains/test-support";
import type { createApiOrg } from "./api";

type Home = Awaited<ReturnType<typeof createApiOrg>>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const base = "/api/organizations/{orgId}/domains";

/** A pending domain whose TXT record is published on the test DNS server, so Verify succeeds. */
async function aPublishedDomain(home: Home) {
  const dns = await testDns();
  const added = await addDomain(home.admin, home.org.slug, { domain: uniqueDomain("matrix") });
  dns.publish(added.record_name, added.record_value);
  return { params: { domain: added.domain } };
}

export const domainCalls: Array<{
  name: string;
  path: string;
  handler: Handler;
  method: string;
  body?: unknown;
  saAllowed?: false;
  prepare?: (home: Home) => Promise<{ params?: Record<string, string>; body?: unknown }>;
}> = [
  { name: "GET domains", path: base, handler: domains.GET, method: "GET" },
  {
    name: "POST domains",
    path: base,
    handler: domains.POST,
    method: "POST",
    saAllowed: false,
    prepare: async () => ({ body: { domain: uniqueDomain("matrix") } }),
  },
  {
    name: "POST domains/{domain}/verify",
    path: `${base}/{domain}/verify`,
    handler: verify.POST,
    method: "POST",
    saAllowed: false,
    prepare: aPublishedDomain,
  },
  {
    name: "DELETE domains/{domain}",
    path: `${base}/{domain}`,
    handler: domain.DELETE,
    method: "DELETE",
    saAllowed: false,
    prepare: aPublishedDomain,
  },
];
