/**
 * Resolves as `promise` does, or with `onTimeout()` once `ms` have passed without it settling:
 * a wait on another node (a tts that never answers a cancel) must not hold the dialogue forever.
 * The timer is cleared as soon as either happens.
 */
export function settleWithin<T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  return Promise.race([promise, gaveUp]).finally(() => clearTimeout(timer));
}
