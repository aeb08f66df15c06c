"use server";
import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { appUrl } from "@/lib/config";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { syncToken } from "@/lib/domain/tokens/member/sync-token";
import { tokenCommands } from "@/lib/domain/tokens/member/commands";
import type { IssueTokenInput, TokenTargetInput } from "@/lib/validation/tokens";

export async function issueTokenAction(orgId: string, input: IssueTokenInput) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const issued = await issueToken(actor, orgId, { expiresAt: input.expiresAt });
    revalidatePath(`/organizations/${orgId}/token-access`);
    return {
      token: issued.token,
      last4: issued.last4,
      expiresAt: issued.expiresAt.toISOString(),
      reissued: issued.reissued,
      commands: tokenCommands(appUrl(), issued.token),
    };
  });
}

/** For admins on a member's row (Users): extends their token to the subscription's period end. */
export async function syncTokenAction(orgId: string, input: TokenTargetInput) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const synced = await syncToken(actor, orgId, input);
    revalidatePath(`/organizations/${orgId}/users`);
    return { expiresAt: synced.expiresAt.toISOString() };
  });
}
