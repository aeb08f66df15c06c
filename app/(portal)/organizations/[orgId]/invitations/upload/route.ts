import { getSessionUser } from "@/lib/auth/session";
import { inviteFromCsv } from "@/lib/domain/invitations/invite-members";
import { AppError } from "@/lib/errors";
import { problem } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { MAX_CSV_BYTES } from "@/lib/validation/invitations";

export const dynamic = "force-dynamic";

// POST /organizations/{orgId}/invitations/upload   body: the CSV file's bytes
// A plain request rather than a server action, so the browser can report upload progress.
export const POST = route(async (req: Request, { params }: { params: Promise<{ orgId: string }> }) => {
  const { orgId } = await params;
  // The session cookie rides along on any request: only this site's own pages may post here.
  const origin = req.headers.get("origin");
  if (origin && hostOf(origin) !== req.headers.get("host")) return problem(403, "forbidden", "Cross-site uploads are not allowed.");
  const actor = await getSessionUser();
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_CSV_BYTES) return tooLarge();
  const file = await readAtMost(req, MAX_CSV_BYTES);
  if (!file) return tooLarge();
  // The dialog's Role and Assign a seat on joining ride in the query string; the body is the file.
  const query = new URL(req.url).searchParams;
  const options = { role: query.get("role") ?? undefined, assignSeat: query.get("seat") === "1" };
  return Response.json(await inviteFromCsv(actor, orgId, file, { fileName: fileNameOf(req), options }));
});

function hostOf(origin: string) {
  try {
    return new URL(origin).host;
  } catch {
    return null; // e.g. "null" from a sandboxed frame: never this site
  }
}

function fileNameOf(req: Request) {
  try {
    return decodeURIComponent(req.headers.get("x-file-name") ?? "") || undefined;
  } catch {
    return undefined;
  }
}

const tooLarge = () =>
  problem(
    413,
    "csv_too_large",
    `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MiB. Nothing was invited: split it and upload each part.`,
  );

/** The body, or null once it passes the limit (without buffering the rest of it). */
async function readAtMost(req: Request, limit: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
