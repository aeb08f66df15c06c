import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";

export function requireUser(actor: Actor): Extract<Actor, { kind: "user" }> {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in to continue.");
  return actor;
}
