import { AppError } from "@/lib/errors";

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON (or form-encoded) body with a size cap. An empty body is `{}`; anything that is
 * not an object of the right shape is left to the zod schema to refuse.
 */
export async function readBody(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const buffer = await req.arrayBuffer();
  if (buffer.byteLength > MAX_BODY_BYTES) throw tooLarge();
  const text = new TextDecoder("utf-8", { fatal: false }).decode(buffer);
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

const tooLarge = () => new AppError("validation", `The request body is larger than ${MAX_BODY_BYTES} bytes.`, undefined, "body_too_large");
