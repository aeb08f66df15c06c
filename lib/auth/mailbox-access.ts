import { createHash, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";
import { isInstanceAdmin } from "@/lib/domain/instance/instance-admin";
import { isMailboxEnabled } from "@/lib/email/transports";
import { getSessionUser } from "./session";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * The local mailbox holds set-password links, invitation links and member tokens: it answers
 * only a request carrying `Authorization: Bearer <MAILBOX_TOKEN>` (the e2e suite, scripts) or a
 * signed-in instance admin, and only while mail goes to the mailbox at all. Everyone else is
 * told "not found", so its existence is not revealed either. A wrong bearer is refused even with
 * an admin's session, so a broken script fails loudly instead of passing by accident.
 */
export async function mayReadMailbox(
  headers: { get(name: string): string | null },
  // The browser's signed-in user; tests pass the user a session would resolve to.
  sessionUser: () => Promise<{ userId: string } | null> = getSessionUser,
): Promise<boolean> {
  if (!isMailboxEnabled()) return false;
  const auth = headers.get("authorization");
  if (auth) {
    const given = auth.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const expected = config().mailboxToken;
    // Hashing first makes the comparison constant-time whatever the lengths.
    return !!given && !!expected && timingSafeEqual(digest(given), digest(expected));
  }
  const user = await sessionUser();
  return !!user && (await isInstanceAdmin(user.userId));
}
