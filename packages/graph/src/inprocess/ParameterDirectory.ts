import type { Disposable, Logger, RemoteParameterChange, RemoteParameterListener } from '../api.js';
import type { ParameterTable } from '../parameters/ParameterTable.js';
import { errorText } from './SubscriptionQueue.js';

/**
 * The in-process stand-in for ROS 2's parameter services and `/parameter_events`: every node's
 * parameters by fully qualified name, so a parameter client reaches them (and waits for a node
 * that has not started yet), and the changes each node announces.
 */
export class ParameterDirectory {
  private readonly tables = new Map<string, ParameterTable>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly listeners = new Map<string, Set<RemoteParameterListener>>();

  constructor(private readonly logger: Logger) {}

  /** A second node with the same name takes over, as the newest server would on ROS 2. */
  register(fqn: string, table: ParameterTable): void {
    this.tables.set(fqn, table);
    for (const wake of this.waiters.get(fqn) ?? []) wake();
    this.waiters.delete(fqn);
  }

  unregister(fqn: string, table: ParameterTable): void {
    if (this.tables.get(fqn) === table) this.tables.delete(fqn);
  }

  lookup(fqn: string): ParameterTable | undefined {
    return this.tables.get(fqn);
  }

  /** Resolves true once `fqn` has a node, false after `timeoutMs`. */
  waitFor(fqn: string, timeoutMs: number): Promise<boolean> {
    if (this.tables.has(fqn)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiters = this.waiters.get(fqn) ?? new Set<() => void>();
      this.waiters.set(fqn, waiters);
      const wake = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(
        () => {
          waiters.delete(wake);
          resolve(false);
        },
        Math.max(0, timeoutMs),
      );
      waiters.add(wake);
    });
  }

  /** Announces a node's accepted changes; listeners hear them later, never inside the set. */
  announce(fqn: string, changes: readonly RemoteParameterChange[]): void {
    const listeners = this.listeners.get(fqn);
    if (listeners === undefined || listeners.size === 0) return;
    // Each listener gets its own copy, as each subscriber of /parameter_events would.
    for (const listener of listeners) {
      const copy = structuredClone(changes);
      setImmediate(() => {
        if (!this.listeners.get(fqn)?.has(listener)) return;
        try {
          listener(copy);
        } catch (error) {
          this.logger.error(`parameter change listener for ${fqn} threw`, {
            error: errorText(error),
          });
        }
      });
    }
  }

  listen(fqn: string, listener: RemoteParameterListener): Disposable {
    const listeners = this.listeners.get(fqn) ?? new Set<RemoteParameterListener>();
    this.listeners.set(fqn, listeners);
    listeners.add(listener);
    return { dispose: () => listeners.delete(listener) };
  }

  clear(): void {
    this.tables.clear();
    this.listeners.clear();
  }
}
