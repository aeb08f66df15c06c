import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { DbHandle } from "@/db/client";
import type { RemotePglite } from "@/db/pglite-bridge";

/** The channel the triggers of migration 0003 notify, with the org's id as payload. */
export const TOKEN_STATE_CHANNEL = "token_state";
/** The channel the repodata trigger (migration 0009) notifies, with the org channel's id as payload. */
export const CHANNEL_CONTENT_CHANNEL = "channel_content";

export type InvalidationEvents = {
  /** Something that decides token validity changed in this org. */
  onOrg: (orgId: string) => void;
  /** Notifications may have been missed (listener lost or restarted): forget everything. */
  onReset: () => void;
  /** An org channel's packages changed (its served repodata must be reloaded). */
  onChannelContent?: (channelId: string) => void;
};

export interface InvalidationSource {
  /** False while notifications cannot be trusted: callers must read the database instead. */
  readonly healthy: boolean;
  /**
   * Resolves once every change committed before this call has been passed to onOrg. This is
   * what makes a revoke through another process visible on the very next request.
   */
  fence(): Promise<void>;
  close(): Promise<void>;
}

export async function listenForTokenChanges(handle: DbHandle, events: InvalidationEvents): Promise<InvalidationSource> {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.kind === "pglite") return listenPglite(client as PGlite | RemotePglite, events);
  return listenPostgres((client as pg.Pool).options as pg.ClientConfig, events);
}

/**
 * PGlite delivers a notification before the committing query's promise resolves (checked in
 * lib/domain/tokens/check-token.db.test.ts), so in its own process no fence is needed. Through the
 * bridge (db/pglite-bridge.ts: server.ts using the PGlite of the Next.js process) the owner sends
 * each notification before the reply of the committing query, on one ordered channel. Every
 * change to token state on PGlite is made in that process, and its answers reach callers only
 * through server.ts, which holds each answer until a ping round trip on the channel has passed
 * (lib/server/next-proxy.ts): once a caller can know of a change, this process has applied it.
 * So the check itself waits for nothing, and a long query in the Next.js process never stalls it.
 */
async function listenPglite(client: PGlite | RemotePglite, events: InvalidationEvents): Promise<InvalidationSource> {
  const unlisten = await client.listen(TOKEN_STATE_CHANNEL, (payload) => events.onOrg(payload));
  const unlistenContent = await client.listen(CHANNEL_CONTENT_CHANNEL, (payload) => events.onChannelContent?.(payload));
  return {
    healthy: true,
    fence: () => Promise.resolve(),
    close: async () => {
      await unlisten();
      await unlistenContent();
    },
  };
}

/**
 * One dedicated connection LISTENs. PostgreSQL signals listeners at commit, before the committing
 * client is told, and a backend sends pending notifications before it answers the next query.
 * So a `SELECT 1` round trip on the listening connection, started after a request arrived, returns
 * only after every notification committed earlier has been handled. Concurrent requests share
 * round trips (Coalescer), so under load this costs one tiny query per batch, not per request.
 */
async function listenPostgres(config: pg.ClientConfig, events: InvalidationEvents): Promise<InvalidationSource> {
  let client: pg.Client | null = null;
  let healthy = false;
  let closed = false;
  let retryMs = 100;
  let retryTimer: NodeJS.Timeout | undefined;

  const lost = (old: pg.Client, why: string) => {
    if (client !== old) return;
    client = null;
    healthy = false;
    events.onReset();
    old.removeAllListeners("notification");
    old.end().catch(() => {});
    if (closed) return;
    console.error(JSON.stringify({ level: "warn", msg: "token listener lost; checks read the database until it is back", why }));
    retryTimer = setTimeout(() => void connect().catch(() => {}), retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, 5_000);
  };

  const connect = async () => {
    const c = new pg.Client({ ...config, application_name: "token-listener" });
    c.on("error", (err) => lost(c, err.message));
    c.on("end", () => lost(c, "connection ended"));
    c.on("notification", (msg) => {
      if (msg.channel === TOKEN_STATE_CHANNEL && msg.payload) events.onOrg(msg.payload);
      else if (msg.channel === CHANNEL_CONTENT_CHANNEL && msg.payload) events.onChannelContent?.(msg.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${TOKEN_STATE_CHANNEL}; LISTEN ${CHANNEL_CONTENT_CHANNEL}`);
    } catch (err) {
      c.end().catch(() => {});
      if (!closed) {
        retryTimer = setTimeout(() => void connect().catch(() => {}), retryMs);
        retryTimer.unref();
        retryMs = Math.min(retryMs * 2, 5_000);
      }
      throw err;
    }
    client = c;
    retryMs = 100;
    // Whatever was cached before this connection listened may have missed a notification.
    events.onReset();
    healthy = true;
  };

  const fence = new Coalescer(async () => {
    const c = client;
    if (!c || !healthy) throw new Error("token listener is not connected");
    await c.query("SELECT 1");
  });

  await connect();
  return {
    get healthy() {
      return healthy;
    },
    fence: () => fence.wait(),
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      const c = client;
      client = null;
      healthy = false;
      if (c) {
        c.removeAllListeners();
        c.on("error", () => {});
        await c.end().catch(() => {});
      }
    },
  };
}

/**
 * Shares one run of an async operation among callers, with one guarantee: a caller's run starts
 * after the caller arrived. Callers who arrive while a run is in flight wait for the next one.
 */
export class Coalescer {
  private current: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(private readonly run: () => Promise<void>) {}

  wait(): Promise<void> {
    if (!this.current) return this.start();
    this.queued ??= this.current
      .catch(() => {})
      .then(() => {
        this.queued = null;
        return this.current ?? this.start();
      });
    return this.queued;
  }

  private start(): Promise<void> {
    const p: Promise<void> = this.run().finally(() => {
      if (this.current === p) this.current = null;
    });
    this.current = p;
    return p;
  }
}
