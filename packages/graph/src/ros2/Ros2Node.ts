import {
  InvalidMessageError,
  type ActionType,
  type MessageType,
  type ServiceType,
} from '@hearth/interfaces';

import type {
  ActionClient,
  ActionExecuteCallback,
  ActionServer,
  Clock,
  Disposable,
  GraphNode,
  Logger,
  ParameterClient,
  ParameterClientOptions,
  ParameterDescriptor,
  ParameterListener,
  ParameterValidator,
  ParameterValue,
  Publisher,
  QosProfile,
  Service,
  ServiceClient,
  SetParameterResult,
  Subscription,
  Timer,
} from '../api.js';
import { GraphEntityDestroyedError } from '../errors/GraphEntityDestroyedError.js';
import { ServiceUnavailableError } from '../errors/ServiceUnavailableError.js';
import { DEFAULT_QOS } from '../inprocess/InProcessNode.js';
import { DEFAULT_SERVICE_TIMEOUT_MS } from '../inprocess/InProcessServiceClient.js';
import { errorText } from '../inprocess/SubscriptionQueue.js';
import { DEFAULT_PARAMETER_TIMEOUT_MS } from '../inprocess/InProcessParameterClient.js';
import { expandName, resolveRemoteNodeName } from '../names.js';
import { toRclQos } from './qos.js';
import type { EntityOptionsApi, NodeApi, RclnodejsApi } from './RclnodejsApi.js';
import { Ros2ActionClient } from './Ros2ActionClient.js';
import { Ros2ActionServer } from './Ros2ActionServer.js';
import { Ros2ParameterClient } from './Ros2ParameterClient.js';
import type { Ros2Parameters } from './Ros2Parameters.js';
import { fromRos } from './rosValues.js';

/** One Hearth node on an rclnodejs Node: a thin mapping, validating messages at the boundary. */
export class Ros2Node implements GraphNode {
  readonly clock: Clock;
  private readonly goalOwners: { destroy(): void }[] = [];
  private destroyed = false;

  constructor(
    private readonly rcl: RclnodejsApi<NodeApi>,
    private readonly node: NodeApi,
    readonly name: string,
    readonly namespace: string,
    readonly logger: Logger,
    private readonly parameters: Ros2Parameters,
    private readonly onDestroy: (node: Ros2Node) => void,
  ) {
    this.clock = {
      nowMs: () => Number(node.getClock().now().nanoseconds / 1000n) / 1000,
      now: () => {
        const { seconds, nanoseconds } = node.getClock().now().secondsAndNanoseconds;
        return { sec: Number(seconds), nanosec: Number(nanoseconds) };
      },
    };
  }

  createPublisher<T>(
    type: MessageType<T>,
    topic: string,
    qos: QosProfile = DEFAULT_QOS,
  ): Publisher<T> {
    this.assertAlive();
    const fullName = expandName('topic', topic, this.name, this.namespace);
    // rosTypeName: a message mapped with `# @ros-type` travels as its foreign type (hri_msgs, ...).
    const publisher = this.node.createPublisher(type.rosTypeName, fullName, this.options(qos));
    return {
      topic: fullName,
      publish: (message: T): void => {
        if (this.destroyed) throw new GraphEntityDestroyedError(`Publisher on ${fullName}`);
        const checked = type.check(message);
        if (!checked.ok) throw new InvalidMessageError(type.typeName, checked.issues);
        publisher.publish(checked.value as object);
      },
    };
  }

  createSubscription<T>(
    type: MessageType<T>,
    topic: string,
    callback: (message: T) => void,
    qos: QosProfile = DEFAULT_QOS,
  ): Subscription {
    this.assertAlive();
    const fullName = expandName('topic', topic, this.name, this.namespace);
    this.node.createSubscription(type.rosTypeName, fullName, this.options(qos), (raw) => {
      const checked = type.check(fromRos(raw));
      if (!checked.ok) {
        this.logger.error(`invalid message on ${fullName} dropped`, { issues: checked.issues });
        return;
      }
      try {
        callback(checked.value);
      } catch (error) {
        this.logger.error(`subscription callback on ${fullName} threw`, {
          error: errorText(error),
        });
      }
    });
    return { topic: fullName };
  }

  createActionServer<Goal, Result, Feedback>(
    type: ActionType<Goal, Result, Feedback>,
    name: string,
    execute: ActionExecuteCallback<Goal, Result, Feedback>,
  ): ActionServer {
    this.assertAlive();
    const fullName = expandName('action', name, this.name, this.namespace);
    const server = new Ros2ActionServer(this.rcl, this.node, fullName, type, execute, this.logger);
    this.goalOwners.push(server);
    return server;
  }

