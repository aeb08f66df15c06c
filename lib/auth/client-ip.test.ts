import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { blockListOf, normalizeAddress, resolveClientAddress } from "./client-ip";

const trusted = (list: string) => blockListOf(parseConfig({ TRUSTED_PROXIES: list }).trustedProxies);
const none = blockListOf([]);

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.7", "1.2.3.4", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", "1.2.3.4", trusted("127.0.0.1"))).toBe("203.0.113.7");
  });

  it("takes the right-most hop that is not a trusted proxy", () => {
    const proxies = trusted("127.0.0.1,10.0.0.0/8");
    // The client forged 6.6.6.6; nginx (127.0.0.1) appended the address it saw, 198.51.100.4.
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.4", proxies)).toBe("198.51.100.4");
    // Two trusted hops: a load balancer 10.1.2.3 in front of nginx.
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.4, 10.1.2.3", proxies)).toBe("198.51.100.4");
  });

  it("falls back to the peer or the left-most trusted hop when no untrusted hop exists", () => {
    const proxies = trusted("127.0.0.1,10.0.0.0/8");
    expect(resolveClientAddress("127.0.0.1", null, proxies)).toBe("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", "10.0.0.9", proxies)).toBe("10.0.0.9");
  });

  it("gives null for a malformed hop where the client should be", () => {
    expect(resolveClientAddress("127.0.0.1", "1.2.3.4, not-an-ip", trusted("127.0.0.1"))).toBeNull();
  });

  it("reads IPv4 peers on dual-stack sockets and IPv6 proxies", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(resolveClientAddress("::ffff:127.0.0.1", "198.51.100.4", trusted("127.0.0.1"))).toBe("198.51.100.4");
    expect(resolveClientAddress("fd00::1", "2001:db8::5", trusted("fd00::/8"))).toBe("2001:db8::5");
    expect(resolveClientAddress("::1", "2001:db8::5", none)).toBe("::1");
  });
});
