// Test-only: a real DNS server (dns2, UDP on 127.0.0.1) that answers TXT records the test
// publishes, so domain verification runs through node:dns exactly as in production.
import dns2 from "dns2";

export type TxtServer = {
  /** "127.0.0.1:<port>", the value for DNS_SERVERS. */
  address: string;
  port: number;
  publish(name: string, ...values: string[]): void;
  unpublish(name: string): void;
  close(): Promise<void>;
};

export async function startTxtServer(port = 0): Promise<TxtServer> {
  const records = new Map<string, string[]>();
  const { Packet } = dns2;
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const values = question ? records.get(question.name.toLowerCase().replace(/\.$/, "")) : undefined;
      if (!question || !values) {
        response.header.rcode = Packet.RCODE.NXDOMAIN;
      } else if (question.type === Packet.TYPE.TXT) {
        // Resource's type also demands toBuffer, which dns2 adds itself when it encodes.
        for (const data of values)
          response.answers.push({
            name: question.name,
            type: Packet.TYPE.TXT,
            class: Packet.CLASS.IN,
            ttl: 1,
            data,
          } as (typeof response.answers)[number]);
      }
      void send(response);
    },
  });
  // dns2 reports a failed bind (EADDRINUSE) as an 'error' event, never by rejecting listen().
  const failed = new Promise<never>((_, reject) => server.once("error", reject));
  failed.catch(() => undefined); // an error after a good start is not this promise's business
  const addresses = await Promise.race([server.listen({ udp: { port, address: "127.0.0.1" } }), failed]).catch(async (err: unknown) => {
    await server.close().catch(() => undefined);
    throw err;
  });
  const bound = addresses.udp?.port ?? port;
  return {
    address: `127.0.0.1:${bound}`,
    port: bound,
    publish: (name, ...values) => void records.set(name.toLowerCase(), values),
    unpublish: (name) => void records.delete(name.toLowerCase()),
    close: () => server.close(),
  };
}

/**
 * Runs `run` with a server on a fixed port that other specs share (the e2e servers' DNS_SERVERS):
 * waits while another holds the port, and frees it as soon as `run` is done.
 */
export async function withTxtServer<T>(port: number, run: (dns: TxtServer) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let dns: TxtServer;
    try {
      dns = await startTxtServer(port);
    } catch (err) {
      if (attempt > 120) throw err;
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      return await run(dns);
    } finally {
      await dns.close();
    }
  }
}
