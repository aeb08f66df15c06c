import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/authz/actor";
import { noteActor } from "@/lib/observability/request-context";
import { findActiveAccount } from "@/lib/domain/users/active-account";
import { clientIp } from "./client-ip";
import { findLiveSession } from "./session-store";
import { authOptions } from "./options";

export type UserActor = Extract<Actor, { kind: "user" }> & { name: string; email: string; sessionId?: string; emailVerified?: boolean };

/**
 * The signed-in user, re-read from the database with its session row: a deleted account or an
 * ended session is signed out at once.
 */
export const getSessionUser = cache(async (): Promise<UserActor | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  // A session ended on the server (sign-out, password change, "sign out others") stops here.
  const live = await findLiveSession((session as { sid?: unknown }).sid, userId);
  if (!live) return null;
  // A disabled account stops here too, on the very next request.
  const user = await findActiveAccount(userId);
  if (!user) return null;
  const ip = clientIp(await headers());
  noteActor(`user:${user.id}`);
  return {
    kind: "user",
    userId: user.id,
    label: user.email,
    name: user.name,
    email: user.email,
    ip,
    sessionId: live.id,
    emailVerified: !!user.emailVerifiedAt,
  };
});

/** For pages and actions that need a signed-in user: others go to the sign-in page. */
export async function requireSessionUser(returnTo?: string): Promise<UserActor> {
  const user = await getSessionUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
