// npm run bench:channels: uploads into a channel of 10,000 packages, memory during a 1 GiB
// upload, repodata.json latency at 20 connections, and a 64 MB download through /t/<token>/...
// against nginx serving the same file, on PostgreSQL (TEST_DATABASE_URL / BENCH_DATABASE_URL).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import pg from "pg";
import tar from "tar-stream";
import yazl from "yazl";
import { connectPostgres, setDbHandle, type DbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrations-runner";
import { resetConfig } from "@/lib/config";
import { createChannel } from "@/lib/domain/channels/create-channel";
import { uploadPackage } from "@/lib/domain/packages/upload-package";
import { generateToken, hashToken } from "@/lib/domain/tokens/member/format";
import { startNpmStart, stopAll, stopServer } from "./lib/bench-servers";

const PACKAGES = 10_000;
const PORTAL_PORT = Number(process.env.BENCH_PORT ?? 3262);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const HAS_WRK = spawnSync("wrk", ["-v"]).error === undefined;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-channels-"));
process.env.PACKAGES_DIR = path.join(work, "packages");
process.env.EMAIL_TRANSPORT = "mailbox";
resetConfig();
const children: ChildProcess[] = [];
const cleanup = () => {
  children.forEach((c) => c.exitCode === null && c.kill("SIGTERM"));
  stopAll();
  fs.rmSync(work, { recursive: true, force: true });
};
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** A .conda built with the libraries the portal reads with (zip via yazl, tar via tar-stream) and the zstd CLI. */
async function makeConda(name: string, payload: { bytes?: number } = {}) {
  const base = `${name}-1.0-0`;
  const index = { name, version: "1.0", build: "0", build_number: 0, depends: [], subdir: "noarch", noarch: "generic", license: "MIT" };
  const pack = tar.pack();
  pack.entry({ name: "info/index.json" }, JSON.stringify(index));
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  const zstd = (input: Buffer) => spawnSync("zstd", ["-q", "-c", "-1"], { input, maxBuffer: 1 << 30 }).stdout;
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify({ conda_pkg_format_version: 2 })), "metadata.json", { compress: false });
  if (payload.bytes) {
    // Random bytes through `zstd -1`, streamed: the archive is never held in memory either.
    const z = spawn("sh", ["-c", `head -c ${payload.bytes} /dev/urandom | zstd -q -c -1`], { stdio: ["ignore", "pipe", "inherit"] });
    zip.addReadStream(z.stdout, `pkg-${base}.tar.zst`, { compress: false });
  } else zip.addBuffer(zstd(Buffer.from("payload")), `pkg-${base}.tar.zst`, { compress: false });
  zip.addBuffer(zstd(Buffer.concat(chunks)), `info-${base}.tar.zst`, { compress: false });
  zip.end();
  const file = path.join(work, `${base}.conda`);
  await new Promise<void>((resolve, reject) =>
    zip.outputStream
      .pipe(fs.createWriteStream(file))
      .on("close", () => resolve())
      .on("error", reject),
  );
  return { file, filename: `${base}.conda` };
}

async function seed(handle: DbHandle) {
  const db = handle.db;
  const rows = async (query: ReturnType<typeof sql>) => (await db.execute(query)) as unknown as { rows: Array<{ id: string }> };
  const [user] = (await rows(sql`insert into users (name, email) values ('Bench', 'bench@example.test') returning id`)).rows;
  const [org] = (await rows(sql`insert into organizations (slug, name) values ('bench', 'Bench') returning id`)).rows;
  const end = new Date(Date.now() + 365 * 86_400_000).toISOString();
  await db.execute(sql`insert into memberships (org_id, user_id, role, seat_assigned_at) values (${org.id}, ${user.id}, 'admin', now())`);
  await db.execute(sql`insert into subscriptions (org_id, seats, billing_cycle, status, current_period_start, current_period_end)
    values (${org.id}, 10, 'yearly', 'active', now(), ${end})`);
  const token = generateToken();
  await db.execute(
    sql`insert into member_tokens (org_id, user_id, token_hash, last4, expires_at) values (${org.id}, ${user.id}, ${hashToken(token)}, 'xxxx', ${end})`,
  );
  const actor = { kind: "user" as const, userId: user.id, label: "bench@example.test" };
  await createChannel(actor, "bench", { name: "bench" });
  const [channel] = (await rows(sql`select id from channels where name = 'bench'`)).rows;
  // 10,000 packages and their repodata, written directly (the seed is not what is measured).
  await db.execute(sql`
    insert into packages (channel_id, org_id, subdir, filename, name, version, build, size, sha256, md5, record)
    select ${channel.id}, ${org.id}, 'noarch', 'pkg' || i || '-1.0-0.conda', 'pkg' || i, '1.0', '0', 12345, md5(i::text) || md5(i::text), md5(i::text),
      jsonb_build_object('name', 'pkg' || i, 'version', '1.0', 'build', '0', 'build_number', 0, 'depends', jsonb_build_array('python >=3.8', 'numpy'),
        'subdir', 'noarch', 'license', 'MIT', 'size', 12345, 'sha256', md5(i::text) || md5(i::text), 'md5', md5(i::text), 'timestamp', 1700000000000)
    from generate_series(1, ${PACKAGES}) i`);
  await db.execute(sql`insert into channel_repodata (channel_id, subdir) values (${channel.id}, 'noarch')`);
  await db.execute(sql`analyze`);
  return { actor, token, channelId: channel.id };
}

