/** Polls `check` until it holds; fails naming `what` after `timeoutMs`. */
export async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // A tight poll: node tests race the node's own short timers (a turn a short silence ends),
    // and a coarse one sees a later state than the one the test acts on.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
