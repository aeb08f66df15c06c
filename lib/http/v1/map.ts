import type { MemberGroup } from "@/lib/domain/groups/list-member-groups";
import type { MemberRow } from "@/lib/domain/members/list-members";
import type { MemberTokenRecord } from "@/lib/domain/tokens/member/list-member-tokens";

/** The product code a seat shows as in v1's `subscriptions` list. */
export const SEAT_PRODUCT_CODE = "seat";

/**
 * v1 has first and last names where this product keeps one display name: the first word is
 * the first name, the rest the last name ("Jupyter Server-1" -> "Jupyter", "Server-1").
 */
export function splitName(name: string): { first_name: string | null; last_name: string | null } {
  const [first, ...rest] = name.trim().split(/\s+/);
  return { first_name: first || null, last_name: rest.length ? rest.join(" ") : null };
}

export function toV1Group(group: MemberGroup) {
  return {
    id: group.id,
    name: group.name,
    org_id: group.orgId,
    created_at: group.createdAt.toISOString(),
    // Groups keep no change time; renaming is their only change.
    updated_at: null,
    user_count: group.userCount,
  };
}

export function toV1User(row: MemberRow, groups?: ReturnType<typeof toV1Group>[]) {
  return {
    id: row.userId,
    // Organization-managed users have no address: null, as in v1's answer when adding them.
    email: row.email,
    ...splitName(row.name),
    role: row.role,
    subscriptions: row.seat ? [SEAT_PRODUCT_CODE] : [],
    ...(groups ? { groups } : {}),
  };
}

export function toV1Token(token: MemberTokenRecord) {
  return {
    id: token.id,
    expires_at: token.expiresAt.toISOString(),
    metadata: {
      last4: token.last4,
      created_at: token.createdAt.toISOString(),
      revoked_at: token.revokedAt?.toISOString() ?? null,
      last_used_at: token.lastUsedAt?.toISOString() ?? null,
      use_count: token.useCount,
    },
    revoked: token.revokedAt !== null,
  };
}
