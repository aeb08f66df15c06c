import { Resolver } from "node:dns/promises";
import { config } from "@/lib/config";
import { challengeRecordName, type verifyOutcomes } from "@/lib/validation/domains";

export type ChallengeOutcome = (typeof verifyOutcomes)[number];

// Codes node:dns gives when the name or its TXT records do not exist (as opposed to a resolver
// that could not be reached or answered with an error).
const ABSENT = new Set(["ENODATA", "ENOTFOUND", "NXDOMAIN"]);

/**
 * Looks up `_org-portal-challenge.<domain>` TXT and says whether one of its records is exactly
 * the expected value. Asks the resolvers of DNS_SERVERS when set (tests and closed networks run
 * their own), otherwise the system's; a few seconds at most, so a page never hangs on DNS.
 */
export async function lookupChallenge(domain: string, expected: string): Promise<ChallengeOutcome> {
  const resolver = new Resolver({ timeout: 2500, tries: 2 });
  const servers = config().dnsServers;
  if (servers?.length) resolver.setServers(servers);
  let records: string[][];
  try {
    records = await resolver.resolveTxt(challengeRecordName(domain));
  } catch (err) {
    const code = (err as { code?: string }).code;
    return code && ABSENT.has(code) ? "no_record" : "lookup_failed";
  }
  // A long TXT value arrives in 255-byte chunks: joined, they are the record.
  const values = records.map((chunks) => chunks.join("").trim());
  if (values.includes(expected)) return "verified";
  return values.length > 0 ? "wrong_value" : "no_record";
}

export const challengeMessages: Record<ChallengeOutcome, string> = {
  verified: "Verified: the TXT record was found.",
  wrong_value: "A TXT record was found, but its value is not the one shown here. Publish the value shown and try again.",
  no_record: "No TXT record was found yet. DNS changes can take a while to appear; try again later.",
  lookup_failed: "The DNS lookup failed. Try again in a moment.",
};
