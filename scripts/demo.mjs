// `npm run demo`: the app on its own embedded database (.data/demo) filled with demo data.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const env = {
  ...process.env,
  PGLITE_DIR: process.env.PGLITE_DIR ?? path.join(".data", "demo"),
  DATABASE_URL: process.env.DATABASE_URL ?? "",
  // The seed writes its accounts directly, so none of them "signed up first": name the demo's
  // admin as the instance admin, so /admin can be tried out.
  INSTANCE_ADMINS: process.env.INSTANCE_ADMINS ?? "admin@demo.test",
};
const run = (args) => {
  const result = spawnSync("npx", args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

// Migrations and the seed run in their own processes before the server (one process per PGlite folder).
run(["tsx", "db/migrate.ts"]);
run(["tsx", "scripts/seed-demo.ts"]);
console.log(
  "\nDemo accounts (password demo-password): admin@demo.test (Account Admin), billing@demo.test (Billing Manager), member@demo.test (Member)\n",
);
run(["node", "scripts/start.mjs"]);
