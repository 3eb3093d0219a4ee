/**
 * The part of rclnodejs 2.x that the ROS 2 transport uses, written as types derived from
 * rclnodejs's own `.d.ts`. Two compile-time proofs keep it honest: the real module is assignable
 * to RclnodejsApi (assertRealRclnodejsFits below), and so is the fake (createFakeRclnodejs's
 * return type). Message payloads are `object`: rclnodejs types them from interfaces generated on
 * the robot, which do not exist here.
 */
import type * as Rcl from 'rclnodejs';

/** rclnodejs's ParameterType numbers (a `const enum` in its .d.ts, so not usable as a value here). */
export const ParameterTypeCode = {
  PARAMETER_NOT_SET: 0,
  PARAMETER_BOOL: 1,
  PARAMETER_INTEGER: 2,
  PARAMETER_DOUBLE: 3,
  PARAMETER_STRING: 4,
  PARAMETER_BYTE_ARRAY: 5,
  PARAMETER_BOOL_ARRAY: 6,
  PARAMETER_INTEGER_ARRAY: 7,
  PARAMETER_DOUBLE_ARRAY: 8,
  PARAMETER_STRING_ARRAY: 9,
} as const satisfies Record<string, Rcl.ParameterType>;

/** action_msgs/msg/GoalStatus. */
export const GoalStatusCode = {
  STATUS_UNKNOWN: 0,
  STATUS_ACCEPTED: 1,
  STATUS_EXECUTING: 2,
  STATUS_CANCELING: 3,
  STATUS_SUCCEEDED: 4,
  STATUS_CANCELED: 5,
  STATUS_ABORTED: 6,
} as const;

export type ParameterApi = Pick<Rcl.Parameter, 'name' | 'type' | 'value'>;
export type ParameterDescriptorApi = Pick<
  Rcl.ParameterDescriptor,
  'name' | 'type' | 'readOnly' | 'additionalConstraints'
>;
export type RangeApi = Pick<
  Rcl.Range,
  'fromValue' | 'toValue' | 'step' | 'inRange' | 'isValidType'
>;
/** rclnodejs's QoS class as its .d.ts declares it (reliability is a method there, a getter at runtime). */
export type QoSApi = Rcl.QoS;
export type LoggingApi = Pick<Rcl.Logging, 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'name'>;
export type TimeApi = Pick<Rcl.Time, 'nanoseconds' | 'secondsAndNanoseconds'>;
export type TimerApi = Pick<Rcl.Timer, 'cancel' | 'isCanceled'>;

/** A UUID as rclnodejs hands it out: unique_identifier_msgs/msg/UUID. */
export interface UuidMessage {
  readonly uuid: ArrayLike<number>;
}

export interface SetParametersResultApi {
  successful: boolean;
  reason: string | null;
}

/** rclnodejs's Options for publishers, subscriptions, services and clients: the fields used here. */
export interface EntityOptionsApi {
  qos?: QoSApi;
  enableTypedArray?: boolean;
  serializationMode?: Rcl.SerializationMode;
}

export interface PublisherApi {
  readonly topic: string;
  publish(message: object, options?: Rcl.PublishOptions): void;
}
export interface SubscriptionApi {
  readonly topic: string;
}
export interface ServiceResponseApi {
  send(response: object): void;
}
export interface ServiceApi {
  readonly serviceName: string;
}
export interface ClientApi {
  readonly serviceName: string;
  isServiceServerAvailable(): boolean;
  waitForService(timeout?: number): Promise<boolean>;
  sendRequestAsync(request: object, options?: Rcl.Client.AsyncRequestOptions): Promise<object>;
}

