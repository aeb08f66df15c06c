import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { AppError } from "@/lib/errors";
import { removeFile, uploadsDir } from "./storage";

export type ReceivedFile = { file: string; size: number; sha256: string; md5: string };

export const tooLarge = (max: number) =>
  new AppError("too_large", `The package is larger than the limit of ${max} bytes (MAX_PACKAGE_BYTES).`, undefined, "package_too_large");

/**
 * Streams an upload to a temporary file under PACKAGES_DIR while hashing it (sha256, md5, size),
 * so memory stays flat whatever the size. Past `maxBytes` it stops and deletes what it wrote.
 */
export async function receiveUpload(body: AsyncIterable<Uint8Array>, maxBytes: number, root?: string): Promise<ReceivedFile> {
  const dir = uploadsDir(root);
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${Date.now()}-${randomBytes(8).toString("hex")}.part`);
  const sha256 = createHash("sha256");
  const md5 = createHash("md5");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(maxBytes));
      sha256.update(chunk);
      md5.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, fs.createWriteStream(file, { flags: "wx" }));
  } catch (err) {
    await removeFile(file);
    if (err instanceof AppError) throw err;
    throw new AppError("validation", "The upload was interrupted before the whole file arrived.", undefined, "upload_incomplete");
  }
  return { file, size, sha256: sha256.digest("hex"), md5: md5.digest("hex") };
}
