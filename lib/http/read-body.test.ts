import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readBody, readCapped } from "./read-body";

/** A chunked request body (no Content-Length) that counts how much of it was pulled. */
function chunkedRequest(chunk: Uint8Array, chunks: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(chunk);
    },
  });
  const req = new Request("http://localhost/api/x", {
    method: "POST",
    body: stream,
    headers: { "content-type": "application/json" },
    duplex: "half",
  } as RequestInit);
  return { req, pulled: () => pulled };
}

describe("readBody", () => {
  it("stops reading a chunked body once it passes the cap", async () => {
    const { req, pulled } = chunkedRequest(new Uint8Array(64 * 1024).fill(0x20), 1000); // 64 MB offered
    expect(req.headers.get("content-length")).toBeNull();
    const err = await readBody(req).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).reason).toBe("body_too_large");
    // 1 MiB is 16 chunks of 64 KiB: it gave up right after the 17th, not after all 1000.
    expect(pulled()).toBeLessThanOrEqual(20);
  });

  it("reads a chunked body under the cap", async () => {
    const { req } = chunkedRequest(new TextEncoder().encode('{"a":1}'), 1);
    expect(await readBody(req)).toEqual({ a: 1 });
  });

  it("refuses a declared Content-Length over the cap before reading", async () => {
    const req = new Request("http://localhost/api/x", { method: "POST", body: "{}", headers: { "content-length": "99999999" } });
    await expect(readCapped(req, 10)).rejects.toMatchObject({ reason: "body_too_large" });
  });

  it("an empty body is an empty object", async () => {
    expect(await readBody(new Request("http://localhost/api/x", { method: "POST" }))).toEqual({});
  });
});
