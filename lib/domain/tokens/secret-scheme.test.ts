import { describe, expect, it } from "vitest";
import { generateSecret, hasValidChecksum, hashSecret } from "./secret-scheme";

describe("secrets", () => {
  it("have a prefix, enough randomness and a checksum that catches typos", () => {
    const secret = generateSecret("opa");
    expect(secret).toMatch(/^opa_[A-Za-z0-9]{38,}$/);
    expect(hasValidChecksum(secret, "opa")).toBe(true);
    const typo = secret.slice(0, 10) + (secret[10] === "a" ? "b" : "a") + secret.slice(11);
    expect(hasValidChecksum(typo, "opa")).toBe(false);
    expect(hasValidChecksum(secret, "osa")).toBe(false);
    expect(hasValidChecksum("opa_short", "opa")).toBe(false);
  });

  it("are unique and hashed deterministically", () => {
    const a = generateSecret("osa");
    expect(generateSecret("osa")).not.toBe(a);
    expect(hashSecret(a)).toBe(hashSecret(a));
    expect(hashSecret(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
