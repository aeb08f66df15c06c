import { setDbHandle, type DbHandle } from "@/db/client";

// Without a handle, db() would open the developer's own database (.data/pglite or DATABASE_URL).
// Tests must never touch it: until useTestDatabase() sets one, any query fails loudly.
const noDatabase = new Proxy({} as DbHandle["db"], {
  get() {
    throw new Error("No test database: call useTestDatabase() at the top of a *.db.test.ts file.");
  },
});
setDbHandle({ kind: "pglite", db: noDatabase, close: async () => {} });
