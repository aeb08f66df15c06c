import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { config } from "@/lib/config";

/**
 * The session signing secret: AUTH_SECRET when set, otherwise one generated on first start and
 * kept in .data/ so a fresh checkout needs no configuration and sessions survive restarts.
 */
export function getAuthSecret(): string {
  const fromEnv = config().authSecret;
  if (fromEnv) return fromEnv;
  const file = path.join(process.cwd(), ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * A 32-byte key for one purpose, derived from the session secret with HKDF-SHA256: secrets
 * stored encrypted (e.g. TOTP secrets) need no second variable, and each purpose gets its own key.
 */
export function deriveKey(purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", getAuthSecret(), "org-portal", `org-portal:${purpose}`, 32));
}
