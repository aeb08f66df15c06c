"use server";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { inviteMembers } from "@/lib/domain/invitations/invite-members";
import { listInvitations } from "@/lib/domain/invitations/list-invitations";
import { removeInvitations } from "@/lib/domain/invitations/remove-invitations";
import { resendInvitations } from "@/lib/domain/invitations/resend-invitations";
import type { InvitationIdsInput, InviteMembersInput, ListInvitationsInput } from "@/lib/validation/invitations";

export async function listInvitationsAction(orgId: string, input: ListInvitationsInput) {
  const actor = await requireSessionUser();
  return toActionResult(() => listInvitations(actor, orgId, input));
}

export async function inviteMembersAction(orgId: string, input: InviteMembersInput) {
  const actor = await requireSessionUser();
  return toActionResult(() => inviteMembers(actor, orgId, input));
}

export async function resendInvitationsAction(orgId: string, input: InvitationIdsInput) {
  const actor = await requireSessionUser();
  return toActionResult(() => resendInvitations(actor, orgId, input));
}

export async function removeInvitationsAction(orgId: string, input: InvitationIdsInput) {
  const actor = await requireSessionUser();
  return toActionResult(() => removeInvitations(actor, orgId, input));
}
