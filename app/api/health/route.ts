import { sql } from "drizzle-orm";
import { db, getDbHandle } from "@/db";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/health
export async function GET() {
  const started = performance.now();
  try {
    await db().execute(sql`select 1`);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    return Response.json({ status: "ok", database: { status: "ok", kind: getDbHandle().kind, latency_ms: ms } });
  } catch {
    return Response.json({ status: "degraded", database: { status: "unavailable" } }, { status: 503 });
  }
}

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };
