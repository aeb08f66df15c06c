import { errorToProblem } from "./problem";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Wraps a route handler so that every failure becomes problem+json, never a stack trace. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (err) {
      return errorToProblem(err);
    }
  };
}
