// `npm start`: build when needed, then serve (server.ts migrates when needed). One command on a fresh checkout.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
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
  const result = spawnSync(cmd, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const buildId = path.join(".next", "BUILD_ID");
const buildIsCurrent = () => fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs >= newestSourceMtime();

if (!buildIsCurrent()) {
  // The configuration is parsed first (lib/config.ts, the one reader of the environment): a wrong
  // variable stops here with one line naming it, before a build that takes minutes. With a current
  // build server.ts parses it first thing anyway, so this extra process is skipped.
  const check = spawnSync(process.execPath, ["--import", "tsx", "scripts/check-config.ts"], { stdio: ["ignore", "pipe", "inherit"] });
  if (check.status !== 0) process.exit(check.status ?? 1);
  const launcher = JSON.parse(check.stdout.toString().trim().split("\n").pop());
  // SKIP_BUILD=1: the caller built already (the test runner starts two servers from one build).
  if (!launcher.skipBuild) {
    console.log("Building the app (first start, or sources changed)…");
    run("npx", ["next", "build"]);
  }
}

// server.ts answers the token check and the channel itself, starts the Next.js process for the
// rest, and applies pending migrations (the process that owns the database does: PGlite allows
// one process per folder). Started with node directly (tsx as a loader), so signals reach it
// without a wrapper process.
const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
