import type { Logger } from '@hearth/graph';

type Level = 'warn' | 'error';

/**
 * Logs each cause of trouble once: a misconfigured audio topic would otherwise log fifty times a
 * second. Later occurrences are counted and logged at debug level; `clear` (a parameter change)
 * lets every cause be reported again.
 */
export class OnceLog {
  private readonly seen = new Map<string, number>();

  constructor(private readonly logger: Logger) {}

  report(cause: string, level: Level, message: string, fields: Record<string, unknown> = {}): void {
    const count = (this.seen.get(cause) ?? 0) + 1;
    this.seen.set(cause, count);
    if (count === 1) this.logger[level](message, { cause, ...fields });
    else this.logger.debug(message, { cause, occurrences: count, ...fields });
  }

  /** How often `cause` happened since the last clear. */
  occurrences(cause: string): number {
    return this.seen.get(cause) ?? 0;
  }

  clear(): void {
    this.seen.clear();
  }
}
