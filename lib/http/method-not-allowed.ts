import { problem } from "./problem";

type NotAllowed = ((req: Request) => Promise<Response>) & { allow: string };

/**
 * The answer to a method a route does not implement: 405 with `Allow` and problem+json (Next's
 * own answer is an empty 405 without Allow). A route exports it under every method it lacks:
 *   const other = methodNotAllowed("GET, POST");
 *   export { other as PUT, other as PATCH, other as DELETE };
 */
export function methodNotAllowed(allow: string): NotAllowed {
  const handler = async (req: Request) =>
    problem(405, "method_not_allowed", `${req.method} is not supported here; use ${allow}.`, { headers: { allow } });
  return Object.assign(handler, { allow });
}