/** The upload use case behind a bare HTTP server, as the PUT route runs it (body streamed). */
async function uploadServer(actor: { kind: "user"; userId: string; label: string }) {
  const server = http.createServer((req, res) => {
    const filename = decodeURIComponent(req.url!.split("/").pop()!);
    uploadPackage(actor, "bench", { channel: "bench", subdir: "noarch", filename }, req).then(
      (pkg) => res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify(pkg)),
      (err: Error) => res.writeHead(422).end(err.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const putFile = (url: string, file: string) =>
  new Promise<number>((resolve, reject) => {
    const req = http.request(
      `${url}/${path.basename(file)}`,
      { method: "PUT", headers: { "content-length": fs.statSync(file).size } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    Readable.from(fs.createReadStream(file)).pipe(req);
  });

function startNginx(root: string, port: number, workers: number | "auto" = "auto") {
  const dir = path.join(work, `nginx-${port}`);
  fs.mkdirSync(path.join(dir, "tmp"), { recursive: true });
  const conf = `daemon off; ${process.getuid?.() === 0 ? "user root;" : ""} worker_processes ${workers}; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http { access_log off; sendfile on; client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  server { listen 127.0.0.1:${port}; root ${root}; } }`;
  fs.writeFileSync(path.join(dir, "nginx.conf"), conf);
  const child = spawn("nginx", ["-c", path.join(dir, "nginx.conf"), "-p", dir], { stdio: "ignore" });
  children.push(child);
  return child;
}

/** One GET, body kept as sent (no decompression), with the ETag. */
const rawGet = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; etag: string; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, etag: String(res.headers.etag ?? ""), body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });

type Load = { rps: number; p99: number; bad: number; tool: string; mbs?: number };

/**
 * `connections` clients for SECONDS. wrk (C, when installed) is used first: autocannon parses
 * every body in JavaScript and, on a 2-core machine, caps megabyte answers before any server does.
 */
async function load(url: string, connections: number, headers: Record<string, string> = {}): Promise<Load> {
  if (HAS_WRK) {
    const args = [
      "-t2",
      `-c${connections}`,
      `-d${SECONDS}s`,
      "--latency",
      ...Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]),
      url,
    ];
    const out = spawnSync("wrk", args, { encoding: "utf8" }).stdout;
    const unit = (v: string, u: string) => Number(v) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[u];
    const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(out);
    const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
    const bad = /Non-2xx or 3xx responses: (\d+)/.exec(out);
    const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
    if (!p99 || !rps) throw new Error(`wrk said: ${out}`);
    const transfer = /Transfer\/sec:\s+([\d.]+)(B|KB|MB|GB)/.exec(out);
    const errorCount = errors ? errors.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
    const mbs = transfer
      ? Number(transfer[1]) * ({ B: 1 / 1024 ** 2, KB: 1 / 1024, MB: 1, GB: 1024 } as Record<string, number>)[transfer[2]]
      : undefined;
    return { rps: Number(rps[1]), p99: unit(p99[1], p99[2]), bad: Number(bad?.[1] ?? 0) + errorCount, tool: "wrk", mbs };
  }
  const r = await autocannon({ url, connections, duration: SECONDS, requests: [{ headers }] });
  return {
    rps: r.requests.average,
    p99: r.latency.p99,
    bad: r.errors + (headers["if-none-match"] ? 0 : r.non2xx),
    tool: "autocannon",
  };
}

/** MB/s of whole-file downloads by `connections` parallel clients for SECONDS (bodies counted, not kept). */
async function downloadRate(url: string, connections: number) {
  if (HAS_WRK) {
    const r = await load(url, connections);
    return { mbs: r.mbs ?? 0, failed: r.bad, tool: "wrk" };
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const until = Date.now() + SECONDS * 1000;
  let bytes = 0;
  let failed = 0;
  const worker = async () => {
    while (Date.now() < until) {
      await new Promise<void>((resolve) => {
        http
          .get(url, { agent }, (res) => {
            if (res.statusCode !== 200) failed++;
            res.on("data", (c: Buffer) => (bytes += c.length));
            res.on("end", resolve);
          })
          .on("error", () => (failed++, resolve()));
      });
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  return { mbs: bytes / 1024 / 1024 / ((performance.now() - t0) / 1000), failed, tool: "node http" };
}

async function main() {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://portal:portal@127.0.0.1:5432/postgres";
  const name = `portal_bench_channels_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const url = new URL(base);
  url.pathname = `/${name}`;
  await admin.query(`create database "${name}"`);
  try {
    const handle = connectPostgres(url.toString(), 4);
    setDbHandle(handle);
    await runMigrations(handle);
    const { actor, token, channelId } = await seed(handle);
    const loadavg = () =>
      os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ");
    console.log(
      `PostgreSQL (${url.host}); channel with ${PACKAGES.toLocaleString("en")} packages in noarch; ${os.cpus().length} cores, load average ${loadavg()}`,
    );

    // 1. One upload into the full channel, end to end over HTTP, 20 times.
    const up = await uploadServer(actor);
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const pkg = await makeConda(`fresh${i}`);
      const t0 = performance.now();
      const status = await putFile(up.url, pkg.file);
      if (status !== 201) throw new Error(`upload answered ${status}`);
      if (i > 0) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(
      `  upload into a channel of 10,000: median ${median.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms (target < 200 ms: ${median < 200 ? "met" : "MISSED"})`,
    );

    // 2. Memory while uploading 1 GiB.
    const big = await makeConda("big", { bytes: 1024 ** 3 });
    global.gc?.();
    const rss: number[] = [];
    const before = process.memoryUsage().rss;
    const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 100);
    const t0 = performance.now();
    const status = await putFile(up.url, big.file);
    clearInterval(sampler);
    up.close();
    console.log(
      `  1 GiB upload (${mb(fs.statSync(big.file).size)} MB): ${status}, ${((performance.now() - t0) / 1000).toFixed(1)} s; RSS before ${mb(before)} MB, during min ${mb(Math.min(...rss))} / max ${mb(Math.max(...rss))} MB (flat: ${Math.max(...rss) - before < 150 * 1024 ** 2 ? "met" : "MISSED"})`,
    );
    fs.rmSync(big.file);

    // 3. repodata.json of the 10,000-package subdir at 20 connections, through the hot path, and
    // the same bytes served by nginx as static files in the same run (the physical limit here:
    // the load generator shares the 2 cores and must read every body).
    // The server people run: `npm start` (build present), one process first.
    const portalEnv = { DATABASE_URL: url.toString(), CHANNELS_DIR: path.join(process.cwd(), "channels") };
    const hot = await startNpmStart({ ...portalEnv, WEB_CONCURRENCY: "1" }, PORTAL_PORT, path.join(work, "portal-1.log"));
    const hotUrl = hot.url;
    const repodataUrl = `${hotUrl}/t/${token}/bench/noarch/repodata.json`;
    const t1 = performance.now();
    const plain = await rawGet(repodataUrl, {});
    const firstMs = performance.now() - t1;
    const gz = await rawGet(repodataUrl, { "accept-encoding": "gzip" });
    const statics = path.join(work, "static", "noarch");
    fs.mkdirSync(statics, { recursive: true });
    fs.writeFileSync(path.join(statics, "repodata.json"), plain.body);
    fs.writeFileSync(path.join(statics, "repodata.json.gz"), gz.body);
    const hasNginx = spawnSync("nginx", ["-v"]).status === 0;
    const nginxPort = 20_000 + Math.floor(Math.random() * 20_000);
    if (hasNginx) startNginx(path.join(work, "static"), nginxPort);
    const nginxUrl = `http://127.0.0.1:${nginxPort}/noarch/repodata.json`;
    await new Promise((r) => setTimeout(r, 300));
    console.log(
      `  repodata.json: ${mb(plain.body.length)} MB (gzip ${mb(gz.body.length)} MB), first request after the seed (assembles it) ${firstMs.toFixed(0)} ms`,
    );
    const cases: Array<[string, string, Record<string, string>, string, Record<string, string>]> = [
      ["gzip 200 (as conda, mamba and pixi ask)", repodataUrl, { "accept-encoding": "gzip" }, `${nginxUrl}.gz`, {}],
      ["identity 200", repodataUrl, {}, nginxUrl, {}],
      ["304 (If-None-Match, a client's revalidation)", repodataUrl, { "if-none-match": plain.etag }, nginxUrl, {}],
    ];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [label, ours, headers, theirs, theirHeaders] of cases) {
        if (label.startsWith("304") && hasNginx) theirHeaders["if-none-match"] = (await rawGet(theirs, {})).etag;
        await autocannon({ url: ours, connections: 20, duration: 1, requests: [{ headers }] });
        const r = await load(ours, 20, headers);
        let line = `  [${round}] repodata ${label} (${r.tool}, 20 connections): portal ${r.rps.toFixed(0)} req/s, p99 ${r.p99.toFixed(1)} ms (target < 20 ms: ${r.p99 < 20 ? "met" : "MISSED"}), ${r.bad} errors`;
        if (hasNginx) {
          const n = await load(theirs, 20, theirHeaders);
          line += ` | nginx static ${n.rps.toFixed(0)} req/s, p99 ${n.p99.toFixed(1)} ms | req/s ratio ${(r.rps / n.rps).toFixed(2)}`;
        }
        console.log(line);
      }
    }

    // 4. A 64 MB package through /t/<token>/... and from nginx, 8 connections each, same run.
    const pkg64 = await makeConda("sixtyfour", { bytes: 64 * 1024 ** 2 });
    const up2 = await uploadServer(actor);
    if ((await putFile(up2.url, pkg64.file)) !== 201) throw new Error("64 MB upload failed");
    up2.close();
    // Like for like: one `npm start` process against nginx with one worker, then WEB_CONCURRENCY=2
    // against nginx with a worker per core (2 here). nginx sends with sendfile (no copy through
    // user space); Node reads the file and writes it to the socket.
    const file = `/t/${token}/bench/noarch/${pkg64.filename}`;
    const packagesRoot = path.join(process.env.PACKAGES_DIR!, channelId);
    const nginxOne = nginxPort + 1;
    const nginxAll = nginxPort + 2;
    if (hasNginx) {
      startNginx(packagesRoot, nginxOne, 1);
      startNginx(packagesRoot, nginxAll, "auto");
    }
    await new Promise((r) => setTimeout(r, 300));
    const downloads = async (portalUrl: string, processes: number, nginxUrlOf: string, cache: string) => {
      for (let round = 1; round <= ROUNDS; round++) {
        const viaPortal = await downloadRate(`${portalUrl}${file}`, 8);
        let line = `  [${round}] 64 MB download (${viaPortal.tool}), 8 connections, npm start ${processes} process${processes > 1 ? "es" : ""} (${cache}): ${viaPortal.mbs.toFixed(0)} MB/s (${viaPortal.failed} failed)`;
        if (hasNginx) {
          const viaNginx = await downloadRate(`${nginxUrlOf}/noarch/${pkg64.filename}`, 8);
          const ratio = viaPortal.mbs / viaNginx.mbs;
          line += `, nginx static with ${processes} worker${processes > 1 ? "s" : ""} ${viaNginx.mbs.toFixed(0)} MB/s (${viaNginx.failed} failed), ratio ${ratio.toFixed(2)} (target >= 0.5: ${ratio >= 0.5 ? "met" : "MISSED"})`;
        } else line += " (nginx not installed: no comparison)";
        console.log(line);
      }
    };
    // The first download streams from disk and loads the file into memory (PACKAGE_MEMORY_CACHE_MB,
    // 256 by default); the rest are sent from memory. Then the same with the cache off: every byte
    // read from the page cache, as for a package too big or too rarely asked for to be kept.
    await downloads(hotUrl, 1, `http://127.0.0.1:${nginxOne}`, "from memory");
    await stopServer(hot.child);
    const uncached = await startNpmStart({ ...portalEnv, PACKAGE_MEMORY_CACHE_MB: "0" }, PORTAL_PORT, path.join(work, "portal-0.log"));
    await downloads(uncached.url, 1, `http://127.0.0.1:${nginxOne}`, "from disk, PACKAGE_MEMORY_CACHE_MB=0");
    await stopServer(uncached.child);
    const cores = os.cpus().length;
    const all = await startNpmStart({ ...portalEnv, WEB_CONCURRENCY: String(cores) }, PORTAL_PORT, path.join(work, "portal-all.log"));
    await downloads(all.url, cores, `http://127.0.0.1:${nginxAll}`, "from memory");
    await stopServer(all.child);
    console.log(`  load average at the end: ${loadavg()}`);
    await handle.close();
  } finally {
    cleanup();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

try {
  await main();
} catch (err) {
  const e = err as Error & { cause?: Error };
  console.error(`bench failed: ${(e.cause ?? e).message.slice(0, 500)}`);
  process.exitCode = 1;
}
cleanup();
process.exit(process.exitCode ?? 0);
