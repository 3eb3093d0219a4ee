import type { Logger, QosProfile } from '../api.js';

/**
 * One subscription's inbox. Delivery is always asynchronous (a callback never runs inside
 * publish()); with best_effort the oldest messages are dropped once more than `depth` wait, with
 * reliable every message is kept.
 */
export class SubscriptionQueue<T> {
  private readonly queue: T[] = [];
  private scheduled = false;
  private closed = false;

  constructor(
    readonly topic: string,
    readonly qos: QosProfile,
    private readonly callback: (message: T) => void,
    private readonly logger: Logger,
  ) {}

  push(message: T): void {
    if (this.closed) return;
    this.queue.push(message);
    if (this.qos.reliability === 'best_effort') {
      while (this.queue.length > this.qos.depth) this.queue.shift();
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  close(): void {
    this.closed = true;
    this.queue.length = 0;
  }

  private drain(): void {
    this.scheduled = false;
    while (!this.closed && this.queue.length > 0) {
      const message = this.queue.shift() as T;
      try {
        this.callback(message);
      } catch (error) {
        // One failing subscriber must not stop delivery to the others, nor the next messages.
        this.logger.error(`subscription callback on ${this.topic} threw`, {
          error: errorText(error),
        });
      }
    }
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
