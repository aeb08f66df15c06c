import { z } from "zod";
import { orgNameSchema } from "./organizations";

/** The two org toggles, with the one-line explanation shown beside each on Org Profile. */
export const orgSettingKeys = ["cloudStorage", "cloudNotebooks"] as const;
export type OrgSettingKey = (typeof orgSettingKeys)[number];

export const orgSettingLabels: Record<OrgSettingKey, { label: string; help: string; api: string }> = {
  cloudStorage: {
    label: "Cloud storage",
    help: "Members may keep files in cloud storage while they work in this organization.",
    api: "cloud_storage",
  },
  cloudNotebooks: {
    label: "Cloud notebooks",
    help: "Members may open cloud notebooks; off here turns them off for members everywhere.",
    api: "cloud_notebooks",
  },
};

/**
 * What Org Profile saves: the name and the two settings, each optional (only what changed).
 * Strict on purpose: a request that tries to send the Organization ID (slug, orgId, id, ...)
 * is refused, because the Organization ID never changes.
 */
export const updateOrgSettingsSchema = z.strictObject({
  name: orgNameSchema.optional(),
  cloudStorage: z.boolean({ error: "Choose on or off." }).optional(),
  cloudNotebooks: z.boolean({ error: "Choose on or off." }).optional(),
});
export type UpdateOrgSettingsInput = z.input<typeof updateOrgSettingsSchema>;

/** GET /api/organizations/{orgId}/settings */
export const orgSettingsResponseSchema = z
  .object({
    org_id: z.uuid(),
    organization_id: z.string().meta({ description: "The Organization ID (slug); it never changes." }),
    name: z.string(),
    cloud_storage: z.boolean(),
    cloud_notebooks: z.boolean(),
  })
  .meta({ id: "OrgSettings" });

const orgRef = z.object({ org_id: z.uuid(), organization_id: z.string(), name: z.string() });

/** GET /api/users/me/access */
export const effectiveAccessResponseSchema = z
  .object({
    user_id: z.uuid(),
    cloud_notebooks: z.object({
      enabled: z.boolean().meta({ description: "Off when any organization the user belongs to turns cloud notebooks off." }),
      disabled_by: z.array(orgRef).meta({ description: "The organizations that turn them off (empty when enabled)." }),
    }),
    cloud_storage: z
      .array(orgRef.extend({ enabled: z.boolean() }))
      .meta({ description: "Decided per organization: one entry for each organization the user belongs to." }),
  })
  .meta({ id: "EffectiveAccess" });
export type EffectiveAccessResponse = z.infer<typeof effectiveAccessResponseSchema>;
