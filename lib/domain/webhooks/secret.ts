import { randomBytes } from "node:crypto";
import { open, seal } from "@/lib/auth/secret-box";

// Signing needs the secret itself, so it is sealed under a key derived for this purpose only.
const PURPOSE = "webhook-signing-secret";

/** A Standard Webhooks secret: whsec_ and 32 random bytes in base64. */
export const generateWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

export const sealWebhookSecret = (secret: string) => seal(PURPOSE, secret);
export const openWebhookSecret = (sealed: string) => open(PURPOSE, sealed);
