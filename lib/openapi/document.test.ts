import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route handler file under app/api, as an OpenAPI path template and its exported methods. */
function apiRoutes(): Array<{ path: string; method: string }> {
  const root = path.join(process.cwd(), "app");
  const found: Array<{ path: string; method: string }> = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name === "route.ts") {
        const rel = path.relative(root, dir).split(path.sep);
        if (rel[0] !== "api" || rel.includes("[...path]") || rel.includes("auth") || rel.includes("openapi.json")) continue;
        const template = "/" + rel.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");
        const source = fs.readFileSync(full, "utf8");
        for (const m of methods)
          if (new RegExp(`export (const|async function|function) ${m}\\b`).test(source))
            found.push({ path: template, method: m.toLowerCase() });
      }
    }
  };
  visit(path.join(root, "api"));
  return found;
}

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument("http://localhost:3000");

  it("is OpenAPI 3.1 with components", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components?.schemas ?? {})).toContain("Problem");
  });

  it("documents every API route handler and method", () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(5);
    const missing = routes.filter((r) => !(doc.paths?.[r.path] as Record<string, unknown> | undefined)?.[r.method]);
    expect(missing).toEqual([]);
  });
});

describe("expectDocumentedResponse", () => {
  it("refuses undocumented statuses and bodies that do not match the schema", async () => {
    const { expectDocumentedResponse } = await import("@/test/api");
    const path = "/api/organizations/{orgId}/users";
    expect(() =>
      expectDocumentedResponse(path, "POST", {
        status: 201,
        body: { first_name: null, last_name: null, email: null, id: "6f1c0a43-2b1e-4c53-9d0e-3c1f5a2b7d10" },
      }),
    ).not.toThrow();
    expect(() => expectDocumentedResponse(path, "POST", { status: 201, body: { id: 42 } })).toThrow(/does not match/);
    expect(() => expectDocumentedResponse(path, "POST", { status: 418, body: {} })).toThrow(/does not document/);
    expect(() => expectDocumentedResponse("/api/nowhere", "GET", { status: 200, body: {} })).toThrow(/not in the OpenAPI/);
  });
});
