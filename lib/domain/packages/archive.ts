import fs from "node:fs";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Decompress } from "fzstd";
import tar from "tar-stream";
import unbzip2Stream from "unbzip2-stream";
import yauzl from "yauzl";
import { AppError } from "@/lib/errors";
import type { PackageFormat } from "./package-filename";

// info/index.json is a few hundred bytes; the info tarball of a .conda a few MB at most.
const MAX_INDEX_BYTES = 1024 * 1024;
const MAX_INFO_TAR_BYTES = 256 * 1024 * 1024;

export const corrupt = (why: string) =>
  new AppError("validation", `The file is not a valid conda package: ${why}.`, undefined, "invalid_package");

/**
 * Reads info/index.json out of a package file with maintained libraries only: a .conda is a zip
 * (yauzl reads one entry from the file without loading the whole) whose info-*.tar.zst is
 * zstd (fzstd, streaming with a size cap) over tar (tar-stream); a .tar.bz2 is bzip2
 * (unbzip2-stream) over tar, read as a stream until the entry shows up.
 */
export async function readIndexJson(file: string, format: PackageFormat): Promise<Record<string, unknown>> {
  const raw = format === ".conda" ? await indexFromConda(file) : await indexFromTarBz2(fs.createReadStream(file));
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    throw corrupt("info/index.json is not valid JSON");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw corrupt("info/index.json is not an object");
  return parsed as Record<string, unknown>;
}

const isIndexEntry = (name: string) => name.replace(/^\.\//, "") === "info/index.json";

/** A tar stream's info/index.json; rejects when the stream ends without it. */
function indexFromTar(input: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const extract = tar.extract();
    let done = false;
    const finish = (err: Error | null, value?: Buffer) => {
      if (done) return;
      done = true;
      input.destroy();
      extract.destroy();
      if (err) reject(err);
      else resolve(value!);
    };
    extract.on("entry", (header, stream, next) => {
      if (!isIndexEntry(header.name)) {
        stream.on("end", next);
        stream.resume();
        return;
      }
      if (header.size !== undefined && header.size > MAX_INDEX_BYTES) return finish(corrupt("info/index.json is too large"));
      const chunks: Buffer[] = [];
      stream.on("data", (c: unknown) => void chunks.push(c as Buffer));
      stream.on("end", () => finish(null, Buffer.concat(chunks)));
      stream.on("error", () => finish(corrupt("the tar archive is damaged")));
    });
    extract.on("finish", () => finish(corrupt("it has no info/index.json")));
    extract.on("error", () => finish(corrupt("the tar archive is damaged")));
    input.on("error", (err) => finish(err instanceof AppError ? err : corrupt("the compressed data is damaged")));
    input.pipe(extract);
  });
}

function indexFromTarBz2(input: Readable): Promise<Buffer> {
  const bz = unbzip2Stream();
  input.on("error", (err) => bz.destroy(err));
  input.pipe(bz);
  return indexFromTar(bz);
}

function indexFromConda(file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, strictFileNames: true }, (err, zip) => {
      if (err || !zip) return reject(corrupt("it is not a zip archive"));
      let settled = false;
      const settle = (error: Error | null, value?: Buffer) => {
        if (settled) return;
        settled = true;
        zip.close();
        if (error) reject(error);
        else resolve(value!);
      };
      zip.on("error", () => settle(corrupt("the zip archive is damaged")));
      zip.on("end", () => settle(corrupt("it has no info-*.tar.zst member")));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (!/^info-.+\.tar\.zst$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return settle(corrupt("the zip archive is damaged"));
          indexFromTar(zstdStream(stream)).then(
            (buf) => settle(null, buf),
            (e: Error) => settle(e),
          );
        });
      });
      zip.readEntry();
    });
  });
}

/** zstd decompression as a stream, with a cap on the output (a small input can expand a lot). */
function zstdStream(input: Readable): Readable {
  const out = new Readable({ read() {} });
  let total = 0;
  let ended = false;
  const end = () => {
    if (!ended) out.push(null);
    ended = true;
  };
  const zstd = new Decompress((chunk, final) => {
    total += chunk.length;
    if (total > MAX_INFO_TAR_BYTES) throw corrupt("the info tarball is too large");
    if (!ended) out.push(Buffer.from(chunk));
    if (final) end();
  });
  pipeline(
    input,
    new Writable({
      write(chunk: Buffer, _enc, done) {
        try {
          zstd.push(chunk);
          done();
        } catch (err) {
          done(err instanceof AppError ? err : corrupt("the zstd data is damaged"));
        }
      },
      final(done) {
        try {
          zstd.push(new Uint8Array(0), true);
          end();
          done();
        } catch {
          done(corrupt("the zstd data is damaged"));
        }
      },
    }),
  ).catch((err: Error) => out.destroy(err));
  return out;
}
