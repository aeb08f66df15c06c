import { describe, expect, it } from "vitest";
import { open, seal } from "./secret-box";

describe("secret box", () => {
  it("round-trips, with a fresh nonce each time, and refuses tampering or another purpose", () => {
    const a = seal("totp", "JBSWY3DPEHPK3PXP");
    const b = seal("totp", "JBSWY3DPEHPK3PXP");
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(open("totp", a)).toBe("JBSWY3DPEHPK3PXP");
    expect(() => open("other", a)).toThrow();
    const parts = a.split(".");
    const flipped = Buffer.from(parts[3], "base64url");
    flipped[0] ^= 1;
    expect(() => open("totp", [...parts.slice(0, 3), flipped.toString("base64url")].join("."))).toThrow();
    expect(() => open("totp", "garbage")).toThrow();
  });
});
