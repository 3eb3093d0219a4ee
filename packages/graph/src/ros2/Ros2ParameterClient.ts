import type {
  Disposable,
  Logger,
  ParameterClient,
  ParameterValue,
  RemoteParameterDescriptor,
  RemoteParameterListener,
  SetParameterResult,
} from '../api.js';
import { GraphEntityDestroyedError } from '../errors/GraphEntityDestroyedError.js';
import { ParameterNodeUnavailableError } from '../errors/ParameterNodeUnavailableError.js';
import { errorText } from '../inprocess/SubscriptionQueue.js';
import { checkParameterValue } from '../parameters/parameterKinds.js';
import {
  PARAMETER_EVENT_TYPE,
  ParameterServiceNames,
  ParameterServiceTypes,
  changesOfEvent,
  fromDescriptorMessage,
  fromParameterValueMessage,
  toParameterValueMessage,
  type ParameterMessage,
} from './parameterMessages.js';
import type { ClientApi, NodeApi } from './RclnodejsApi.js';

type ParameterService = keyof typeof ParameterServiceTypes;

/**
 * Another node's parameters over ROS 2: its parameter services and `/parameter_events`, as
 * `ros2 param` uses them. Not rclnodejs's ParameterClient: that one types a value from the
 * JavaScript value alone, so `1` for a double parameter goes out as an integer and the node
 * refuses it; this client types each value from the remote node's own descriptor.
 */
export class Ros2ParameterClient implements ParameterClient {
  private readonly clients = new Map<ParameterService, ClientApi>();
  private readonly listeners = new Set<RemoteParameterListener>();
  private subscribed = false;
  private disposed = false;

  constructor(
    private readonly node: NodeApi,
    readonly remoteNodeName: string,
    private readonly defaultTimeoutMs: number,
    private readonly logger: Logger,
  ) {}

  waitForNode(timeoutMs = this.defaultTimeoutMs): Promise<boolean> {
    this.assertAlive();
    return this.client('get').waitForService(timeoutMs);
  }

  async listParameters(timeoutMs?: number): Promise<string[]> {
    const response = (await this.call('list', { prefixes: [], depth: 0n }, timeoutMs)) as {
      result?: { names?: unknown };
    };
    const names = response.result?.names;
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
  }

  async getParameters(
    names?: readonly string[],
    timeoutMs?: number,
  ): Promise<Record<string, ParameterValue>> {
    // An empty request gets every value but not their names: list them first.
    const wanted = names ?? (await this.listParameters(timeoutMs));
    if (wanted.length === 0) return {};
    const response = (await this.call('get', { names: [...wanted] }, timeoutMs)) as {
      values?: unknown;
    };
    const values: Record<string, ParameterValue> = {};
    const received = Array.isArray(response.values) ? (response.values as unknown[]) : [];
    wanted.forEach((name, i) => {
      const value = fromParameterValueMessage(received[i]);
      if (value !== undefined) values[name] = value;
    });
    return values;
  }

  async describeParameters(
    names?: readonly string[],
    timeoutMs?: number,
  ): Promise<RemoteParameterDescriptor[]> {
    // rclnodejs answers an empty request with no descriptors at all: list them first.
    const wanted = names ?? (await this.listParameters(timeoutMs));
    if (wanted.length === 0) return [];
    const response = (await this.call('describe', { names: [...wanted] }, timeoutMs)) as {
      descriptors?: unknown;
    };
    const received = Array.isArray(response.descriptors) ? (response.descriptors as unknown[]) : [];
    return received
      .map(fromDescriptorMessage)
      .filter((d): d is RemoteParameterDescriptor => d !== undefined);
  }

