import { afterAll, expect, it } from "vitest";
import { connectPglite } from "./client";
import { migrateIfNeeded, schemaIsCurrent } from "./migrations-runner";

// npm start skips migrations when the schema is current; a new database must still be migrated.
const handle = connectPglite();
afterAll(() => handle.close());

it("migrates a new database, then finds it current", async () => {
  expect(await schemaIsCurrent(handle)).toBe(false);
  expect(await migrateIfNeeded(handle)).toBe("migrated");
  expect(await schemaIsCurrent(handle)).toBe(true);
  expect(await migrateIfNeeded(handle)).toBe("current");
}, 120_000);
