// The embedded database (PGlite) lives in one process: the Next.js app process that server.ts
// starts. server.ts itself (the token check and the channel) reaches it
// through this bridge over the child-process IPC channel: queries, transactions, LISTEN and a
// ping. Drizzle's PGlite driver runs unchanged on top of `RemotePglite` in server.ts, so both
// processes see the same result shapes.
// Drizzle is not loaded here (db/pglite-bridge-handle.ts puts it on top): server.ts starts the
// Next.js process with this module before it loads the rest of its own.
import type { PGlite, Results } from "@electric-sql/pglite";

type QueryOptions = { rowMode?: "array" | "object"; parsers?: Record<number, unknown> };
type Request =
  | { op: "query"; sql: string; params?: unknown[]; rowMode?: "array" | "object"; parsers?: number[]; tx?: number }
  | { op: "exec"; sql: string; tx?: number }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "listen"; channel: string }
  | { op: "ping" };
type Envelope = { bridge: "call"; id: number; req: Request };
type Reply =
  | { bridge: "reply"; id: number; ok: true; value: unknown }
  | { bridge: "reply"; id: number; ok: false; error: Record<string, unknown> }
  | { bridge: "notify"; channel: string; payload: string }
  | { bridge: "ready" };

/** The IPC end of a child process or of `process` in the child: both send and emit "message". */
type Channel = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node types the payload as Serializable
  send?: (message: any) => boolean;
  on(event: "message", listener: (message: unknown) => void): unknown;
  on(event: "disconnect", listener: () => void): unknown;
};

const isBridge = (m: unknown): m is { bridge: string } => typeof m === "object" && m !== null && "bridge" in m;

// Errors keep their plain fields (code, detail, constraint...): callers test `code` for conflicts.
// PGlite's errors also carry the query options (functions), which cannot cross the channel.
function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const fields: Record<string, unknown> = { message: err.message, name: err.name };
  for (const [key, value] of Object.entries(err))
    if (value === null || (typeof value !== "object" && typeof value !== "function")) fields[key] = value;
  return fields;
}

/** In the process that owns PGlite: answers the bridge's calls. */
export function serveBridge(db: PGlite, channel: Channel) {
  type Open = { tx: Parameters<Parameters<PGlite["transaction"]>[0]>[0]; finish: (commit: boolean) => void; done: Promise<unknown> };
  const open = new Map<number, Open>();
  const listening = new Set<string>();
  let nextTx = 1;
  const send = (m: Reply) => channel.send?.(m);

  async function run(req: Request): Promise<unknown> {
    switch (req.op) {
      case "query": {
        const target = req.tx ? open.get(req.tx)?.tx : db;
        if (!target) throw new Error("transaction is not open");
        // Drizzle passes identity parsers for date-like types (they stay strings); the same here.
        const parsers = req.parsers ? Object.fromEntries(req.parsers.map((oid) => [oid, (v: string) => v])) : undefined;
        return target.query(req.sql, req.params, { rowMode: req.rowMode, parsers });
      }
      case "exec": {
        const target = req.tx ? open.get(req.tx)?.tx : db;
        if (!target) throw new Error("transaction is not open");
        return target.exec(req.sql);
      }
      case "begin": {
        const id = nextTx++;
        return new Promise<number>((begun, failed) => {
          const done = db.transaction(async (tx) => {
            await new Promise<void>((commit, rollback) => {
              open.set(id, { tx, finish: (ok) => (ok ? commit() : rollback(new Error("rolled back"))), done });
              begun(id);
            });
          });
          done.catch(failed).finally(() => open.delete(id));
        });
      }
      case "end": {
        const entry = open.get(req.tx);
        if (!entry) throw new Error("transaction is not open");
        entry.finish(req.commit);
        try {
          await entry.done;
        } catch (err) {
          if (req.commit) throw err;
        }
        return null;
      }
      case "listen": {
        if (!listening.has(req.channel)) {
          listening.add(req.channel);
          await db.listen(req.channel, (payload) => send({ bridge: "notify", channel: req.channel, payload }));
        }
        return null;
      }
      case "ping":
        return null;
    }
  }

  channel.on("message", (m) => {
    if (!isBridge(m) || m.bridge !== "call") return;
    const { id, req } = m as Envelope;
    run(req).then(
      (value) => send({ bridge: "reply", id, ok: true, value }),
      (err: unknown) => send({ bridge: "reply", id, ok: false, error: errorFields(err) }),
    );
  });
  // The other side is gone: its open transactions must not hold the database.
  channel.on("disconnect", () => {
    for (const entry of open.values()) entry.finish(false);
  });
  send({ bridge: "ready" });
}

type TxClient = Pick<PGlite, "query" | "exec">;

/** In server.ts: a PGlite look-alike whose calls run in the process that owns the database. */
export class RemotePglite {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<string, Set<(payload: string) => void>>();
  readonly ready: Promise<void>;
  private closedError: Error | null = null;

  constructor(private readonly channel: Channel) {
    let markReady: () => void = () => {};
    this.ready = new Promise((resolve) => (markReady = resolve));
    channel.on("message", (m) => {
      if (!isBridge(m)) return;
      const r = m as Reply;
      if (r.bridge === "ready") markReady();
      else if (r.bridge === "notify") for (const fn of this.listeners.get(r.channel) ?? []) fn(r.payload);
      else if (r.bridge === "reply") {
        const p = this.pending.get(r.id);
        if (!p) return;
        this.pending.delete(r.id);
        if (r.ok) p.resolve(r.value);
        else p.reject(Object.assign(new Error(String(r.error.message)), r.error));
      }
    });
    channel.on("disconnect", () => {
      this.closedError = new Error("the database process is gone");
      for (const p of this.pending.values()) p.reject(this.closedError);
      this.pending.clear();
    });
  }

  private async call<T>(req: Request): Promise<T> {
    await this.ready;
    if (this.closedError) throw this.closedError;
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.channel.send!({ bridge: "call", id, req } satisfies Envelope);
    });
  }

  private queryOn(tx: number | undefined) {
    return <T>(sql: string, params?: unknown[], options?: QueryOptions) =>
      this.call<Results<T>>({
        op: "query",
        sql,
        params,
        tx,
        rowMode: options?.rowMode,
        parsers: options?.parsers ? Object.keys(options.parsers).map(Number) : undefined,
      });
  }

  query = this.queryOn(undefined);

  exec(sql: string) {
    return this.call<Results[]>({ op: "exec", sql });
  }

  async transaction<T>(fn: (tx: TxClient) => Promise<T>): Promise<T> {
    const tx = await this.call<number>({ op: "begin" });
    const client = { query: this.queryOn(tx), exec: (sql: string) => this.call<Results[]>({ op: "exec", sql, tx }) };
    let result: T;
    try {
      result = await fn(client as unknown as TxClient);
    } catch (err) {
      await this.call({ op: "end", tx, commit: false }).catch(() => {});
      throw err;
    }
    await this.call({ op: "end", tx, commit: true });
    return result;
  }

  async listen(channel: string, fn: (payload: string) => void) {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(fn);
    await this.call({ op: "listen", channel });
    return async () => void set.delete(fn);
  }

  /**
   * Resolves after the owner answered a call sent now. The owner forwards a notification before
   * the committing query resolves and the channel keeps order, so after a ping every change
   * committed before it has been delivered here.
   */
  ping() {
    return this.call<null>({ op: "ping" });
  }

  /** The owner closes the database; this side only stops using it. */
  async close() {}
}
