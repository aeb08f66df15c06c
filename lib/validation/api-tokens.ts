import { z } from "zod";
import { tokenExpirySchema } from "./tokens";

export const apiIssueTokenSchema = z
  .object({
    expires_at: tokenExpirySchema.meta({ description: "ISO 8601; defaults to the subscription's current period end (never later)." }),
  })
  .meta({ id: "IssueMemberToken" });

export const issuedMemberTokenSchema = z
  .object({ token: z.string().meta({ description: "Shown once." }), expires_at: z.string() })
  .meta({ id: "IssuedMemberToken" });

export const syncedMemberTokenSchema = z.object({ expires_at: z.string() }).meta({ id: "SyncedMemberToken" });
