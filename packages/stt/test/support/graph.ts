// Shared helpers for the stt tests: an in-process graph with captured logs, and waiting.
import { createInProcessTransport, LogCapture, type GraphTransport } from '@hearth/graph';

/**
 * Unlike tests/support/until.ts, a check that throws (an `expect` not met yet) counts as not yet,
 * and the last throw becomes the timeout's cause.
 */
export async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  const holds = () => {
    try {
      return check();
    } catch (error) {
      last = error; // not there yet; named if it never comes
      return false;
    }
  };
  while (!holds()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}`, last === undefined ? {} : { cause: last });
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export interface TestGraph {
  readonly transport: GraphTransport;
  readonly logs: LogCapture;
}

export function testGraph(level: 'debug' | 'warn' = 'debug'): TestGraph {
  const logs = new LogCapture();
  return { transport: createInProcessTransport({ logger: { level, capture: logs } }), logs };
}
