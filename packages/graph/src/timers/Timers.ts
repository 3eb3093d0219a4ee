/** An opaque handle from `Timers.setTimeout`. */
export type TimerHandle = object | number;

/**
 * A clock and one-shot timers, injectable so that retries, reconnects, alert re-sends and
 * schedules are tested with a hand-moved clock instead of waiting.
 */
export interface Timers {
  nowMs(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Node's timers, with the time of `nowMs` (pass a graph node's clock for ROS time on a robot). */
export function systemTimers(nowMs: () => number = Date.now): Timers {
  return {
    nowMs,
    setTimeout: (callback, delayMs) => {
      const handle = setTimeout(callback, Math.max(0, delayMs));
      // Unref'd: a pending retry, re-send, purge or gesture must not keep a finished process
      // alive; whoever needs the process to stay up holds a socket or a spinning node instead.
      handle.unref();
      return handle;
    },
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
}
