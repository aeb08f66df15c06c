import { getSessionUser } from "@/lib/auth/session";
import { exportActivity } from "@/lib/domain/activity/export-activity";
import { downloadResponse } from "@/lib/http/download";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { activityFormatSchema } from "@/lib/validation/activity";

// GET /organizations/{orgId}/activity/export?format=csv|jsonl&actor=&action=&target=&from=&to=
// The Activity page's download buttons (session cookie); the API serves the same stream.
export const GET = route(async (req: Request, { params }: { params: Promise<{ orgId: string }> }) => {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  const q = new URL(req.url).searchParams;
  const format = activityFormatSchema.safeParse(q.get("format") ?? "csv");
  if (!format.success) throw new AppError("validation", "Some fields need attention.", { format: "Use csv or jsonl." });
  const get = (k: string) => q.get(k) ?? undefined;
  const { orgId } = await params;
  const filters = { actor: get("actor"), action: get("action"), target: get("target"), from: get("from"), to: get("to") };
  return downloadResponse(await exportActivity(user, orgId, filters, format.data));
});
