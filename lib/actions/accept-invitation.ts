"use server";
import { getSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { anonymous } from "@/lib/authz/actor";
import { acceptInvitation } from "@/lib/domain/invitations/accept-invitation";

export async function acceptInvitationAction(token: string) {
  const actor = (await getSessionUser()) ?? anonymous();
  return toActionResult(() => acceptInvitation(actor, token));
}
