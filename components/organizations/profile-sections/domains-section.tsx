import { AddDomainDialog } from "@/components/domains/add-domain-dialog";
import { DomainJoinSwitch } from "@/components/domains/domain-join-switch";
import { DomainRow } from "@/components/domains/domain-row";
import { Card, EmptyState } from "@/components/ui/card";
import { TBody, THead, Table, Th } from "@/components/ui/table";
import { requireSessionUser } from "@/lib/auth/session";
import { PENDING_CLAIM_DAYS } from "@/lib/domain/domains/add-domain";
import { listDomains } from "@/lib/domain/domains/list-domains";

// The "Domains" section of Org Profile (admins): prove the org owns email domains with a TXT
// record, then let people with addresses there join (and be added without an invitation).
export async function DomainsSection({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  if (!canManage) return null;
  const user = await requireSessionUser();
  const { domains, allow_domain_join } = await listDomains(user, orgId);
  return (
    <Card className="mt-6 p-6" id="domains">
      <section aria-labelledby="domains-heading">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h2 id="domains-heading" className="text-base font-semibold text-zinc-900">
              Domains
            </h2>
            <p className="mt-1 max-w-prose text-sm text-zinc-600">
              Prove your organization owns an email domain by publishing a TXT record in its DNS. People whose verified address is in a
              verified domain can be added through the API without an invitation, and can join by themselves when you allow it. Verify
              within {PENDING_CLAIM_DAYS} days: after that, an unverified domain goes to another organization that adds it.
            </p>
          </div>
          <AddDomainDialog orgId={orgId} />
        </div>
        <div className="mt-4">
          {domains.length === 0 ? (
            <EmptyState title="No domains yet">Add a domain, publish the TXT record it shows, then Verify.</EmptyState>
          ) : (
            <Table aria-label="Domains">
              <THead>
                <tr>
                  <Th>Domain and TXT record</Th>
                  <Th>Status</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </THead>
              <TBody>
                {domains.map((d) => (
                  <DomainRow key={d.domain} orgId={orgId} domain={d} />
                ))}
              </TBody>
            </Table>
          )}
        </div>
        <div className="mt-4 border-t border-zinc-100 pt-2">
          <DomainJoinSwitch orgId={orgId} allowed={allow_domain_join} />
        </div>
      </section>
    </Card>
  );
}
