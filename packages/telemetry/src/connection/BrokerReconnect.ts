/**
 * Reconnects an MQTT client with exponential backoff and jitter (`Backoff`), for the robot's
 * telemetry node and the care dashboard alike: after a broker restart a flat retry period would
 * have every dashboard (and, with a shared broker, every robot) retry in lockstep. mqtt.js's own
 * reconnect must be off (`reconnectPeriod: 0`); this schedules `client.reconnect()` instead.
 */
import { Backoff, type BackoffOptions } from './Backoff.js';
import type { TimerHandle, Timers } from '@hearth/graph';

/** The part of an mqtt.js client this needs (tests pass a fake). */
export interface ReconnectingClient {
  readonly connected: boolean;
  on(event: 'connect' | 'close', listener: () => void): unknown;
  reconnect(): unknown;
}

export class BrokerReconnect {
  private readonly backoff: Backoff;
  private timer: TimerHandle | undefined;
  private disposed = false;

  constructor(
    private readonly client: ReconnectingClient,
    private readonly timers: Timers,
    options: BackoffOptions = {},
    /** Told each scheduled delay (for logs and tests). */
    private readonly onScheduled: (delayMs: number) => void = () => undefined,
  ) {
    this.backoff = new Backoff(options);
    client.on('connect', () => this.backoff.reset());
    client.on('close', () => this.schedule());
  }

  /** Stops retrying; call before ending the client. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.disposed || this.timer !== undefined) return;
    const delay = this.backoff.next();
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      if (this.disposed || this.client.connected) return;
      this.client.reconnect();
    }, delay);
    this.onScheduled(delay);
  }
}
