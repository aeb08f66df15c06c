"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import {
  assignSeatAction,
  assignSeatsAction,
  changeRoleAction,
  removeMemberAction,
  revokeSeatAction,
  revokeSeatsAction,
} from "@/lib/actions/members";
import { syncTokenAction } from "@/lib/actions/token-access";
import type { Role } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { roleLabels } from "@/lib/authz/policy";
import type { MemberRow } from "@/lib/domain/members/list-members";
import type { BulkResult } from "./bulk-result";
import type { MemberActionHandlers } from "./member-actions";

/** Runs the member actions, says what happened, and refreshes the table (and the page). */
export function useMemberMutations(orgId: string, onBulkResult: (r: BulkResult) => void) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const subscriptionUrl = `/organizations/${orgId}/subscription`;

  const refresh = () => queryClient.invalidateQueries({ queryKey: ["members", orgId] });

  const report = <T>(result: ActionResult<T>, success: (data: T) => string) => {
    if (result.ok) toast.success(success(result.data));
    else if (result.code === "no_seat_available" || result.code === "no_subscription") {
      toast.error(result.error, { action: { label: "Subscription", onClick: () => router.push(subscriptionUrl) } });
    } else toast.error(result.error);
    return result.ok;
  };

  const handlers: MemberActionHandlers = {
    async assignSeat(m: MemberRow) {
      report(await assignSeatAction(orgId, m.userId), () => `Seat assigned to ${m.name}.`);
      await refresh();
    },
    async revokeSeat(m: MemberRow) {
      report(await revokeSeatAction(orgId, m.userId), () => `Seat revoked from ${m.name}; their token no longer works.`);
      await refresh();
    },
    async changeRole(m: MemberRow, role: Role) {
      report(await changeRoleAction(orgId, { userId: m.userId, role }), () => `${m.name} is now ${roleLabels[role]}.`);
      await refresh();
    },
    async syncToken(m: MemberRow) {
      const result = await syncTokenAction(orgId, { userId: m.userId });
      report(
        result,
        (d) =>
          `${m.name}'s token now expires with the subscription period, on ${new Date(d.expiresAt).toLocaleDateString("en", { dateStyle: "long" })}.`,
      );
      await refresh();
    },
    async remove(m: MemberRow) {
      report(await removeMemberAction(orgId, m.userId), () => `${m.name} was removed from the organization.`);
      await refresh();
    },
  };

  async function bulk(kind: "assign" | "revoke", userIds: string[]) {
    const result = kind === "assign" ? await assignSeatsAction(orgId, userIds) : await revokeSeatsAction(orgId, userIds);
    if (!result.ok) {
      report(result, () => "");
      return false;
    }
    const done = result.data.results.filter((r) => r.outcome === (kind === "assign" ? "assigned" : "revoked")).length;
    const all = result.data.results.length;
    const message = `${done} of ${all} ${all === 1 ? "seat" : "seats"} ${kind === "assign" ? "assigned" : "revoked"}.`;
    if (done === all) toast.success(message);
    else toast.warning(`${message} See the result for each user.`);
    onBulkResult({ kind, results: result.data.results });
    await refresh();
    return true;
  }

  return { handlers, bulk };
}
