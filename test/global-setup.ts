import type { Client } from "pg";
import type { TestProject } from "vitest/node";
import { connectPostgres, isAlive } from "@/db/client";
import { runMigrations } from "@/db/migrations-runner";
import { admin, baseUrl, ident, urlFor } from "./postgres-admin";

declare module "vitest" {
  interface ProvidedContext {
    pgTemplate: string;
  }
}

// Every name this run creates starts with portal_test_<pid>_, so leftovers of crashed runs
// (their pid gone) can be dropped without touching a run that is still going. Pids only mean
// something on this machine, so leftovers are only dropped on a local server.
const PREFIX = "portal_test_";

/** Migrates a template database once per run; each test file clones it (test/db.ts). */
export default async function setup(project: TestProject) {
  const template = `${PREFIX}${process.pid}_template`;
  await admin(async (c) => {
    if (isLocalServer()) await dropLeftovers(c);
    await c.query(`DROP DATABASE IF EXISTS ${ident(template)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${ident(template)}`);
  });
  const handle = connectPostgres(urlFor(template), 1);
  try {
    await runMigrations(handle);
  } finally {
    await handle.close();
  }
  project.provide("pgTemplate", template);
  return async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${ident(template)} WITH (FORCE)`));
  };
}

async function dropLeftovers(c: Client) {
  const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${PREFIX}%`]);
  for (const { datname } of rows) {
    const pid = Number(datname.slice(PREFIX.length).split("_")[0]);
    if (pid && !isAlive(pid)) await c.query(`DROP DATABASE IF EXISTS ${ident(datname)} WITH (FORCE)`);
  }
}

const isLocalServer = () => ["127.0.0.1", "localhost", "[::1]", ""].includes(new URL(baseUrl()).hostname);
