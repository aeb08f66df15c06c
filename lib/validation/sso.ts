import { z } from "zod";
import { emailSchema, hasUnsafeText } from "./common";

const ISSUER_MESSAGE = "Enter the issuer's https:// URL, e.g. https://login.example.com.";

/**
 * The Issuer URL as the IdP names itself (OpenID Connect Discovery): https (http only when the
 * server allows it, for tests), no credentials, query or fragment, which an issuer never has.
 * Whether http is allowed is decided by the caller's configuration, so it is a parameter.
 */
export const issuerSchema = (allowHttp: boolean) =>
  z
    .string({ error: ISSUER_MESSAGE })
    .trim()
    .min(1, ISSUER_MESSAGE)
    .max(2000, "Use at most 2,000 characters.")
    .refine((v) => {
      try {
        const u = new URL(v);
        const okProtocol = u.protocol === "https:" || (allowHttp && u.protocol === "http:");
        return okProtocol && !u.username && !u.password && !u.search && !u.hash && v.startsWith(`${u.protocol}//`);
      } catch {
        return false;
      }
    }, ISSUER_MESSAGE)
    // The issuer is compared byte for byte with the one the IdP names: keep it as typed, minus a trailing slash people add.
    .transform((v) => (v.endsWith("/") && new URL(v).pathname === "/" ? v.slice(0, -1) : v));

const clientIdSchema = z
  .string({ error: "Enter the Client ID your identity provider gave you." })
  .trim()
  .min(1, "Enter the Client ID your identity provider gave you.")
  .max(255, "Use at most 255 characters.")
  .refine((v) => !hasUnsafeText(v), "Remove control characters.");

const clientSecretSchema = z
  .string({ error: "Enter the Client Secret." })
  .trim()
  .min(1, "Enter the Client Secret.")
  .max(1000, "Use at most 1,000 characters.")
  .refine((v) => !hasUnsafeText(v), "Remove control characters.");

/**
 * What Org Profile and PUT /api/organizations/{orgId}/sso save. The secret is write-only: leave
 * it out to keep the stored one (it is required the first time).
 */
export const saveSsoConnectionSchema = (allowHttp: boolean) =>
  z.strictObject({
    issuer: issuerSchema(allowHttp),
    client_id: clientIdSchema,
    client_secret: z.preprocess((v) => (v === "" || v === null ? undefined : v), clientSecretSchema.optional()),
    require_sso: z.boolean({ error: "Choose on or off." }).optional(),
  });
export type SaveSsoConnectionInput = z.input<ReturnType<typeof saveSsoConnectionSchema>>;

/** Test Connection: discovery needs only the issuer (the form's, saved or not). */
export const testSsoConnectionSchema = (allowHttp: boolean) => z.object({ issuer: issuerSchema(allowHttp) });

/** Sign in with SSO: the address whose domain picks the org. */
export const startSsoSchema = z.object({ email: emailSchema, callbackUrl: z.string().max(2000).optional() });
export type StartSsoInput = z.input<typeof startSsoSchema>;

/** GET /api/organizations/{orgId}/sso (and PUT's answer); never the secret itself. */
export const ssoConnectionResponseSchema = z
  .object({
    configured: z.boolean().meta({ description: "False until a connection is saved; the other fields are then null." }),
    issuer: z.string().nullable(),
    client_id: z.string().nullable(),
    client_secret_set: z.boolean().meta({ description: "The secret is write-only: this says only whether one is stored." }),
    require_sso: z.boolean(),
    redirect_uri: z.string().meta({ description: "Register this at the identity provider as the client's redirect URI." }),
    updated_at: z.string().nullable(),
  })
  .meta({ id: "SsoConnection" });
export type SsoConnectionView = z.infer<typeof ssoConnectionResponseSchema>;
