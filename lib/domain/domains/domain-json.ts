import type { OrgDomain } from "@/db/schema";
import { challengeRecordName } from "@/lib/validation/domains";

export type DomainJson = {
  domain: string;
  status: "pending" | "verified";
  /** The TXT record to publish: its name and its exact value. */
  record_name: string;
  record_value: string;
  verified_at: string | null;
  created_at: string;
};

/** One shape for the page, the actions and the API. */
export function toDomainJson(row: OrgDomain): DomainJson {
  return {
    domain: row.domain,
    status: row.verifiedAt ? "verified" : "pending",
    record_name: challengeRecordName(row.domain),
    record_value: row.verificationToken,
    verified_at: row.verifiedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}
