import { AppError } from "@/lib/errors";

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON (or form-encoded) body with a size cap. An empty body is `{}`; anything that is
 * not an object of the right shape is left to the zod schema to refuse.
 */
export async function readBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(await readCapped(req, maxBytes));
  if (text.trim() === "") return {};
  // PostgreSQL text cannot hold NUL; refuse it here with a clear message rather than deep down.
  if (text.includes("\u0000") || text.includes("\\u0000")) {
    throw new AppError("validation", "The request body contains a NUL character.", undefined, "invalid_characters");
  }
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation", "The request body is not valid JSON.", undefined, "invalid_json");
  }
}

/**
 * The body's bytes, read chunk by chunk and given up as soon as they pass `maxBytes`: a chunked
 * body (no Content-Length) is never buffered whole before its size is known.
 */
export async function readCapped(req: Request, maxBytes = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const tooLarge = (maxBytes: number) =>
  new AppError("validation", `The request body is larger than ${maxBytes} bytes.`, undefined, "body_too_large");
