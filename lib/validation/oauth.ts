import { z } from "zod";

// One schema per grant type (RFC 6749 sections 4.3 and 4.4).
export const passwordGrantSchema = z
  .object({
    grant_type: z.literal("password"),
    username: z.string().min(1, "username is required."),
    password: z.string().min(1, "password is required."),
    scope: z.string().optional(),
  })
  .meta({ id: "PasswordGrant" });

export const clientCredentialsGrantSchema = z
  .object({
    grant_type: z.literal("client_credentials"),
    client_id: z.string().min(1, "client_id is required (in the body or HTTP Basic)."),
    client_secret: z.string().min(1, "client_secret is required (in the body or HTTP Basic)."),
    scope: z.string().optional(),
  })
  .meta({ id: "ClientCredentialsGrant" });

export const tokenRequestSchema = z.discriminatedUnion("grant_type", [passwordGrantSchema, clientCredentialsGrantSchema]);

export const tokenResponseSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int().meta({ description: "Seconds until the token expires." }),
  })
  .meta({ id: "TokenResponse" });

export const oauthErrorSchema = z
  .object({
    error: z.enum(["invalid_request", "invalid_client", "invalid_grant", "unsupported_grant_type"]),
    error_description: z.string(),
  })
  .meta({ id: "OAuthError", description: "RFC 6749 section 5.2 error." });
