import { DuplicateEndpointError } from '../errors/DuplicateEndpointError.js';
import { TopicTypeMismatchError } from '../errors/TopicTypeMismatchError.js';

interface Entry<S> {
  readonly typeName: string;
  readonly server: S;
}

/**
 * Action servers or services by name, with waiting: clients may come up before their server, as
 * nodes start in any order.
 */
export class Registry<S> {
  private readonly entries = new Map<string, Entry<S>>();
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(private readonly entity: 'action' | 'service') {}

  register(name: string, typeName: string, server: S): void {
    if (this.entries.has(name)) {
      throw new DuplicateEndpointError(
        this.entity === 'action' ? 'action server' : 'service',
        name,
      );
    }
    this.entries.set(name, { typeName, server });
    for (const wake of this.waiters.get(name) ?? []) wake();
    this.waiters.delete(name);
  }

  unregister(name: string, server: S): void {
    if (this.entries.get(name)?.server === server) this.entries.delete(name);
  }

  /** The server for `name`, checking that the client asks for the same type. */
  lookup(name: string, typeName: string): S | undefined {
    const entry = this.entries.get(name);
    if (entry === undefined) return undefined;
    if (entry.typeName !== typeName)
      throw new TopicTypeMismatchError(this.entity, name, entry.typeName, typeName);
    return entry.server;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Resolves true once `name` has a server, false after `timeoutMs`. */
  waitFor(name: string, timeoutMs: number): Promise<boolean> {
    if (this.entries.has(name)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiters = this.waiters.get(name) ?? new Set<() => void>();
      this.waiters.set(name, waiters);
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

  clear(): void {
    this.entries.clear();
  }
}
