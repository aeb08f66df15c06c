import { setDbHandle, type DbHandle } from "@/db/client";

// Without a handle, db() would open the developer's own database (.data/pglite or DATABASE_URL).
// Tests must never touch it: until useTestDatabase() sets one, any query fails loudly.
const noDatabase = new Proxy({} as DbHandle["db"], {
  get() {
    throw new Error("No test database: call useTestDatabase() at the top of a *.db.test.ts file.");
  },
});
setDbHandle({ kind: "pglite", db: noDatabase, close: async () => {} });

// Tests sign up, create organizations and invite from one address all day long: the
// anti-automation limits are set out of the way here, and lowered by the tests that check them.
process.env.SIGN_UP_LIMIT_PER_HOUR ??= "1000000";
process.env.ORG_CREATION_LIMIT_PER_HOUR ??= "1000000";
process.env.INVITATION_LIMIT_PER_HOUR ??= "1000000";
