// `npm start`: build when needed, apply migrations, then serve. One command on a fresh checkout.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const port = process.env.PORT ?? "3000";
const sourceDirs = ["app", "components", "lib", "db", "emails"];
const sourceFiles = ["next.config.ts", "package.json", "instrumentation.ts", "postcss.config.mjs"];

function newestSourceMtime() {
  let newest = 0;
  const visit = (p) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of [...sourceDirs, ...sourceFiles]) if (fs.existsSync(p)) visit(p);
  return newest;
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const buildId = path.join(".next", "BUILD_ID");
// SKIP_BUILD=1: the caller built already (the test runner starts two servers from one build).
if (process.env.SKIP_BUILD !== "1" && (!fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceMtime())) {
  console.log("Building the app (first start, or sources changed)…");
  run("npx", ["next", "build"]);
}

// Migrations run in their own process before the server: PGlite allows one process per folder.
run("npx", ["tsx", "db/migrate.ts"]);

// server.ts answers the token check and the channel itself and hands the rest to Next.js.
// Started with node directly (tsx as a loader), so signals reach it without a wrapper process.
const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
