import { describeError } from "@/lib/observability/describe-error";

/**
 * Runs `pass` every `intervalMs`, and at once whenever `onWake` fires (work enqueued in this
 * process). Passes never overlap: a wake during a pass runs another pass right after it, and a
 * pass that did work is followed by another until one finds nothing due. Returns the stop function.
 */
export function startPollLoop({
  name,
  intervalMs,
  pass,
  onWake,
}: {
  name: string;
  intervalMs: number;
  /** One batch of due work; true when it handled anything. */
  pass: () => Promise<boolean>;
  onWake: (fn: (() => void) | undefined) => void;
}): () => void {
  let running = false;
  let again = false;
  const tick = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        if (await pass()) again = true;
      } while (again);
    } catch (err) {
      console.error(JSON.stringify({ level: "error", msg: `${name} pass failed`, ...describeError(err) }));
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  onWake(() => void tick());
  void tick();
  return () => {
    clearInterval(timer);
    onWake(undefined);
  };
}
