import { z } from "zod";
import type { Permission } from "@/lib/authz/policy";
import { openOrgCall, principalKey, toResponse, type ApiContext } from "../api-handler";
import { withIdempotency, type StoredResponse } from "../idempotency";
import { readBody } from "../read-body";
import { v1ErrorResponse, validationResponse, zodDetail, type V1Detail } from "./errors";

type Params = Record<string, string>;

/** Path parameters the v1 document declares as UUIDs: anything else is a 422, as there. */
const uuidParams = ["user_id", "token_id"] as const;

type Options<S extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  permission: Permission;
  body?: S;
  query?: Q;
};

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type V1Context<I, Q> = Omit<ApiContext<I>, "params"> & { params: Params; query: Q };

class V1ValidationFailure extends Error {
  constructor(readonly detail: V1Detail[]) {
    super("invalid request");
  }
}

function parse<S extends z.ZodType>(schema: S, raw: unknown, where: "body" | "query"): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new V1ValidationFailure(zodDetail(where, raw, result.error.issues));
  return result.data;
}

/**
 * The wrapper of every `/api/v1/organizations/{org_id}/...` route: the same checks as the
 * other API version (shared with it), then the v1 request shapes (UUID path ids, body and
 * query), Idempotency-Key, and every error in v1's shapes. The handler only maps shapes
 * around one domain call.
 */
export function v1OrgRoute<S extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: Options<S, Q>,
  handler: (ctx: V1Context<Out<S>, Out<Q>>) => Promise<StoredResponse>,
) {
  return async (req: Request, { params }: { params: Promise<Params> }) => {
    try {
      const routeParams = await params;
      const { actor, access } = await openOrgCall(req, routeParams.org_id ?? "", options);
      const badIds = uuidParams.filter((name) => name in routeParams && !z.uuid().safeParse(routeParams[name]).success);
      if (badIds.length) {
        return validationResponse(
          badIds.map((name) => ({ loc: ["path", name], msg: "Input should be a valid UUID.", type: "uuid_parsing" })),
        );
      }
      const url = new URL(req.url);
      const query = (options.query ? parse(options.query, Object.fromEntries(url.searchParams), "query") : undefined) as Out<Q>;
      const raw = options.body ? await readBody(req) : undefined;
      const input = (options.body ? parse(options.body, raw, "body") : undefined) as Out<S>;
      const result = await withIdempotency(
        principalKey(actor),
        req.headers.get("idempotency-key"),
        { method: req.method, path: url.pathname, body: raw },
        () => handler({ req, actor, access, params: routeParams, input, query, url }),
      );
      return toResponse(result);
    } catch (err) {
      if (err instanceof V1ValidationFailure) return validationResponse(err.detail);
      return v1ErrorResponse(err);
    }
  };
}
