/**
 * The console's copy of another node's parameters: values and descriptors read through a
 * ParameterPort, kept current from the node's parameter events, so the page and the figure can
 * read them at once. Until the node answers, the mirror is empty and says so (`available`).
 */
import { isDeepStrictEqual } from 'node:util';
import type {
  Disposable,
  Logger,
  ParameterValue,
  RemoteParameterChange,
  RemoteParameterDescriptor,
  RemoteParameterListener,
  SetParameterResult,
} from '@hearth/graph';
import type { ParameterPort } from './ParameterPort.js';

/** How often the mirror asks again while the node has not answered (it may start later). */
const RETRY_MS = 5000;

export class ParameterMirror {
  private current: Record<string, ParameterValue> = {};
  private descriptors = new Map<string, RemoteParameterDescriptor>();
  private readonly listeners = new Set<RemoteParameterListener>();
  private readonly hook: Disposable;
  private loaded = false;
  private loading: Promise<void> | null = null;
  private disposed = false;
  private retry: NodeJS.Timeout | null = null;
  /** Settles after the first read (the node answered, or did not within the timeout). */
  readonly ready: Promise<void>;

  constructor(
    private readonly port: ParameterPort,
    private readonly logger: Logger,
  ) {
    this.hook = port.onParametersChanged((changes) => this.apply(changes));
    this.ready = this.refresh();
  }

  /** The node's name without the leading slash (`gesture`), as the page shows it. */
  get node(): string {
    return this.port.remoteNodeName.replace(/^\//, '');
  }

  /** Whether the node has answered; false until then, or when it never did. */
  get available(): boolean {
    return this.loaded;
  }

  get values(): Readonly<Record<string, ParameterValue>> {
    return this.current;
  }

  descriptor(name: string): RemoteParameterDescriptor | undefined {
    return this.descriptors.get(name);
  }

  /** Called after values changed (whoever changed them); not for values the mirror already had. */
  onChange(listener: RemoteParameterListener): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Reads every value and descriptor again; a node that does not answer leaves the mirror as it was. */
  refresh(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const descriptors = await this.port.describeParameters();
        const values = await this.port.getParameters(descriptors.map((d) => d.name));
        if (this.disposed) return;
        this.descriptors = new Map(descriptors.map((d) => [d.name, d]));
        const changes = Object.entries(values)
          .filter(([name, value]) => !isDeepStrictEqual(this.current[name], value))
          .map(([name, value]) => ({ name, value }));
        this.current = values;
        const first = !this.loaded;
        this.loaded = true;
        if (first || changes.length > 0) this.announce(changes);
      } catch (error) {
        if (this.disposed) return;
        this.logger.warn('console cannot read the parameters of another node', {
          node: this.port.remoteNodeName,
          reason: error instanceof Error ? error.message : String(error),
        });
        if (!this.loaded && this.retry === null) {
          this.retry = setTimeout(() => {
            this.retry = null;
            void this.refresh();
          }, RETRY_MS);
          this.retry.unref();
        }
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  /**
   * Sets one value on the node, which checks it and may refuse it with its reason. A node that
   * does not answer is a refusal too, saying so.
   */
  async set(name: string, value: ParameterValue): Promise<SetParameterResult> {
    try {
      if (!this.loaded) await this.refresh();
      const [result] = await this.port.setParameters({ [name]: value });
      if (result === undefined) return { name, successful: false, reason: 'no answer' };
      // The event follows; applying now keeps the page's answer and its values in step.
      if (result.successful) this.apply([{ name, value }]);
      return result;
    } catch (error) {
      return {
        name,
        successful: false,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.retry !== null) clearTimeout(this.retry);
    this.hook.dispose();
    this.listeners.clear();
  }

  private apply(changes: readonly RemoteParameterChange[]): void {
    if (this.disposed) return;
    const fresh = changes.filter((c) => !isDeepStrictEqual(this.current[c.name], c.value));
    if (fresh.length === 0) return;
    this.current = { ...this.current };
    for (const change of fresh) this.current[change.name] = change.value;
    // A parameter the mirror has no descriptor for (declared since): read them all again.
    if (fresh.some((c) => !this.descriptors.has(c.name))) void this.refresh();
    this.announce(fresh);
  }

  private announce(changes: readonly RemoteParameterChange[]): void {
    for (const listener of this.listeners) {
      try {
        listener(changes);
      } catch (error) {
        this.logger.error('console parameter listener threw', {
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
}
