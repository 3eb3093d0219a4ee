/**
 * Purges stored history older than the admin's `retentionDays`: once at start, then every day.
 * Alerts nobody has acknowledged are kept whatever their age (the store's purge leaves them).
 * Expired logins are swept on the same schedule.
 */
import type { DashboardLogger } from '../DashboardLogger.js';
import type { DashboardStore, PurgeCounts } from '../store/DashboardStore.js';
import type { TimerHandle, Timers } from '@hearth/graph';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionJobOptions {
  readonly store: DashboardStore;
  readonly logger: DashboardLogger;
  readonly timers: Timers;
  readonly now: () => number;
  /** Default one day. */
  readonly periodMs?: number;
}

export class RetentionJob {
  private timer: TimerHandle | undefined;
  private running: Promise<PurgeCounts | undefined> | undefined;
  private disposed = false;

  constructor(private readonly options: RetentionJobOptions) {}

  /** Runs a purge now and schedules the next ones. */
  start(): Promise<PurgeCounts | undefined> {
    const first = this.runNow();
    this.schedule();
    return first;
  }

  /** One purge with the current setting; undefined when the store failed (logged). */
  runNow(): Promise<PurgeCounts | undefined> {
    this.running = (this.running ?? Promise.resolve(undefined)).then(() => this.purge());
    return this.running;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.disposed) return;
    this.timer = this.options.timers.setTimeout(() => {
      void this.runNow().then(() => this.schedule());
    }, this.options.periodMs ?? DAY_MS);
  }

  private async purge(): Promise<PurgeCounts | undefined> {
    const { store, logger, now } = this.options;
    try {
      const { retentionDays } = await store.settings();
      const cutoff = new Date(now() - retentionDays * DAY_MS).toISOString();
      const counts = await store.purgeBefore(cutoff);
      await store.deleteExpiredLogins(now());
      if (counts.events + counts.mood + counts.alerts + counts.sessions > 0)
        logger.info('dashboard retention purge', { retentionDays, cutoff, ...counts });
      return counts;
    } catch (error) {
      logger.error('dashboard retention purge failed; will try again', {
        error: (error as Error).message,
      });
      return undefined;
    }
  }
}
