import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { getSessionUser } from "@/lib/auth/session";
import { uploadPackage } from "@/lib/domain/packages/upload-package";
import { AppError } from "@/lib/errors";
import { errorToProblem } from "@/lib/http/problem";

export const maxDuration = 3600;

/**
 * The channel page's Upload Packages: the same use case as the API's PUT, authenticated by the
 * browser session. The platform subdir is read from the archive. A cross-site page cannot use
 * the session cookie here: the request must come from this origin.
 */
// PUT /organizations/{orgId}/channels/{channel}/upload/{filename}   body: the package file's bytes
// A page route rather than the API: it takes the session cookie, and the browser reports progress.
export async function PUT(req: Request, { params }: { params: Promise<{ orgId: string; channel: string; filename: string }> }) {
  try {
    const origin = req.headers.get("origin");
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    if (!origin || URL.parse(origin)?.host !== host || req.headers.get("sec-fetch-site") === "cross-site") {
      throw new AppError("forbidden", "Uploads from the browser must come from this site.");
    }
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthenticated", "Sign in to upload packages.");
    const { orgId, channel, filename } = await params;
    const declared = req.headers.get("content-length");
    const body = req.body ? Readable.fromWeb(req.body as NodeReadableStream<Uint8Array>) : Readable.from([]);
    const pkg = await uploadPackage(user, orgId, { channel, filename }, body, {
      declaredSize: declared && /^\d+$/.test(declared) ? Number(declared) : undefined,
    });
    return Response.json(pkg, { status: 201 });
  } catch (err) {
    return errorToProblem(err);
  }
}
