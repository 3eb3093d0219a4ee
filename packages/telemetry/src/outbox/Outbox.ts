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
  /**
   * Whose data it is: who was with the robot when it was queued (ConsentProfile.audience: a
   * person id, several joined with `,`, `?` for someone unrecognised; empty: nobody identified).
   * Their consent is checked again just before sending, so a revoked consent reaches what already
   * waits. Absent on messages about the robot itself (status, health).
   */
  readonly person?: string;
  /** When it was queued (ms since the epoch), so what outlives `retention_days` is purged. */
  readonly queuedAt?: number;
}

/**
 * Changes one entry during `revise`: the entry as it is (kept), a new entry with the same id
 * (replaced in place), or undefined (removed, as if acknowledged).
 */
export type OutboxReviser = (entry: OutboxEntry) => OutboxEntry | undefined;

export interface Outbox {
  /** Adds an entry at the end. A bounded outbox may drop its oldest normal entry to make room. */
  append(entry: OutboxEntry): Promise<void>;
  /** The oldest entries, in order, without removing them. */
  peek(limit: number): Promise<readonly OutboxEntry[]>;
  /** Removes an entry once the broker has it; unknown ids are ignored. */
  acknowledge(id: string): Promise<void>;
  /** Entries waiting. */
  size(): Promise<number>;
  /**
   * Passes every waiting entry through `reviser`, keeping order, and returns how many were
   * replaced or removed. Used when consent is revoked and for retention: an on-disk outbox must
   * no longer hold the old form anywhere in its files once this resolves.
   */
  revise(reviser: OutboxReviser): Promise<number>;
  /** Releases what the outbox holds open (files, databases). Idempotent. */
  dispose(): Promise<void>;
}
