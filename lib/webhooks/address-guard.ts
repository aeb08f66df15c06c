import dns from "node:dns";
import net from "node:net";
import { config } from "@/lib/config";

// Webhook URLs are chosen by org admins, and the server calls them: without this check an admin
// could make the server reach its own network (SSRF). A URL is checked when it is saved and again
// before every send, after DNS resolution, and the request then connects to the address that was
// checked (see sender.ts), so a name that resolves elsewhere on the second look (DNS rebinding)
// gains nothing.

const blocked = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64: reaches IPv4 addresses through a gateway
  ["64:ff9b:1::", 48],
  ["100::", 64], // discard
  ["2001::", 32], // Teredo
  ["2001:db8::", 32],
  ["2002::", 16], // 6to4
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // old site-local
  ["ff00::", 8], // multicast
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

/** True for an address a webhook may not reach unless WEBHOOKS_ALLOW_PRIVATE is on. */
export function isNonPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const groups = ipv6Groups(address);
  if (!groups) return true;
  // IPv4-mapped (::ffff:a.b.c.d, ::ffff:7f00:1) and IPv4-compatible (::a.b.c.d) forms: judge the IPv4 address inside.
  const zeros = (n: number) => groups.slice(0, n).every((g) => g === 0);
  const mapped = zeros(5) && groups[5] === 0xffff;
  const compatible = zeros(6) && (groups[6] !== 0 || groups[7] > 1);
  if (mapped || compatible) return blocked.check([groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join("."), "ipv4");
  return blocked.check(address, "ipv6");
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted quad counts as two). */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad[1].split(".").map(Number);
    text = text.slice(0, -quad[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = text.includes("::") ? 8 - left.length - right.length : 0;
  const parts = [...left, ...Array<string>(Math.max(fill, 0)).fill("0"), ...right];
  if (parts.length !== 8) return null;
  return parts.map((p) => parseInt(p, 16));
}

export type CheckedTarget = { url: URL; address: string; family: 4 | 6 };

export class UnsafeWebhookUrl extends Error {
  override name = "UnsafeWebhookUrl";
}

/** Every address the host name has now (A and AAAA). */
async function resolveAll(hostname: string): Promise<Array<{ address: string; family: 4 | 6 }>> {
  const servers = config().dnsServers;
  if (!servers) {
    const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
    return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  }
  const resolver = new dns.promises.Resolver({ timeout: 2000, tries: 2 });
  resolver.setServers(servers);
  const settle = async (family: 4 | 6) => {
    try {
      const list = family === 4 ? await resolver.resolve4(hostname) : await resolver.resolve6(hostname);
      return list.map((address) => ({ address, family }));
    } catch {
      return [];
    }
  };
  return [...(await settle(4)), ...(await settle(6))];
}

/**
 * Checks a webhook URL and returns the address to connect to. Refuses (UnsafeWebhookUrl, with a
 * message an admin can act on) other schemes, http:// and every non-public address unless
 * WEBHOOKS_ALLOW_PRIVATE is on, and names that do not resolve. A name with any non-public
 * address is refused as a whole: picking the public one would invite a rebinding race.
 */
export async function checkWebhookUrl(raw: string): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeWebhookUrl("Enter a valid URL.");
  }
  const allowPrivate = config().webhooksAllowPrivate;
  if (url.protocol !== "https:" && !(url.protocol === "http:" && allowPrivate)) throw new UnsafeWebhookUrl("Use an https:// URL.");
  if (url.username || url.password) throw new UnsafeWebhookUrl("Leave user names and passwords out of the URL.");
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const literal = net.isIP(host);
  const addresses = literal ? [{ address: host, family: literal as 4 | 6 }] : await resolveAll(host).catch(() => []);
  if (addresses.length === 0) throw new UnsafeWebhookUrl(`${host} does not resolve to an address.`);
  if (!allowPrivate && addresses.some((a) => isNonPublicAddress(a.address)))
    throw new UnsafeWebhookUrl(
      `${host} points to a private, loopback or otherwise non-public address; webhooks go to public addresses only.`,
    );
  return { url, ...addresses[0] };
}
