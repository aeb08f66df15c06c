/** A stream as an HTTP response that downloads as a file. */
export function downloadResponse({
  stream,
  contentType,
  fileName,
}: {
  stream: ReadableStream<Uint8Array>;
  contentType: string;
  fileName: string;
}) {
  return new Response(stream, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
