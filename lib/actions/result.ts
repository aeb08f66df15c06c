import { unstable_rethrow } from "next/navigation";
import { AppError, type FieldErrors } from "@/lib/errors";
import { describeError } from "@/lib/observability/describe-error";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; error: string; fields?: FieldErrors };

/**
 * The one adapter from a domain call to a server action result: expected errors become typed
 * results (thrown messages are hidden in production); redirect()/notFound() pass through.
 */
export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (err) {
    unstable_rethrow(err);
    if (err instanceof AppError) {
      return { ok: false, code: err.reason ?? err.code, error: err.message, fields: err.fields };
    }
    const id = crypto.randomUUID();
    console.error(JSON.stringify({ level: "error", msg: "action failed", id, ...describeError(err) }));
    return { ok: false, code: "internal", error: `Something went wrong on our side (reference ${id.slice(0, 8)}).` };
  }
}
