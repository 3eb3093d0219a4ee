import type * as Rcl from 'rclnodejs';

import type {
  ClientApi,
  EntityOptionsApi,
  LoggingApi,
  NodeApi,
  ParameterApi,
  ParameterDescriptorApi,
  PublisherApi,
  ServiceApi,
  ServiceResponseApi,
  SetParametersResultApi,
  SubscriptionApi,
  TimeApi,
  TimerApi,
} from '../RclnodejsApi.js';
import type { FakeDomain, FakeReader, FakeServiceServer, FakeWriter } from './FakeDomain.js';
import { FakeLogging } from './FakeLogging.js';
import { FakeParameter } from './FakeParameter.js';
import { FakeParameterDescriptor } from './FakeParameterDescriptor.js';
import { parameterMessage, startFakeParameterService } from './FakeParameterService.js';
import { FakeQoS } from './FakeQoS.js';

const TYPE_CLASS = /^[A-Za-z_][A-Za-z0-9_]*\/(msg|srv|action)\/[A-Z][A-Za-z0-9]*$/;

/** What rclnodejs's TimeoutError looks like to callers: its name. */
class FakeTimeoutError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`${what} timeout after ${timeoutMs}ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * rclnodejs's Node, for the subset Hearth uses. Like the real one, nothing is delivered to a
 * node's callbacks until it spins; parameters follow rclnodejs's declare / set pipeline
 * (validate, on-set callbacks may veto, apply, post-set callbacks).
 */
export class FakeNode implements NodeApi {
  private spinning = false;
  private destroyed = false;
  private readonly work: (() => void)[] = [];
  private scheduled = false;
  private readonly cleanups: (() => void)[] = [];
  private readonly parameters = new Map<string, ParameterApi>();
  private readonly descriptors = new Map<string, FakeParameterDescriptor>();
  private readonly onSet: ((parameters: ParameterApi[]) => SetParametersResultApi)[] = [];
  private readonly postSet: ((parameters: ParameterApi[]) => void)[] = [];
  private readonly logger: FakeLogging;
  private readonly parameterEvents: PublisherApi;

  constructor(
    readonly domain: FakeDomain,
    private readonly nodeName: string,
    private readonly nodeNamespace = '',
  ) {
    if (!domain.initialized)
      throw new Error('rclnodejs.init() must be called before creating a Node');
    this.logger = new FakeLogging(nodeName, domain.logs);
    // As rclnodejs's Node: a ParameterEvent publisher on the relative `parameter_events` (so under
    // the node's namespace), and the parameter services (NodeOptions.startParameterServices).
    this.parameterEvents = this.createPublisher(
      'rcl_interfaces/msg/ParameterEvent',
      `${this.prefix}/parameter_events`,
    );
    startFakeParameterService(this, (typeClass, service, handler) =>
      this.createService(typeClass, `${this.fqn}/${service}`, {}, (request, response) => {
        let answer: object | undefined;
        try {
          answer = handler(request as Record<string, unknown>);
        } catch {
          // rclnodejs's handler throws on a malformed request: no response, the caller times out.
          return;
        }
        if (answer !== undefined) response.send(answer);
      }),
    );
  }

  /** `/name` or `/ns/name`, as rclnodejs writes ParameterEvent.node. */
  get fqn(): string {
    return `${this.prefix}/${this.nodeName}`;
  }

  private get prefix(): string {
    return this.nodeNamespace === '' || this.nodeNamespace === '/'
      ? ''
      : `/${this.nodeNamespace.replace(/^\/+|\/+$/g, '')}`;
  }

  name(): string {
    return this.nodeName;
  }

  namespace(): string {
    return this.nodeNamespace === '' ? '/' : this.nodeNamespace;
  }

  getLogger(): LoggingApi {
    return this.logger;
  }

  getClock(): { now(): TimeApi } {
    return {
      now: () => {
        const nanoseconds = BigInt(Date.now()) * 1_000_000n;
        return {
          nanoseconds,
          secondsAndNanoseconds: {
            seconds: nanoseconds / 1_000_000_000n,
            nanoseconds: nanoseconds % 1_000_000_000n,
          },
        };
      },
    };
  }

  spin(): void {
    this.spinning = true;
    this.schedule();
  }

  /** Runs `task` on this node's executor: asynchronously, and only while it spins. */
  post(task: () => void): void {
    if (this.destroyed) return;
    this.work.push(task);
    this.schedule();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.spinning = false;
    this.work.length = 0;
    for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
  }

  onDestroy(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  createPublisher(typeClass: string, topic: string, options: EntityOptionsApi = {}): PublisherApi {
    checkTypeClass(typeClass);
    const writer: FakeWriter = { node: this, typeClass, topic, qos: qosOf(options), history: [] };
    this.domain.addWriter(writer);
    this.cleanups.push(() => this.domain.writers.delete(writer));
    return {
      topic,
      publish: (message: object) => {
        if (typeof message !== 'object' || message === null)
          throw new TypeError(`publish on ${topic}: message must be an object`);
        this.domain.write(writer, message);
      },
    };
  }

  createSubscription(
    typeClass: string,
    topic: string,
    options: EntityOptionsApi,
    callback: (message: object, messageInfo?: Rcl.MessageInfo) => void,
  ): SubscriptionApi {
    checkTypeClass(typeClass);
    const qos = qosOf(options);
    // The reader's history: keep_last(depth) drops the oldest samples not yet taken.
    const history: object[] = [];
    const reader: FakeReader = {
      node: this,
      typeClass,
      topic,
      qos,
      receive: (message) => {
        history.push(message);
        while (history.length > qos.historyDepth) history.shift();
        this.post(() => {
          const next = history.shift();
          if (next !== undefined) callback(next);
        });
      },
    };
    this.domain.addReader(reader);
    this.cleanups.push(() => this.domain.readers.delete(reader));
    return { topic };
  }

  createService(
    typeClass: string,
    serviceName: string,
    _options: EntityOptionsApi,
    callback: (request: object, response: ServiceResponseApi) => void,
  ): ServiceApi {
    checkTypeClass(typeClass);
    const server: FakeServiceServer = {
      node: this,
      typeClass,
      serviceName,
      handle: (request, reply) =>
        this.post(() =>
          callback(request, { send: (response) => reply(structuredClone(response)) }),
        ),
    };
    this.domain.services.add(server);
    this.cleanups.push(() => this.domain.services.delete(server));
    return { serviceName };
  }

  createClient(typeClass: string, serviceName: string): ClientApi {
    checkTypeClass(typeClass);
    const available = (): boolean => this.domain.service(serviceName, typeClass) !== undefined;
    return {
      serviceName,
      isServiceServerAvailable: available,
      waitForService: (timeout?: number) => pollUntil(available, timeout),
      sendRequestAsync: (request: object, options: Rcl.Client.AsyncRequestOptions = {}) =>
        new Promise<object>((resolve, reject) => {
          let done = false;
          const timer =
            options.timeout === undefined
              ? undefined
              : setTimeout(() => {
                  done = true;
                  reject(new FakeTimeoutError('Service request', options.timeout ?? 0));
                }, options.timeout);
          // No server: the request is lost, and only the timeout ends the wait (as on DDS).
          this.domain
            .service(serviceName, typeClass)
            ?.handle(structuredClone(request), (response) =>
              this.post(() => {
                if (done) return;
                clearTimeout(timer);
                resolve(response);
              }),
            );
        }),
    };
  }

  createTimer(period: bigint, callback: (timerInfo?: Rcl.TimerInfo) => void): TimerApi {
    let canceled = false;
    const interval = setInterval(
      () => this.post(() => !canceled && callback()),
      Number(period / 1_000_000n),
    );
    const cancel = (): void => {
      canceled = true;
      clearInterval(interval);
    };
    this.cleanups.push(cancel);
    return { cancel, isCanceled: () => canceled };
  }

  declareParameter(
    parameter: ParameterApi,
    descriptor?: ParameterDescriptorApi,
    ignoreOverride = false,
  ): ParameterApi {
    const declared = !ignoreOverride
      ? (this.getParameterOverrides().find((p) => p.name === parameter.name) ?? parameter)
      : parameter;
    if (this.parameters.has(declared.name))
      throw new Error(`Parameter(${declared.name}) already declared.`);
    this.descriptors.set(
      declared.name,
      (descriptor as FakeParameterDescriptor | undefined) ??
        new FakeParameterDescriptor(declared.name, declared.type, 'Created from parameter.'),
    );
    const result = this.setAtomically([declared], true);
    if (!result.successful) {
      this.descriptors.delete(declared.name);
      throw new Error(result.reason ?? 'declaration refused');
    }
    return this.getParameter(declared.name);
  }

  hasParameter(name: string): boolean {
    return this.parameters.has(name);
  }

  getParameter(name: string): ParameterApi {
    const parameter = this.parameters.get(name);
    if (parameter === undefined) throw new Error(`Parameter ${name} has not been declared`);
    return parameter;
  }

  getParameterNames(): string[] {
    return [...this.parameters.keys()];
  }

  /** Unknown names come back unset (PARAMETER_NOT_SET), as in rclnodejs. */
  getParameters(names: string[]): ParameterApi[] {
    return names.map((name) => this.parameters.get(name) ?? new FakeParameter(name, 0));
  }

  getParameterDescriptors(names: string[]): (FakeParameterDescriptor | undefined)[] {
    return names.map((name) => this.descriptors.get(name));
  }

  /** One atomic set per parameter, as rclnodejs's setParameters. */
  setParameters(parameters: ParameterApi[]): SetParametersResultApi[] {
    return parameters.map((parameter) => this.setAtomically([parameter], false));
  }

  /** Command-line overrides: the fake has no command line. */
  getParameterOverrides(): ParameterApi[] {
    return [];
  }

  setParametersAtomically(parameters: ParameterApi[]): SetParametersResultApi {
    return this.setAtomically(parameters, false);
  }

  addOnSetParametersCallback(
    callback: (parameters: ParameterApi[]) => SetParametersResultApi,
  ): void {
    this.onSet.unshift(callback);
  }

  addPostSetParametersCallback(callback: (parameters: ParameterApi[]) => void): void {
    this.postSet.unshift(callback);
  }

  /**
   * rclnodejs's _setParametersAtomically: validate against the descriptors (its refusals are in
   * its own words, which name neither value nor range), let on-set callbacks veto, apply (an
   * unset value undeclares), publish one ParameterEvent, then run the post-set callbacks.
   */
  private setAtomically(parameters: ParameterApi[], declaring: boolean): SetParametersResultApi {
    for (const parameter of parameters) {
      const descriptor = this.descriptors.get(parameter.name);
      if (descriptor === undefined)
        return { successful: false, reason: `Parameter ${parameter.name} has not been declared` };
      if (!declaring && descriptor.readOnly)
        return { successful: false, reason: `Parameter ${parameter.name} is readonly` };
      if (parameter.type === 0) continue;
      try {
        descriptor.validateParameter(parameter);
      } catch {
        // rclnodejs 2.2.0's words, sic.
        return { successful: false, reason: `Parameter ${parameter.name} does not  readonly` };
      }
    }
    for (const callback of this.onSet) {
      const result = callback(parameters);
      if (!result.successful) return result;
    }
    const changed: ParameterApi[] = [];
    const deleted: ParameterApi[] = [];
    for (const parameter of parameters) {
      if (parameter.type === 0) {
        this.parameters.delete(parameter.name);
        this.descriptors.delete(parameter.name);
        deleted.push(parameter);
      } else {
        this.parameters.set(parameter.name, parameter);
        changed.push(parameter);
      }
    }
    const { seconds, nanoseconds } = this.getClock().now().secondsAndNanoseconds;
    this.parameterEvents.publish({
      stamp: { sec: Number(seconds), nanosec: Number(nanoseconds) },
      node: this.fqn,
      new_parameters: declaring ? changed.map(parameterMessage) : [],
      changed_parameters: declaring ? [] : changed.map(parameterMessage),
      deleted_parameters: deleted.map(parameterMessage),
    });
    for (const callback of this.postSet) callback(parameters);
    return { successful: true, reason: null };
  }

  private schedule(): void {
    if (!this.spinning || this.scheduled || this.work.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.spinning && this.work.length > 0) (this.work.shift() as () => void)();
    });
  }
}

function qosOf(options: EntityOptionsApi): FakeQoS {
  const qos = options.qos;
  if (qos instanceof FakeQoS) return qos;
  // rclnodejs's default profile: reliable, volatile, keep_last(10).
  return new FakeQoS(1, 10, 1, 2);
}

function checkTypeClass(typeClass: string): void {
  if (!TYPE_CLASS.test(typeClass))
    throw new TypeError(`Invalid type class "${typeClass}" (expected pkg/msg/Name)`);
}

/** rclnodejs's waitForService / waitForServer: poll with growing waits until the deadline. */
export async function pollUntil(ready: () => boolean, timeout?: number): Promise<boolean> {
  const deadline =
    timeout === undefined || timeout < 0 ? Number.POSITIVE_INFINITY : Date.now() + timeout;
  let waitMs = 5;
  while (!ready() && Date.now() < deadline) {
    waitMs = Math.min(waitMs * 2, 1000, Math.max(1, deadline - Date.now()));
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  return ready();
}
