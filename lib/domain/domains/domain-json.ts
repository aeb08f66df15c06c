import type { OrgDomain } from "@/db/schema";
import type { z } from "zod";
import { challengeRecordName, type domainSchema } from "@/lib/validation/domains";

export type DomainJson = z.infer<typeof domainSchema>;

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
