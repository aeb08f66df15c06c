"use server";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { changeMemberRole } from "@/lib/domain/members/change-member-role";
import { leaveOrganization } from "@/lib/domain/members/leave-organization";
import { listMembers } from "@/lib/domain/members/list-members";
import { removeMember } from "@/lib/domain/members/remove-member";
import { assignSeat, assignSeats } from "@/lib/domain/seats/assign-seats";
import { revokeSeat, revokeSeats } from "@/lib/domain/seats/revoke-seats";
import type { ChangeRoleInput, ListMembersQuery } from "@/lib/validation/members";

// Thin adapters: the session user acts; every rule and permission lives in lib/domain.

export async function listMembersAction(orgId: string, query: ListMembersQuery) {
  const actor = await requireSessionUser();
  return toActionResult(() => listMembers(actor, orgId, query));
}

export async function assignSeatAction(orgId: string, userId: string) {
  const actor = await requireSessionUser();
  return toActionResult(() => assignSeat(actor, orgId, { userId }));
}

export async function revokeSeatAction(orgId: string, userId: string) {
  const actor = await requireSessionUser();
  return toActionResult(() => revokeSeat(actor, orgId, { userId }));
}

export async function assignSeatsAction(orgId: string, userIds: string[]) {
  const actor = await requireSessionUser();
  return toActionResult(() => assignSeats(actor, orgId, { userIds }));
}

export async function revokeSeatsAction(orgId: string, userIds: string[]) {
  const actor = await requireSessionUser();
  return toActionResult(() => revokeSeats(actor, orgId, { userIds }));
}

export async function changeRoleAction(orgId: string, input: ChangeRoleInput) {
  const actor = await requireSessionUser();
  return toActionResult(() => changeMemberRole(actor, orgId, input));
}

export async function removeMemberAction(orgId: string, userId: string) {
  const actor = await requireSessionUser();
  return toActionResult(() => removeMember(actor, orgId, { userId }));
}

export async function leaveOrganizationAction(orgId: string) {
  const actor = await requireSessionUser();
  return toActionResult(() => leaveOrganization(actor, orgId));
}
