// Lets a commit nudge this process's worker instead of waiting for its next poll.
const WAKE = Symbol.for("org-portal.outbox-wake");
type Global = typeof globalThis & { [WAKE]?: () => void };

export function onOutboxWake(fn: (() => void) | undefined) {
  (globalThis as Global)[WAKE] = fn;
}

export function wakeOutboxWorker() {
  // Deliver after the enqueuing transaction has had a moment to commit.
  const fn = (globalThis as Global)[WAKE];
  if (fn) setTimeout(fn, 50);
}
