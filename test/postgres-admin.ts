import pg from "pg";

/** The server the postgres project uses; test/global-setup.ts and test/db.ts share it. */
export const baseUrl = () => process.env.TEST_DATABASE_URL ?? "postgres://portal:portal@127.0.0.1:5432/postgres";

/** The same server, another database. */
export function urlFor(database: string) {
  const url = new URL(baseUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements on the base database with a short-lived connection (CREATE/DROP DATABASE). */
export async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl() });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${baseUrl()} (${(err as Error).message}). ` +
        "Run `npm test`, which starts it, or set TEST_DATABASE_URL.",
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Database names cannot be bound as parameters; these are generated, never user input.
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
