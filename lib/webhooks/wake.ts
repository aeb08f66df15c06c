// Lets a commit nudge this process's delivery worker instead of waiting for its next poll.
const WAKE = Symbol.for("org-portal.webhook-wake");
type Global = typeof globalThis & { [WAKE]?: () => void };

export function onWebhookWake(fn: (() => void) | undefined) {
  (globalThis as Global)[WAKE] = fn;
}

export function wakeWebhookWorker() {
  // Deliver after the enqueuing transaction has had a moment to commit.
  const fn = (globalThis as Global)[WAKE];
  if (fn) setTimeout(fn, 50);
}
