/** An opaque handle from `Timers.setTimeout`. */
export type TimerHandle = object | number;

/**
 * The clock and one-shot timers the scheduling parts use, injectable so that tests drive them
 * with a fake clock instead of waiting.
 */
export interface Timers {
  nowMs(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Node's timers, with the time of `nowMs` (the graph node's clock, ROS time on a robot). */
export function systemTimers(nowMs: () => number = Date.now): Timers {
  return {
    nowMs,
    setTimeout: (callback, delayMs) => {
      const handle = setTimeout(callback, Math.max(0, delayMs));
      // A pending gesture must never keep the process alive on shutdown.
      handle.unref();
      return handle;
    },
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
}
