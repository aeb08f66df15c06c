import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { deletePackage } from "@/lib/domain/packages/delete-package";
import { uploadPackage } from "@/lib/domain/packages/upload-package";
import { orgApiRoute } from "@/lib/http/api-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// Packages can be gigabytes: the body is streamed to disk by the use case, never buffered here.
export const maxDuration = 3600;

const target = (params: Record<string, string>) => ({ channel: params.channel, subdir: params.subdir, filename: params.filename });

// PUT /api/organizations/{orgId}/channels/{channel}/packages/{subdir}/{filename}
export const PUT = orgApiRoute({ permission: "channels.manage" }, async ({ actor, access, params, req }) => {
  const declared = req.headers.get("content-length");
  const body = req.body ? Readable.fromWeb(req.body as NodeReadableStream<Uint8Array>) : Readable.from([]);
  const pkg = await uploadPackage(actor, access.org.slug, target(params), body, {
    declaredSize: declared && /^\d+$/.test(declared) ? Number(declared) : undefined,
  });
  return { status: 201, body: pkg };
});

// DELETE /api/organizations/{orgId}/channels/{channel}/packages/{subdir}/{filename}
export const DELETE = orgApiRoute({ permission: "channels.manage" }, async ({ actor, access, params }) => {
  await deletePackage(actor, access.org.slug, target(params));
  return { status: 204 };
});

const other = methodNotAllowed("PUT, DELETE");
export { other as GET, other as POST, other as PATCH };