/** The node methods the adapter calls, with rclnodejs's argument order. */
export interface NodeApi {
  name(): string;
  namespace(): string;
  getLogger(): LoggingApi;
  getClock(): { now(): TimeApi };
  spin(timeout?: number): void;
  destroy(): void;
  createPublisher(typeClass: string, topic: string, options?: EntityOptionsApi): PublisherApi;
  createSubscription(
    typeClass: string,
    topic: string,
    options: EntityOptionsApi,
    callback: (message: object, messageInfo?: Rcl.MessageInfo) => void,
  ): SubscriptionApi;
  createService(
    typeClass: string,
    serviceName: string,
    options: EntityOptionsApi,
    callback: (request: object, response: ServiceResponseApi) => void,
  ): ServiceApi;
  createClient(typeClass: string, serviceName: string, options?: EntityOptionsApi): ClientApi;
  createTimer(period: bigint, callback: (timerInfo?: Rcl.TimerInfo) => void): TimerApi;
  declareParameter(
    parameter: ParameterApi,
    descriptor?: ParameterDescriptorApi,
    ignoreOveride?: boolean,
  ): ParameterApi;
  hasParameter(name: string): boolean;
  getParameter(name: string): ParameterApi;
  getParameterOverrides(): ParameterApi[];
  setParametersAtomically(parameters: ParameterApi[]): SetParametersResultApi;
  addOnSetParametersCallback(
    callback: (parameters: ParameterApi[]) => SetParametersResultApi,
  ): void;
  addPostSetParametersCallback(callback: (parameters: ParameterApi[]) => void): void;
}

export interface ServerGoalHandleApi {
  readonly request: object;
  readonly goalId: UuidMessage;
  readonly isActive: boolean;
  readonly isCancelRequested: boolean;
  publishFeedback(feedback: object): void;
  succeed(): void;
  abort(): void;
  canceled(): void;
}

export interface ClientGoalHandleApi {
  readonly goalId: UuidMessage;
  readonly accepted: boolean;
  isSucceeded(): boolean;
  isCanceled(): boolean;
  isAborted(): boolean;
  cancelGoal(): Promise<object>;
  getResult(): Promise<object>;
}

export interface ActionServerApi {
  destroy(): void;
}

export interface ActionClientApi {
  sendGoal(
    goal: object,
    feedbackCallback?: (feedback: object) => void,
  ): Promise<ClientGoalHandleApi>;
  isActionServerAvailable(): boolean;
  waitForServer(timeout?: number): Promise<boolean>;
  destroy(): void;
}

/**
 * The module object: what `import('rclnodejs')` yields (its default export at runtime). Generic in
 * the node class, because rclnodejs's action classes take the module's own Node.
 */
export interface RclnodejsApi<N extends NodeApi = NodeApi> {
  init(context?: Rcl.Context, argv?: string[]): Promise<void>;
  shutdown(context?: Rcl.Context): void;
  isShutdown(): boolean;
  Node: new (nodeName: string, namespace?: string) => N;
  QoS: {
    new (
      history?: Rcl.QoS.HistoryPolicy,
      depth?: number,
      reliability?: Rcl.QoS.ReliabilityPolicy,
      durability?: Rcl.QoS.DurabilityPolicy,
    ): QoSApi;
  };
  Parameter: new (name: string, type: Rcl.ParameterType, value?: unknown) => ParameterApi;
  ParameterDescriptor: new (
    name: string,
    type: Rcl.ParameterType,
    description?: string,
    readOnly?: boolean,
    range?: RangeApi,
  ) => ParameterDescriptorApi;
  FloatingPointRange: new (from: number, to: number, step?: number, tolerance?: number) => RangeApi;
  IntegerRange: new (from: bigint, to: bigint, step?: bigint) => RangeApi;
  ActionServer: new (
    node: N,
    typeClass: string,
    actionName: string,
    executeCallback: (goalHandle: ServerGoalHandleApi) => Promise<object> | object,
    goalCallback?: (goal: object) => Rcl.GoalResponse,
    handleAcceptedCallback?: (goalHandle: ServerGoalHandleApi) => void,
    cancelCallback?: (
      goalHandle?: ServerGoalHandleApi,
    ) => Promise<Rcl.CancelResponse> | Rcl.CancelResponse,
  ) => ActionServerApi;
  ActionClient: new (node: N, typeClass: string, actionName: string) => ActionClientApi;
  GoalResponse: typeof Rcl.GoalResponse;
  CancelResponse: typeof Rcl.CancelResponse;
}

/** Compile-time proof that RclnodejsApi is a true subset of rclnodejs's published types. */
export function assertRealRclnodejsFits(real: typeof import('rclnodejs')): RclnodejsApi<Rcl.Node> {
  return real;
}
