import {
  InvalidMessageError,
  type ActionType,
  type MessageType,
  type ServiceType,
} from '@hearth/interfaces';

import {
  Qos,
  type ActionClient,
  type ActionExecuteCallback,
  type ActionServer,
  type Clock,
  type Disposable,
  type GraphNode,
  type Logger,
  type ParameterClient,
  type ParameterClientOptions,
  type ParameterDescriptor,
  type ParameterListener,
  type ParameterValidator,
  type ParameterValue,
  type Publisher,
  type QosProfile,
  type Service,
  type ServiceClient,
  type SetParameterResult,
  type Subscription,
  type Timer,
} from '../api.js';
import { GraphEntityDestroyedError } from '../errors/GraphEntityDestroyedError.js';
import { expandName, resolveRemoteNodeName } from '../names.js';
import type { ParameterTable } from '../parameters/ParameterTable.js';
import { InProcessActionClient } from './InProcessActionClient.js';
import { InProcessActionServer } from './InProcessActionServer.js';
import type { InProcessBus } from './InProcessBus.js';
import {
  DEFAULT_PARAMETER_TIMEOUT_MS,
  InProcessParameterClient,
} from './InProcessParameterClient.js';
import { InProcessService } from './InProcessService.js';
import { InProcessServiceClient } from './InProcessServiceClient.js';
import { PublisherHistory } from './TopicChannel.js';
import { SubscriptionQueue, errorText } from './SubscriptionQueue.js';

/** The QoS a publisher or subscription gets when none is named. */
export const DEFAULT_QOS: QosProfile = Qos.events;

/** A node on the in-process transport. Everything it creates is undone by destroy(). */
export class InProcessNode implements GraphNode {
  private readonly cleanups: (() => void)[] = [];
  private destroyed = false;

  constructor(
    readonly name: string,
    readonly namespace: string,
    readonly logger: Logger,
    readonly clock: Clock,
    private readonly bus: InProcessBus,
    private readonly parameters: ParameterTable,
    private readonly onDestroy: (node: InProcessNode) => void,
  ) {}

  createPublisher<T>(
    type: MessageType<T>,
    topic: string,
    qos: QosProfile = DEFAULT_QOS,
  ): Publisher<T> {
    this.assertAlive();
    const fullName = this.expand('topic', topic);
    const channel = this.bus.topic(fullName);
    channel.claimType(type);
    const history = new PublisherHistory(qos);
    channel.addPublisher(history);
    let alive = true;
    this.cleanups.push(() => {
      alive = false;
      channel.removePublisher(history);
      this.bus.release(channel);
    });
    return {
      topic: fullName,
      publish: (message: T): void => {
        if (!alive) throw new GraphEntityDestroyedError(`Publisher on ${fullName}`);
        const checked = type.check(message);
        if (!checked.ok) throw new InvalidMessageError(type.typeName, checked.issues);
        channel.deliver(history, checked.value);
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
    const fullName = this.expand('topic', topic);
    const channel = this.bus.topic(fullName);
    channel.claimType(type);
    const queue = new SubscriptionQueue<T>(fullName, qos, callback, this.logger);
    channel.addSubscription(queue as SubscriptionQueue<unknown>);
    this.cleanups.push(() => {
      channel.removeSubscription(queue as SubscriptionQueue<unknown>);
      this.bus.release(channel);
    });
    return { topic: fullName };
  }

  createActionServer<Goal, Result, Feedback>(
    type: ActionType<Goal, Result, Feedback>,
    name: string,
    execute: ActionExecuteCallback<Goal, Result, Feedback>,
  ): ActionServer {
    this.assertAlive();
    const fullName = this.expand('action', name);
    const server = new InProcessActionServer(fullName, type, execute, this.logger);
    const erased = server as unknown as InProcessActionServer<unknown, unknown, unknown>;
    this.bus.actions.register(fullName, type.typeName, erased);
    this.cleanups.push(() => {
      this.bus.actions.unregister(fullName, erased);
      server.destroy();
    });
    return server;
  }

  createActionClient<Goal, Result, Feedback>(
    type: ActionType<Goal, Result, Feedback>,
    name: string,
  ): ActionClient<Goal, Result, Feedback> {
    this.assertAlive();
    const fullName = this.expand('action', name);
    // Fails now, not at the first goal, when the server serves another type.
    this.bus.actions.lookup(fullName, type.typeName);
    const client = new InProcessActionClient(fullName, type, this.bus.actions, this.logger);
    this.cleanups.push(() => client.destroy());
    return client;
  }

  createService<Request, Response>(
    type: ServiceType<Request, Response>,
    name: string,
    handler: (request: Request) => Response | Promise<Response>,
  ): Service {
    this.assertAlive();
    const fullName = this.expand('service', name);
    const service = new InProcessService(fullName, type, handler, this.logger);
    const erased = service as unknown as InProcessService<unknown, unknown>;
    this.bus.services.register(fullName, type.typeName, erased);
    this.cleanups.push(() => this.bus.services.unregister(fullName, erased));
    return service;
  }

  createClient<Request, Response>(
    type: ServiceType<Request, Response>,
    name: string,
  ): ServiceClient<Request, Response> {
    this.assertAlive();
    const fullName = this.expand('service', name);
    this.bus.services.lookup(fullName, type.typeName);
    return new InProcessServiceClient(fullName, type, this.bus.services);
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
    const client = new InProcessParameterClient(
      resolveRemoteNodeName(remoteNodeName, this.namespace),
      this.bus.parameters,
      options.timeoutMs ?? DEFAULT_PARAMETER_TIMEOUT_MS,
    );
    this.cleanups.push(() => client.dispose());
    return client;
  }

  createTimer(periodMs: number, callback: () => void): Timer {
    this.assertAlive();
    const interval = setInterval(() => {
      try {
        callback();
      } catch (error) {
        this.logger.error('timer callback threw', { error: errorText(error) });
      }
    }, periodMs);
    const cancel = (): void => clearInterval(interval);
    this.cleanups.push(cancel);
    return { cancel };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
    this.parameters.clear();
    this.onDestroy(this);
  }

  private expand(entity: string, name: string): string {
    return expandName(entity, name, this.name, this.namespace);
  }

  private assertAlive(): void {
    if (this.destroyed) throw new GraphEntityDestroyedError(`Node ${this.name}`);
  }
}
