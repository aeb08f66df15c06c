/**
 * Set by the Next.js app process on its responses to server.ts: the actor the request was
 * identified as, for server.ts's log line. server.ts removes it before the answer leaves.
 */
export const ACTOR_HEADER = "x-portal-actor";
