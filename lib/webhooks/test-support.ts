// Test-only: a real HTTP receiver that verifies Standard Webhooks signatures, and a real DNS
// server (dns2) answering A records, so the SSRF guard is tested through node:dns.
import http from "node:http";
import type { AddressInfo } from "node:net";
import dns2 from "dns2";
import { Webhook } from "standardwebhooks";

export type Receipt = { id: string; timestamp: string; signature: string; body: string; verified: boolean; path: string };

/** What the receiver does with the next request: answer a status, hang, or redirect. */
export type Behaviour = { status?: number; hangMs?: number; location?: string; body?: string };

export type Receiver = {
  url: string;
  port: number;
  receipts: Receipt[];
  /** Behaviours for the next requests in order; when empty, requests get 200. */
  plan: Behaviour[];
  /** Receipts of each webhook-id: how many times it arrived. */
  countsById(): Map<string, number>;
  close(): Promise<void>;
};

export async function startReceiver(secret?: () => string | undefined): Promise<Receiver> {
  const receipts: Receipt[] = [];
  const plan: Behaviour[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = {
        "webhook-id": String(req.headers["webhook-id"] ?? ""),
        "webhook-timestamp": String(req.headers["webhook-timestamp"] ?? ""),
        "webhook-signature": String(req.headers["webhook-signature"] ?? ""),
      };
      let verified = false;
      const key = secret?.();
      if (key) {
        try {
          new Webhook(key).verify(body, headers);
          verified = true;
        } catch {
          verified = false;
        }
      }
      receipts.push({
        id: headers["webhook-id"],
        timestamp: headers["webhook-timestamp"],
        signature: headers["webhook-signature"],
        body,
        verified,
        path: req.url ?? "",
      });
      const next = plan.shift() ?? {};
      const answer = () => {
        if (res.destroyed) return;
        if (next.location) res.writeHead(next.status ?? 302, { location: next.location }).end();
        else res.writeHead(next.status ?? 200, { "content-type": "text/plain" }).end(next.body ?? "ok");
      };
      if (next.hangMs) setTimeout(answer, next.hangMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    receipts,
    plan,
    countsById: () => {
      const counts = new Map<string, number>();
      for (const r of receipts) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
      return counts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type AServer = { address: string; set(name: string, ip: string | null): void; close(): Promise<void> };

/** A DNS server on 127.0.0.1 answering the A records the test sets (NXDOMAIN otherwise). */
export async function startAServer(): Promise<AServer> {
  const records = new Map<string, string>();
  const { Packet } = dns2;
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const ip = question ? records.get(question.name.toLowerCase().replace(/\.$/, "")) : undefined;
      if (!question || !ip) response.header.rcode = Packet.RCODE.NXDOMAIN;
      else if (question.type === Packet.TYPE.A)
        // Resource's type also demands toBuffer, which dns2 adds itself when it encodes.
        response.answers.push({
          name: question.name,
          type: Packet.TYPE.A,
          class: Packet.CLASS.IN,
          ttl: 1,
          address: ip,
        } as unknown as (typeof response.answers)[number]);
      void send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: "127.0.0.1" } });
  return {
    address: `127.0.0.1:${addresses.udp?.port}`,
    set: (name, ip) => void (ip ? records.set(name.toLowerCase(), ip) : records.delete(name.toLowerCase())),
    close: () => server.close(),
  };
}
