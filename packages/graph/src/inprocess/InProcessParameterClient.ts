import type {
  Disposable,
  ParameterClient,
  ParameterValue,
  RemoteParameterDescriptor,
  RemoteParameterListener,
  SetParameterResult,
} from '../api.js';
import { GraphEntityDestroyedError } from '../errors/GraphEntityDestroyedError.js';
import { ParameterNodeUnavailableError } from '../errors/ParameterNodeUnavailableError.js';
import type { ParameterTable } from '../parameters/ParameterTable.js';
import type { ParameterDirectory } from './ParameterDirectory.js';

/** rclnodejs's ParameterClient default. */
export const DEFAULT_PARAMETER_TIMEOUT_MS = 5000;

/**
 * Another node's parameters on the in-process transport. Sets go through the remote node's own
 * ParameterTable, so its kinds, ranges, choices, read-only flags and validators apply exactly as
 * to its own setParameters; values are copied both ways, as they would be on the wire.
 */
export class InProcessParameterClient implements ParameterClient {
  private readonly hooks = new Set<Disposable>();
  private disposed = false;

  constructor(
    readonly remoteNodeName: string,
    private readonly directory: ParameterDirectory,
    private readonly defaultTimeoutMs: number,
  ) {}

  waitForNode(timeoutMs = this.defaultTimeoutMs): Promise<boolean> {
    this.assertAlive();
    return this.directory.waitFor(this.remoteNodeName, timeoutMs);
  }

  async listParameters(timeoutMs?: number): Promise<string[]> {
    const table = await this.remote(timeoutMs);
    return Object.keys(table.all());
  }

  async getParameters(
    names?: readonly string[],
    timeoutMs?: number,
  ): Promise<Record<string, ParameterValue>> {
    const all = (await this.remote(timeoutMs)).all();
    const wanted = names ?? Object.keys(all);
    const values: Record<string, ParameterValue> = {};
    for (const name of wanted) {
      const value = all[name];
      if (value !== undefined) values[name] = structuredClone(value);
    }
    return values;
  }

  async describeParameters(
    names?: readonly string[],
    timeoutMs?: number,
  ): Promise<RemoteParameterDescriptor[]> {
    return (await this.remote(timeoutMs)).describe(names);
  }

  async setParameters(
    values: Record<string, ParameterValue>,
    timeoutMs?: number,
  ): Promise<SetParameterResult[]> {
    return (await this.remote(timeoutMs)).set(structuredClone(values));
  }

  onParametersChanged(listener: RemoteParameterListener): Disposable {
    this.assertAlive();
    const hook = this.directory.listen(this.remoteNodeName, listener);
    this.hooks.add(hook);
    return {
      dispose: () => {
        hook.dispose();
        this.hooks.delete(hook);
      },
    };
  }

  dispose(): void {
    this.disposed = true;
    for (const hook of this.hooks) hook.dispose();
    this.hooks.clear();
  }

  private async remote(timeoutMs = this.defaultTimeoutMs): Promise<ParameterTable> {
    this.assertAlive();
    const found = await this.directory.waitFor(this.remoteNodeName, timeoutMs);
    const table = found ? this.directory.lookup(this.remoteNodeName) : undefined;
    if (table === undefined)
      throw new ParameterNodeUnavailableError(this.remoteNodeName, timeoutMs);
    return table;
  }

  private assertAlive(): void {
    if (this.disposed)
      throw new GraphEntityDestroyedError(`Parameter client for ${this.remoteNodeName}`);
  }
}
