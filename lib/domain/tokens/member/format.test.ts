import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc32, generateToken, hashToken, isWellFormedToken, TOKEN_LENGTH, tokenLast4 } from "./format";

describe("member token format", () => {
  it("generates prefixed, fixed-length tokens that pass their own checksum", () => {
    const token = generateToken();
    expect(token).toMatch(/^opt_[0-9A-Za-z]{36}$/);
    expect(token).toHaveLength(TOKEN_LENGTH);
    expect(isWellFormedToken(token)).toBe(true);
    expect(tokenLast4(token)).toBe(token.slice(-4));
  });

  it("never repeats and spreads over the alphabet", () => {
    const tokens = new Set(Array.from({ length: 2000 }, generateToken));
    expect(tokens.size).toBe(2000);
    const chars = new Set([...tokens].flatMap((t) => [...t.slice(4, 34)]));
    expect(chars.size).toBe(62);
  });

  it("computes the IEEE CRC-32", () => {
    expect(crc32("123456789")).toBe(0xcbf43926);
    expect(crc32("")).toBe(0);
  });

  it("rejects any single-character typo and malformed input", () => {
    const token = generateToken();
    fc.assert(
      fc.property(fc.integer({ min: 4, max: TOKEN_LENGTH - 1 }), fc.constantFrom(..."0123456789abcXYZ"), (i, c) => {
        fc.pre(token[i] !== c);
        expect(isWellFormedToken(token.slice(0, i) + c + token.slice(i + 1))).toBe(false);
      }),
    );
    for (const bad of [
      "",
      "opt_",
      token.slice(0, -1),
      `${token}x`,
      token.replace("opt_", "opx_"),
      ` ${token.slice(1)}`,
      token.toUpperCase(),
    ]) {
      expect(isWellFormedToken(bad)).toBe(false);
    }
  });

  it("hashes to a stable hex SHA-256", () => {
    expect(hashToken("opt_x")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken("opt_x")).toBe(hashToken("opt_x"));
  });
});
