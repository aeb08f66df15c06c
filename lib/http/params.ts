import { z } from "zod";
import { notFound } from "@/lib/errors";

const uuid = z.uuid();

/** A user id from the path: anything that is not a UUID is simply not found (never a 500). */
export function userIdParam(params: Record<string, string>): string {
  const parsed = uuid.safeParse(params.userId);
  if (!parsed.success) throw notFound("User not found in this organization.");
  return parsed.data;
}

/** Opaque cursors over page numbers, so scripts can follow `next_cursor` until it is null. */
export const encodeCursor = (page: number) => Buffer.from(JSON.stringify({ p: page })).toString("base64url");

export function decodeCursor(cursor: string | null): number {
  if (!cursor) return 1;
  try {
    const page = Number(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")).p);
    return Number.isInteger(page) && page >= 1 ? page : 1;
  } catch {
    return 1;
  }
}
