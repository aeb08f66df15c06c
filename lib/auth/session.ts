import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { noteActor } from "@/lib/observability/request-context";
import { clientIp } from "./client-ip";
import { authOptions } from "./options";

export type UserActor = Extract<Actor, { kind: "user" }> & { name: string; email: string };

/** The signed-in user, re-read from the database (a deleted account is signed out at once). */
export const getSessionUser = cache(async (): Promise<UserActor | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  const [user] = await db()
    .select({ id: t.users.id, name: t.users.name, email: t.users.email })
    .from(t.users)
    .where(eq(t.users.id, userId))
    .limit(1);
  if (!user?.email) return null;
  const ip = clientIp(await headers());
  noteActor(`user:${user.id}`);
  return { kind: "user", userId: user.id, label: user.email, name: user.name, email: user.email, ip };
});

/** For pages and actions that need a signed-in user: others go to the sign-in page. */
export async function requireSessionUser(returnTo?: string): Promise<UserActor> {
  const user = await getSessionUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
