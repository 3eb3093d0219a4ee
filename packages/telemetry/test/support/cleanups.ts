/**
 * Cleanups that run after each test, last first, even when the test failed: nothing may keep jest
 * from exiting. Call once at the top of a test file.
 */
import { afterEach } from '@jest/globals';

type Closable =
  | { close(): Promise<unknown> }
  | { dispose(): Promise<unknown> }
  | { shutdown(): Promise<unknown> };

export interface Cleanups {
  /** Runs `cleanup` after the current test. */
  defer(cleanup: () => Promise<unknown>): void;
  /** Closes, disposes or shuts down `thing` after the current test; returns it. */
  track<T extends Closable>(thing: T): T;
}

export function cleanupAfterEach(): Cleanups {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });
  const defer = (cleanup: () => Promise<unknown>): void => {
    cleanups.push(cleanup);
  };
  return {
    defer,
    track: (thing) => {
      defer(() =>
        'close' in thing ? thing.close() : 'dispose' in thing ? thing.dispose() : thing.shutdown(),
      );
      return thing;
    },
  };
}
