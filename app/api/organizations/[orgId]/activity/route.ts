import { exportActivity, type ExportFormat } from "@/lib/domain/activity/export-activity";
import { downloadResponse } from "@/lib/http/download";
import { toActivityEntry } from "@/lib/domain/activity/activity-query";
import { listActivity } from "@/lib/domain/activity/list-activity";
import { orgApiRoute, type ApiContext } from "@/lib/http/api-handler";
import { AppError } from "@/lib/errors";
import { errorToProblem } from "@/lib/http/problem";
import { activityFormatSchema } from "@/lib/validation/activity";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

const API_PAGE_SIZE = 100;

const filtersOf = (url: URL) => {
  const q = url.searchParams;
  const get = (k: string) => q.get(k) ?? undefined;
  return { actor: get("actor"), action: get("action"), target: get("target"), from: get("from"), to: get("to"), cursor: get("cursor") };
};

const listPage = orgApiRoute({ permission: "activity.read" }, async ({ actor, access, url }) => {
  const page = await listActivity(actor, access.org.slug, filtersOf(url), { pageSize: API_PAGE_SIZE });
  return { status: 200, body: { data: page.entries.map(toActivityEntry), next_cursor: page.nextCursor } };
});

// GET /api/organizations/{orgId}/activity?actor=&action=&target=&from=&to=&cursor=&format=csv|jsonl
export async function GET(req: Request, ctx: { params: Promise<Record<string, string>> }) {
  const format = new URL(req.url).searchParams.get("format");
  if (format === null || format === "json") return listPage(req, ctx);
  if (!activityFormatSchema.safeParse(format).success) {
    return errorToProblem(new AppError("validation", "Some fields need attention.", { format: "Use csv or jsonl." }));
  }
  // A stream does not fit the wrapper's JSON answer, so the wrapper only admits the caller
  // (token, org, permission, rate limit, subscription); the stream is built once it says yes.
  let admitted: ApiContext<undefined> | undefined;
  const gate = await orgApiRoute({ permission: "activity.read" }, async (c) => {
    admitted = c;
    return { status: 204 };
  })(req, ctx);
  if (!admitted) return gate;
  try {
    return downloadResponse(
      await exportActivity(admitted.actor, admitted.access.org.slug, filtersOf(admitted.url), format as ExportFormat),
    );
  } catch (err) {
    return errorToProblem(err);
  }
}

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };
