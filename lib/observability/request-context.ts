import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { requestId: string; actor?: string; org?: string };

// One store per process, on globalThis: server.ts (loaded by tsx) and the Next.js bundle each
// have their own copy of this module, and both must see the same request context.
const KEY = Symbol.for("org-portal.request-context");
type Global = typeof globalThis & { [KEY]?: AsyncLocalStorage<RequestContext> };
const g = globalThis as Global;
export const requestContext: AsyncLocalStorage<RequestContext> = (g[KEY] ??= new AsyncLocalStorage<RequestContext>());

/** Lets the code that identifies the caller name it in this request's log line. */
export function noteActor(actor: string | undefined) {
  const ctx = requestContext.getStore();
  if (ctx && actor) ctx.actor = actor;
}