  async setParameters(
    values: Record<string, ParameterValue>,
    timeoutMs?: number,
  ): Promise<SetParameterResult[]> {
    const names = Object.keys(values);
    if (names.length === 0) return [];
    const refuse = (reason: string): SetParameterResult[] =>
      names.map((name) => ({ name, successful: false, reason }));
    const described = new Map(
      (await this.describeParameters(names, timeoutMs)).map((d) => [d.name, d]),
    );
    const parameters: ParameterMessage[] = [];
    // rclnodejs checks type and range before the node's own callbacks, and its refusal names
    // neither the value nor the range; checking against the node's descriptor here gives the
    // reason the in-process transport gives. The node still checks everything itself.
    for (const name of names) {
      const descriptor = described.get(name);
      if (descriptor === undefined)
        return refuse(`parameter ${name} is not declared by node ${this.shortName}`);
      if (descriptor.readOnly) return refuse(`parameter ${name} is read-only`);
      const range = descriptor.range === undefined ? {} : { range: descriptor.range };
      const checked = checkParameterValue(descriptor.kind, range, values[name]);
      if (!checked.ok) return refuse(`parameter ${name}: ${checked.reason}`);
      parameters.push({ name, value: toParameterValueMessage(descriptor.kind, checked.value) });
    }
    const response = (await this.call('setAtomically', { parameters }, timeoutMs)) as {
      result?: { successful?: unknown; reason?: unknown };
    };
    const successful = response.result?.successful === true;
    const reason = response.result?.reason;
    return names.map((name) => ({
      name,
      successful,
      reason: typeof reason === 'string' ? reason : '',
    }));
  }

  onParametersChanged(listener: RemoteParameterListener): Disposable {
    this.assertAlive();
    this.subscribe();
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Stops listening. The service clients and subscription live until the node is destroyed. */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  private get shortName(): string {
    return this.remoteNodeName.slice(this.remoteNodeName.lastIndexOf('/') + 1);
  }

  private subscribe(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    for (const topic of eventTopics(this.remoteNodeName)) {
      this.node.createSubscription(PARAMETER_EVENT_TYPE, topic, {}, (message) => {
        const changes = changesOfEvent(message, this.remoteNodeName);
        if (changes.length === 0 || this.disposed) return;
        for (const listener of this.listeners) {
          try {
            listener(changes);
          } catch (error) {
            this.logger.error(`parameter change listener for ${this.remoteNodeName} threw`, {
              error: errorText(error),
            });
          }
        }
      });
    }
  }

  private client(service: ParameterService): ClientApi {
    let client = this.clients.get(service);
    if (client === undefined) {
      client = this.node.createClient(
        ParameterServiceTypes[service],
        `${this.remoteNodeName}/${ParameterServiceNames[service]}`,
      );
      this.clients.set(service, client);
    }
    return client;
  }

  private async call(
    service: ParameterService,
    request: object,
    timeoutMs = this.defaultTimeoutMs,
  ): Promise<object> {
    this.assertAlive();
    const client = this.client(service);
    const started = Date.now();
    if (!(await client.waitForService(timeoutMs)))
      throw new ParameterNodeUnavailableError(this.remoteNodeName, timeoutMs);
    const left = Math.max(1, timeoutMs - (Date.now() - started));
    try {
      return await client.sendRequestAsync(request, { timeout: left });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError')
        throw new ParameterNodeUnavailableError(this.remoteNodeName, timeoutMs, 'is too slow');
      throw error;
    }
  }

  private assertAlive(): void {
    if (this.disposed)
      throw new GraphEntityDestroyedError(`Parameter client for ${this.remoteNodeName}`);
  }
}

/**
 * Where the remote node's parameter events arrive: `/parameter_events` (rclcpp, rclpy), and for a
 * namespaced node also `<ns>/parameter_events`, because rclnodejs publishes them under the node's
 * namespace.
 */
function eventTopics(remoteNodeName: string): string[] {
  const namespace = remoteNodeName.slice(0, remoteNodeName.lastIndexOf('/'));
  return namespace === ''
    ? ['/parameter_events']
    : ['/parameter_events', `${namespace}/parameter_events`];
}
