import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const apiDir = path.resolve(import.meta.dirname, "../../app/api");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    return e.name === "route.ts" ? [p] : [];
  });
}

type RouteModule = Record<string, ((req: Request, ctx: unknown) => Promise<Response>) & { allow?: string }>;

describe("unsupported methods on API routes", { timeout: 60_000 }, () => {
  const files = routeFiles(apiDir);

  it("finds the API routes", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  // Next answers a method a route does not export with an empty 405 and no Allow; every route
  // exports every method so that the answer is ours.
  it.each(files.map((f) => [path.relative(apiDir, f)]))(
    "%s answers every method, unsupported ones with 405 problem+json and Allow",
    async (rel) => {
      const mod = (await import(path.join(apiDir, rel))) as RouteModule;
      for (const method of METHODS) {
        const handler = mod[method];
        expect(handler, `${rel} exports no ${method}`).toBeTypeOf("function");
        if (!handler.allow) continue;
        const res = await handler(new Request(`http://localhost/api/x`, { method, body: method === "GET" ? undefined : "{}" }), {
          params: Promise.resolve({}),
        });
        expect(res.status).toBe(405);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect(res.headers.get("allow")).toBe(handler.allow);
        expect(handler.allow.split(", ")).not.toContain(method);
        for (const allowed of handler.allow.split(", "))
          expect(mod[allowed]?.allow, `${rel}: ${allowed} is listed in Allow`).toBeUndefined();
        expect(await res.json()).toMatchObject({ status: 405, code: "method_not_allowed" });
      }
    },
  );
});
