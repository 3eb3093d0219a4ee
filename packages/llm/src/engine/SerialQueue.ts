/**
 * Runs tasks one after another. A chat session holds one conversation: two turns of the same
 * session must not generate at once, or their tokens would interleave in its KV cache.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // The queue goes on whether or not this task failed; its caller sees the failure.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Settles once every queued task has. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
