/**
 * Where telemetry waits until the broker has taken it. The node appends every message before it
 * is sent and acknowledges it once the broker has (PUBACK for QoS 1), so an outbox that survives
 * restarts (issue 8's on-disk one) loses nothing. Every implementation must pass the contract
 * suite in test/support/outboxContract.ts.
 */
export interface OutboxEntry {
  /** Unique within the outbox. */
  readonly id: string;
  readonly topic: string;
  /** The JSON payload, already validated. */
  readonly payload: string;
  readonly qos: 0 | 1;
  readonly retain: boolean;
  /** Alerts are never dropped when the outbox is full. */
  readonly priority: 'normal' | 'alert';
}

export interface Outbox {
  /** Adds an entry at the end. A bounded outbox may drop its oldest normal entry to make room. */
  append(entry: OutboxEntry): Promise<void>;
  /** The oldest entries, in order, without removing them. */
  peek(limit: number): Promise<readonly OutboxEntry[]>;
  /** Removes an entry once the broker has it; unknown ids are ignored. */
  acknowledge(id: string): Promise<void>;
  /** Entries waiting. */
  size(): Promise<number>;
  /** Releases what the outbox holds open (files, databases). Idempotent. */
  dispose(): Promise<void>;
}
