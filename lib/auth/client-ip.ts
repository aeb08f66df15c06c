import type { IncomingMessage } from "node:http";
import net from "node:net";
import { config, type ProxyRule } from "@/lib/config";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/**
 * The address of the TCP peer, written by server.ts into every request before Next sees it
 * (Next's headers() has no socket). server.ts overwrites whatever a caller sent under this name,
 * so the value cannot be forged through the app's own server.
 */
export const PEER_ADDRESS_HEADER = "x-portal-peer-address";

/** Called by the HTTP server for every request: records the real peer, replacing any sent value. */
export function stampPeerAddress(req: IncomingMessage) {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
}

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) is 10.0.0.1; anything else stays. */
export function normalizeAddress(address: string): string | null {
  const a = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  const plain = mapped ? mapped[1] : a;
  return net.isIP(plain) ? plain.toLowerCase() : null;
}

export function blockListOf(rules: ProxyRule[]): net.BlockList {
  const list = new net.BlockList();
  for (const r of rules) {
    if (r.kind === "address") list.addAddress(r.address, r.family);
    else list.addSubnet(r.network, r.prefix, r.family);
  }
  return list;
}

const isTrusted = (trusted: net.BlockList, address: string) => trusted.check(address, net.isIPv4(address) ? "ipv4" : "ipv6");

/**
 * The client's address: the peer itself, unless the peer is a trusted proxy; then the
 * X-Forwarded-For hops are read from the right (each proxy appends the address it saw) and the
 * first one that is not a trusted proxy is the client. Hops further left were written by the
 * client and are never believed. A malformed hop where the client should be gives null.
 */
export function resolveClientAddress(peer: string, forwardedFor: string | null | undefined, trusted: net.BlockList): string | null {
  const peerAddress = normalizeAddress(peer);
  if (!peerAddress) return null;
  if (!isTrusted(trusted, peerAddress)) return peerAddress;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  let nearest = peerAddress;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) return null;
    if (!isTrusted(trusted, hop)) return hop;
    nearest = hop;
  }
  // Every hop is a trusted proxy: the request started at the left-most one.
  return nearest;
}

let cachedFor: ProxyRule[] | undefined;
let cachedList: net.BlockList | undefined;
function trustedProxies() {
  const rules = config().trustedProxies;
  if (cachedFor !== rules || !cachedList) {
    cachedList = blockListOf(rules);
    cachedFor = rules;
  }
  return cachedList;
}

/**
 * The caller's address for rate limits and the activity log: X-Forwarded-For is believed only
 * from peers listed in TRUSTED_PROXIES. Null when the request did not come through server.ts.
 */
export function clientIp(headers: HeaderBag): string | null {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name);
    const v = headers[name];
    return Array.isArray(v) ? v.join(", ") : (v ?? null);
  };
  const peer = get(PEER_ADDRESS_HEADER);
  if (!peer) return null;
  return resolveClientAddress(peer, get("x-forwarded-for"), trustedProxies());
}
