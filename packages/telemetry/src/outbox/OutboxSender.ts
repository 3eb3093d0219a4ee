/**
 * Drains an outbox into an MQTT client, oldest first, one message at a time so the broker sees
 * them in order; an entry leaves the outbox only after the broker has it. A failed publish stops
 * the drain; the next `kick()` (on reconnect, or on a new entry) resumes from the same entry, so
 * delivery is at least once and consumers de-duplicate by event id. `prepare` sees each entry
 * just before it goes (consent and retention are checked there, at the last moment): it may
 * narrow it, or withhold it, which removes it unsent.
 */
import type { MqttClient } from 'mqtt';
import type { Outbox, OutboxEntry } from './Outbox.js';

export type OutboxPrepare = (entry: OutboxEntry) => OutboxEntry | undefined;

export interface OutboxSenderLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

export class OutboxSender {
  private draining: Promise<void> | undefined;
  private again = false;
  /** Bumped when the connection is lost: a drain from an older connection stops at its next step. */
  private connection = 0;

  constructor(
    private readonly outbox: Outbox,
    private readonly client: MqttClient,
    private readonly logger: OutboxSenderLogger,
    private readonly prepare: OutboxPrepare = (entry) => entry,
  ) {}

  /** Starts draining if connected and not already draining. */
  kick(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    if (!this.client.connected) return;
    const connection = this.connection;
    const draining = this.drain(connection).finally(() => {
      if (this.draining !== draining) return;
      this.draining = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
    this.draining = draining;
  }

  /**
   * The connection was lost. With a persistent session (clean: false) mqtt.js keeps an unacked
   * publish to resend on reconnect instead of failing it, so its promise may never settle (the
   * broker may have restarted without it): the drain waiting on it is abandoned, and the next
   * kick() starts a new one from the same entry. Consumers de-duplicate the rare double send.
   */
  connectionLost(): void {
    this.connection += 1;
    this.draining = undefined;
    this.again = false;
  }

  /** Resolves once the current drain (if any) has finished. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(connection: number): Promise<void> {
    const current = (): boolean => connection === this.connection;
    while (this.client.connected && current()) {
      const [entry] = await this.outbox.peek(1);
      if (!entry) return;
      const ready = this.prepare(entry);
      if (!ready) {
        await this.outbox.acknowledge(entry.id);
        continue;
      }
      try {
        await this.client.publishAsync(ready.topic, ready.payload, {
          qos: ready.qos,
          retain: ready.retain,
        });
      } catch (error) {
        if (!current()) return;
        this.logger.warn('telemetry publish failed; will retry on reconnect', {
          topic: entry.topic,
          error: (error as Error).message,
        });
        return;
      }
      // The broker has it, even if this drain was abandoned meanwhile (a late PUBACK).
      await this.outbox.acknowledge(entry.id);
    }
  }
}
