import type { TokenStatus } from "@/lib/domain/members/list-members";
import type { AssignOutcome } from "@/lib/domain/seats/assign-seats";
import type { RevokeOutcome } from "@/lib/domain/seats/revoke-seats";

export const formatDate = (iso: string) => new Date(iso).toLocaleDateString("en", { dateStyle: "medium", timeZone: "UTC" });

export function tokenLabel(token: TokenStatus) {
  if (token.state === "none") return "None";
  if (token.state === "expired") return "Expired";
  return `Active until ${formatDate(token.expiresAt)}`;
}

export const outcomeLabels: Record<AssignOutcome | RevokeOutcome, string> = {
  assigned: "Seat assigned",
  already_assigned: "Already had a seat",
  no_seat_available: "Not assigned: no seat available",
  not_member: "Not a member any more",
  revoked: "Seat revoked",
  had_no_seat: "Had no seat",
};

export const successOutcomes = new Set(["assigned", "revoked"]);
