import { z } from "zod";

export const serviceAccountNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(64, "Use at most 64 characters.")
  .regex(/^[a-z0-9_-]+$/, "Use only lower-case letters, digits, hyphens and underscores.");

export const createServiceAccountSchema = z.object({ name: serviceAccountNameSchema }).meta({ id: "CreateServiceAccount" });

export const serviceAccountSchema = z
  .object({
    name: z.string(),
    client_id: z.string(),
    org_id: z.uuid().meta({ description: "The organization's UUID." }),
  })
  .meta({ id: "ServiceAccount" });

export const createdServiceAccountSchema = serviceAccountSchema
  .extend({ client_secret: z.string().meta({ description: "Shown once; store it now." }) })
  .meta({ id: "CreatedServiceAccount" });
