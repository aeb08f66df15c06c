import { describe, expect, it } from "vitest";
import { baseSecurityHeaders, isNonPagePath, newNonce, pageCsp } from "./security-headers";

describe("security headers", () => {
  it("sends HSTS only when the public address is https", () => {
    expect(baseSecurityHeaders("https://portal.example.com")["strict-transport-security"]).toMatch(/^max-age=\d+/);
    expect(baseSecurityHeaders("http://localhost:3000")["strict-transport-security"]).toBeUndefined();
  });

  it("always sends nosniff, the referrer policy and a permissions policy", () => {
    const h = baseSecurityHeaders("http://localhost:3000");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
  });

  it("page CSP runs scripts only with the nonce and forbids framing", () => {
    const csp = pageCsp("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain("unsafe-eval");
  });

  it("nonces are fresh", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });

  it("knows which paths are not pages", () => {
    expect(isNonPagePath("/api/health")).toBe(true);
    expect(isNonPagePath("/t/tok/main/noarch/repodata.json")).toBe(true);
    expect(isNonPagePath("/organizations")).toBe(false);
    expect(isNonPagePath("/apiary")).toBe(false);
  });
});
