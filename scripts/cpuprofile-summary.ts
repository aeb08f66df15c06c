// npx tsx scripts/cpuprofile-summary.ts <file.cpuprofile> [top] [window-seconds]: what a
// `node --cpu-prof` profile spent its time on, over its last window-seconds (the load, not the
// start-up; default: all of it). Self time by function (top N) and by area (idle, GC, async hooks, Next.js,
// prom-client, http internals, our code...), plus inclusive time of a few functions worth knowing.
// Used for docs/decisions/014-token-check-process.md.
import fs from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, topArg, windowArg] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Keep the samples of the last window (timestamps in microseconds).
const stamps: number[] = [];
profile.timeDeltas.reduce((at, dt, i) => (stamps[i] = at + dt), 0);
const from = windowArg ? stamps[stamps.length - 1] - Number(windowArg) * 1e6 : -Infinity;
const kept = profile.samples.map((_, i) => i).filter((i) => stamps[i] >= from);

const self = new Map<number, number>();
let total = 0;
for (const i of kept) {
  const id = profile.samples[i];
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(id, (self.get(id) ?? 0) + dt);
  total += dt;
}

function area(n: Node): string {
  const { functionName: fn, url } = n.callFrame;
  if (fn === "(idle)") return "idle";
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(program)") return "program (native, not attributed)";
  if (/async_hooks|promise_hooks|async_context|AsyncLocalStorage/i.test(url + fn)) return "async hooks / AsyncLocalStorage";
  if (url.includes("node-environment-extensions") || url.includes("next/dist")) return "Next.js (incl. its patches)";
  if (url.includes("prom-client")) return "prom-client";
  if (url.includes("/node_modules/")) return "other packages";
  if (url.startsWith("node:internal/http") || url.startsWith("node:_http") || url.includes("_http_")) return "node http";
  if (url.startsWith("node:internal/crypto") || fn === "digest" || fn === "update") return "crypto (SHA-256)";
  if (url.startsWith("node:")) return "node other";
  if (url === "") return "native (builtins, regexps, syscalls)";
  return "our code";
}

const areas = new Map<string, number>();
const fns = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  const a = area(n);
  areas.set(a, (areas.get(a) ?? 0) + t);
  const key = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/main\//, "")}:${n.callFrame.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + t);
}

// Inclusive: a sample counts once for a function if the function is anywhere on its stack.
const inclusive = new Map<string, number>();
const watched =
  /^(instrument|finished|observeRequest|check|decide|hotPath|handler|emit|setHeader|writeHead|end|randomUUID|routeLabel|runInAsyncScope|run|fence|wait)$/;
kept.forEach((i) => {
  const id = profile.samples[i];
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const cf = byId.get(cur)!.callFrame;
    if (!watched.test(cf.functionName)) continue;
    const key = `${cf.functionName} ${cf.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/main\//, "")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
});

const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
console.log("\nSelf time by area:");
for (const [a, t] of [...areas].sort((x, y) => y[1] - x[1])) console.log(`  ${pct(t)}  ${a}`);
console.log(`\nSelf time, top ${topArg ?? 25} functions:`);
for (const [f, t] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, Number(topArg ?? 25))) console.log(`  ${pct(t)}  ${f}`);
console.log("\nInclusive time of selected functions:");
for (const [f, t] of [...inclusive].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`  ${pct(t)}  ${f}`);