  createActionClient<Goal, Result, Feedback>(
    type: ActionType<Goal, Result, Feedback>,
    name: string,
  ): ActionClient<Goal, Result, Feedback> {
    this.assertAlive();
    const fullName = expandName('action', name, this.name, this.namespace);
    const client = new Ros2ActionClient(this.rcl, this.node, fullName, type, this.logger);
    this.goalOwners.push(client);
    return client;
  }

  createService<Request, Response>(
    type: ServiceType<Request, Response>,
    name: string,
    handler: (request: Request) => Response | Promise<Response>,
  ): Service {
    this.assertAlive();
    const fullName = expandName('service', name, this.name, this.namespace);
    this.node.createService(type.typeName, fullName, {}, (raw, response) => {
      Promise.resolve()
        .then(() => handler(type.request.parse(fromRos(raw))))
        .then((answer) => response.send(type.response.parse(answer) as object))
        .catch((error: unknown) => {
          // rclnodejs has no error reply: the caller times out, as with any ROS 2 service.
          this.logger.error(`service ${fullName}: handler failed`, { error: errorText(error) });
        });
    });
    return { name: fullName };
  }

  createClient<Request, Response>(
    type: ServiceType<Request, Response>,
    name: string,
  ): ServiceClient<Request, Response> {
    this.assertAlive();
    const fullName = expandName('service', name, this.name, this.namespace);
    const client = this.node.createClient(type.typeName, fullName, {});
    return {
      name: fullName,
      waitForService: (timeoutMs) => client.waitForService(timeoutMs),
      call: async (request, timeoutMs = DEFAULT_SERVICE_TIMEOUT_MS) => {
        const checked = type.request.check(request);
        if (!checked.ok) throw new InvalidMessageError(type.request.typeName, checked.issues);
        const started = Date.now();
        if (!(await client.waitForService(timeoutMs)))
          throw new ServiceUnavailableError(fullName, timeoutMs);
        const left = Math.max(1, timeoutMs - (Date.now() - started));
        let raw: object;
        try {
          raw = await client.sendRequestAsync(checked.value as object, { timeout: left });
        } catch (error) {
          if (error instanceof Error && error.name === 'TimeoutError') {
            throw new ServiceUnavailableError(fullName, timeoutMs, 'the server did not answer');
          }
          throw error;
        }
        return type.response.parse(fromRos(raw));
      },
    };
  }

  declareParameter<T extends ParameterValue>(
    name: string,
    defaultValue: T,
    descriptor?: ParameterDescriptor,
  ): T {
    this.assertAlive();
    return this.parameters.declare(name, defaultValue, descriptor);
  }

  getParameter(name: string): ParameterValue {
    return this.parameters.get(name);
  }

  hasParameter(name: string): boolean {
    return this.parameters.has(name);
  }

  getParameters(): Record<string, ParameterValue> {
    return this.parameters.all();
  }

  setParameters(values: Record<string, ParameterValue>): SetParameterResult[] {
    this.assertAlive();
    return this.parameters.set(values);
  }

  addParameterValidator(validator: ParameterValidator): Disposable {
    return this.parameters.addValidator(validator);
  }

  onParametersChanged(listener: ParameterListener): Disposable {
    return this.parameters.onChanged(listener);
  }

  createParameterClient(
    remoteNodeName: string,
    options: ParameterClientOptions = {},
  ): ParameterClient {
    this.assertAlive();
    const client = new Ros2ParameterClient(
      this.node,
      resolveRemoteNodeName(remoteNodeName, this.namespace),
      options.timeoutMs ?? DEFAULT_PARAMETER_TIMEOUT_MS,
      this.logger,
    );
    this.goalOwners.push({ destroy: () => client.dispose() });
    return client;
  }

  createTimer(periodMs: number, callback: () => void): Timer {
    this.assertAlive();
    const timer = this.node.createTimer(BigInt(Math.round(periodMs * 1e6)), () => {
      try {
        callback();
      } catch (error) {
        this.logger.error('timer callback threw', { error: errorText(error) });
      }
    });
    return { cancel: () => timer.cancel() };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const owner of this.goalOwners.splice(0).reverse()) owner.destroy();
    this.parameters.clear();
    this.node.destroy();
    this.onDestroy(this);
  }

  private options(qos: QosProfile): EntityOptionsApi {
    // Plain arrays rather than TypedArrays: Hearth's messages are plain JSON-shaped objects.
    return { qos: toRclQos(this.rcl, qos), enableTypedArray: false, serializationMode: 'plain' };
  }

  private assertAlive(): void {
    if (this.destroyed) throw new GraphEntityDestroyedError(`Node ${this.name}`);
  }
}
