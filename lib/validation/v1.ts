import { z } from "zod";
import { addOrgUserSchema } from "./api-users";
import { onboardingSchema } from "./onboarding";
import { serviceAccountNameSchema } from "./service-accounts";

// The request and answer shapes of the Anaconda-compatible API (/api/v1). Field names and
// defaults follow the published Organization Management API, so its scripts run unchanged.

/** A date-time as that API's clients send it: with an offset, without one (UTC), or a bare date (midnight UTC). */
export const v1DateTimeSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.datetime({ local: true }), z.iso.date()], {
    error: "Input should be a valid datetime, e.g. 2026-12-31T00:00:00+00:00.",
  })
  .transform(
    (value) =>
      new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`),
  )
  .refine((d) => !Number.isNaN(d.getTime()), "Input should be a valid datetime.");

const toleranceMonths = z
  .number({ error: "Input should be a valid integer." })
  .int("Input should be a valid integer.")
  .min(0, "Input should be greater than or equal to 0.")
  .max(120, "Input should be less than or equal to 120.")
  .default(0);

export const v1CreateServiceAccountSchema = z.object({ name: serviceAccountNameSchema }).meta({ id: "V1CreateServiceAccountRequest" });
export const v1OnboardingSchema = onboardingSchema.meta({ id: "V1OnboardUsersRequest" });
export const v1AddUserSchema = addOrgUserSchema.meta({ id: "V1AddUserRequest" });

export const v1CreateTokenSchema = z
  .object({
    expires_at: v1DateTimeSchema.meta({ description: "Required. Later than the subscription's period end is shortened to it." }),
    expiration_tolerance_months: toleranceMonths.meta({ description: "Months of grace added to the expiry." }),
    send_token_email: z.boolean({ error: "Input should be a valid boolean." }).default(true),
  })
  .meta({ id: "V1CreateTokenRequest" });

export const v1UpdateTokenSchema = z
  .object({
    expires_at: v1DateTimeSchema.nullish(),
    expiration_tolerance_months: toleranceMonths,
    is_renewal: z.boolean({ error: "Input should be a valid boolean." }).default(false),
  })
  .meta({
    id: "V1UpdateTokenRequest",
    description: "`is_renewal: true`, or no `expires_at`, extends the token to the subscription's period end.",
  });

/** Query booleans as FastAPI reads them. */
export const v1QueryBoolean = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off", "True", "False"], { error: "Input should be a valid boolean." })
    .optional()
    .transform((v) => (v === undefined ? fallback : ["true", "1", "yes", "on", "True"].includes(v)));

const serviceAccount = { name: z.string(), client_id: z.string(), org_id: z.string().meta({ description: "The Organization ID." }) };
export const v1ServiceAccountSchema = z.object(serviceAccount).meta({ id: "V1ServiceAccount" });
export const v1ServiceAccountWithSecretSchema = z
  .object({ ...serviceAccount, client_secret: z.string().meta({ description: "Shown once." }) })
  .meta({ id: "V1ServiceAccountWithSecret" });
export const v1ServiceAccountListSchema = z.object({ items: z.array(v1ServiceAccountSchema) }).meta({ id: "V1ServiceAccountList" });

export const v1OnboardingResultSchema = z
  .object({
    users_in_onboarding_process: z.array(z.string()),
    users_unavailable_for_onboarding: z.array(z.string()),
    total_organization_seats: z.string().meta({ description: "A number, as a string." }),
    available_organization_seats: z.string().meta({ description: "A number, as a string." }),
  })
  .meta({ id: "V1OnboardingResult" });

export const v1ManagedUserSchema = z
  .object({ id: z.string(), email: z.string().nullable(), first_name: z.string().nullable(), last_name: z.string().nullable() })
  .meta({ id: "V1ManagedUser" });

export const v1GroupSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    org_id: z.uuid().meta({ description: "The organization's UUID." }),
    created_at: z.string(),
    updated_at: z.string().nullable(),
    user_count: z.number().int(),
  })
  .meta({ id: "V1UserGroup" });

export const v1OrgUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string().nullable().meta({ description: "null for organization-managed users." }),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    role: z.enum(["member", "admin", "billing_manager"]),
    subscriptions: z.array(z.string()).meta({ description: "Product codes: `seat` when the user holds a seat." }),
    groups: z.array(v1GroupSchema).nullable().optional().meta({ description: "Only with include_groups=true." }),
  })
  .meta({ id: "V1OrganizationUser" });
export const v1OrgUserListSchema = z.object({ items: z.array(v1OrgUserSchema) }).meta({ id: "V1OrganizationUserList" });

export const v1CreatedTokenSchema = z
  .object({ token: z.string(), expires_at: z.string().nullable() })
  .meta({ id: "V1CreateTokenResponse" });
export const v1UpdatedTokenSchema = z.object({ expires_at: z.string() }).meta({ id: "V1UpdateTokenResponse" });

export const v1TokenSchema = z
  .object({
    id: z.string(),
    expires_at: z.string(),
    metadata: z.object({
      last4: z.string(),
      created_at: z.string(),
      revoked_at: z.string().nullable(),
      last_used_at: z.string().nullable(),
      use_count: z.number().int(),
    }),
    revoked: z.boolean().nullable(),
  })
  .meta({ id: "V1Token" });
export const v1TokenListSchema = z.object({ items: z.array(v1TokenSchema) }).meta({ id: "V1TokenList" });

export const v1ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), data: z.unknown().optional() }) })
  .meta({ id: "V1Error" });
export const v1ValidationErrorSchema = z
  .object({ detail: z.array(z.object({ loc: z.array(z.string()), msg: z.string(), type: z.string() })) })
  .meta({ id: "V1ValidationError" });
