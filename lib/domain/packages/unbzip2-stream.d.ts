declare module "unbzip2-stream" {
  import type { Duplex } from "node:stream";
  /** A transform stream: bzip2 in, decompressed bytes out. */
  export default function unbzip2Stream(): Duplex;
}
