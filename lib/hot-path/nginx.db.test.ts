import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { orgWithSeatedMember, rawGet, setSeat, startHotPath, type TestHotPath } from "@/lib/domain/tokens/member/test-support";
import { useTestDatabase } from "@/test/db";

// The README's nginx setup, for real: nginx serves the channel files and asks the app's
// /api/tokens/check through auth_request. Runs where nginx is installed.
const hasNginx = spawnSync("nginx", ["-v"]).status === 0;
const testDb = useTestDatabase();

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

function nginxConfig(dir: string, port: number, appPort: number) {
  return `
daemon off;
${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  types { application/json json; application/x-bzip2 bz2; }
  upstream portal { server 127.0.0.1:${appPort}; keepalive 8; }
  server {
    listen 127.0.0.1:${port};
    location /t/ {
      auth_request /_token_check;
      rewrite ^/t/[^/]+/(.*)$ /$1 break;
      root ${dir}/channels;
      autoindex off;
      location ~ /\\. { deny all; }
    }
    location = /_token_check {
      internal;
      proxy_pass http://portal/api/tokens/check;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header X-Original-URI $request_uri;
      proxy_set_header Authorization $http_authorization;
    }
  }
}`;
}

describe.runIf(hasNginx)("nginx auth_request in front of /api/tokens/check", () => {
  let hot: TestHotPath;
  let nginx: ChildProcess;
  let dir: string;
  let base: string;

  beforeAll(async () => {
    hot = await startHotPath(testDb.handle);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nginx-"));
    fs.mkdirSync(path.join(dir, "tmp"));
    fs.cpSync(path.join(process.cwd(), "channels"), path.join(dir, "channels"), { recursive: true });
    fs.writeFileSync(path.join(dir, "secret.txt"), "top secret");
    const port = await freePort();
    fs.writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, port, Number(new URL(hot.url).port)));
    nginx = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], { stdio: "inherit" });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      try {
        await rawGet(base, "/");
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }, 30_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      await new Promise((resolve) => {
        nginx.once("exit", resolve);
        nginx.kill("SIGQUIT");
      });
    }
    await hot?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("serves the channel to a valid token, refuses others, and stops on the next request after a seat revoke", async () => {
    const { org, member } = await orgWithSeatedMember();
    const { token } = await issueToken(member, org.slug);
    const ok = await rawGet(base, `/t/${token}/sample/noarch/repodata.json`);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body.toString()).packages["hello-portal-1.0.0-0.tar.bz2"]).toBeTruthy();
    const part = await rawGet(base, `/t/${token}/sample/noarch/hello-portal-1.0.0-0.tar.bz2`, { range: "bytes=0-9" });
    expect(part.status).toBe(206);
    expect(part.body).toHaveLength(10);

    expect((await rawGet(base, `/t/opt_nope/sample/noarch/repodata.json`)).status).toBe(401);
    for (const attempt of [
      "/sample/../../secret.txt",
      "/sample/%2e%2e/%2e%2e/secret.txt",
      "/../secret.txt",
      "/sample/README.md/../../../secret.txt",
    ]) {
      const res = await rawGet(base, `/t/${token}${attempt}`);
      expect(res.body.toString(), attempt).not.toContain("top secret");
      expect(res.status, attempt).not.toBe(200);
    }

    await setSeat(org, member.userId, false);
    expect((await rawGet(base, `/t/${token}/sample/noarch/repodata.json`)).status).toBe(401);
  });
});
