/**
 * The one node API every Hearth node uses, shaped after rclnodejs 2.x so that the ROS 2 adapter
 * is a thin mapping. Two transports implement it: in-process (simulator, development, tests)
 * and rclnodejs (a robot with ROS 2 sourced). Node code never imports rclnodejs.
 */
import type { ActionType, MessageType, ServiceType, Time } from '@hearth/interfaces';

// ---------------------------------------------------------------------------------------------
// Quality of service

export type Reliability = 'reliable' | 'best_effort';
export type Durability = 'volatile' | 'transient_local';

export interface QosProfile {
  readonly reliability: Reliability;
  readonly durability: Durability;
  /** keep_last depth: how many messages a slow subscriber may have queued. */
  readonly depth: number;
}

/** The profiles Hearth uses (ARCHITECTURE.md, "QoS"). */
export const Qos = {
  /** Audio and other sensor streams: a late frame is worth less than a fresh one. */
  sensorData: { reliability: 'best_effort', durability: 'volatile', depth: 5 },
  /** Events (transcripts, wake words, turns, alerts): none may be lost. */
  events: { reliability: 'reliable', durability: 'volatile', depth: 50 },
  /** Current state: a late subscriber receives the last message at once. */
  state: { reliability: 'reliable', durability: 'transient_local', depth: 1 },
} as const satisfies Record<string, QosProfile>;

// ---------------------------------------------------------------------------------------------
// Logging and time

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  fatal(message: string, fields?: Record<string, unknown>): void;
}

export interface Clock {
  /** Milliseconds since the epoch (ROS time where the robot uses sim time). */
  nowMs(): number;
  /** The same instant as builtin_interfaces/Time, for message stamps. */
  now(): Time;
}

// ---------------------------------------------------------------------------------------------
// Topics

export interface Publisher<T> {
  readonly topic: string;
  publish(message: T): void;
}

export interface Subscription {
  readonly topic: string;
}

// ---------------------------------------------------------------------------------------------
// Actions: long, cancellable work with feedback. Barge-in is a cancel.

export type GoalStatus = 'succeeded' | 'canceled' | 'aborted';

/** What an action server's execute callback sees of one goal. */
export interface ServerGoalHandle<Goal, Feedback> {
  readonly goalId: string;
  readonly goal: Goal;
  /** Aborts when the client asks to cancel the goal (or the node shuts down). */
  readonly signal: AbortSignal;
  readonly isCancelRequested: boolean;
  publishFeedback(feedback: Feedback): void;
}

/**
 * Runs one goal. Return the result; the goal's status is `canceled` when `signal` had aborted by
 * then, `succeeded` otherwise. A thrown error aborts the goal (status `aborted`, default result).
 */
export type ActionExecuteCallback<Goal, Result, Feedback> = (
  handle: ServerGoalHandle<Goal, Feedback>,
) => Promise<Result>;

export interface ActionServer {
  readonly name: string;
}

export interface ActionOutcome<Result> {
  readonly status: GoalStatus;
  readonly result: Result;
}

export interface ClientGoalHandle<Result> {
  readonly goalId: string;
  readonly accepted: boolean;
  /** Settles once the server finishes the goal, whatever its status. */
  readonly result: Promise<ActionOutcome<Result>>;
  /** Asks the server to cancel; resolves once the request was delivered. */
  cancel(): Promise<void>;
}

export interface SendGoalOptions<Feedback> {
  /** Called for each feedback message, in order. A throwing callback is logged, not fatal. */
  onFeedback?: (feedback: Feedback) => void;
}

export interface ActionClient<Goal, Result, Feedback> {
  readonly name: string;
  /** Resolves true once a server is available, false after `timeoutMs`. */
  waitForServer(timeoutMs: number): Promise<boolean>;
  sendGoal(goal: Goal, options?: SendGoalOptions<Feedback>): Promise<ClientGoalHandle<Result>>;
}

// ---------------------------------------------------------------------------------------------
// Services: queries and commands.

export interface Service {
  readonly name: string;
}

export interface ServiceClient<Request, Response> {
  readonly name: string;
  waitForService(timeoutMs: number): Promise<boolean>;
  /** Rejects with ServiceUnavailableError when no server answers within `timeoutMs`. */
  call(request: Request, timeoutMs?: number): Promise<Response>;
}

// ---------------------------------------------------------------------------------------------
// Parameters: every tunable, changeable on a running robot (`ros2 param set`).

export type ParameterValue = boolean | number | string | boolean[] | number[] | string[];

export type ParameterKind =
  | 'bool'
  | 'integer'
  | 'double'
  | 'string'
  | 'bool_array'
  | 'integer_array'
  | 'double_array'
  | 'string_array';

export interface ParameterDescriptor {
  readonly description?: string;
  /** Defaults to the kind of the default value (integer when it is a whole number). */
  readonly kind?: ParameterKind;
  readonly readOnly?: boolean;
  /** Inclusive range for numeric parameters. */
  readonly range?: { readonly min: number; readonly max: number };
  /** Allowed values for string parameters. */
  readonly choices?: readonly string[];
}

export interface ParameterChange {
  readonly name: string;
  readonly value: ParameterValue;
  readonly previous: ParameterValue;
}

export interface SetParameterResult {
  readonly name: string;
  readonly successful: boolean;
  /** Why a change was refused; names the parameter, the value and what would be accepted. */
  readonly reason: string;
}

/**
 * Called before changes are applied (like rclnodejs's addOnSetParametersCallback). Return
 * `{ successful: false, reason }` to refuse them all; return nothing or `{ successful: true }`
 * to accept.
 */
export type ParameterValidator = (
  changes: readonly ParameterChange[],
) => { successful: boolean; reason?: string } | void;

/** Called after changes have been applied. */
export type ParameterListener = (changes: readonly ParameterChange[]) => void;

// ---------------------------------------------------------------------------------------------
// Another node's parameters: ROS 2's parameter services (`/<node>/get_parameters`, ...) and
// `/parameter_events`, which `ros2 param list/get/set/describe` use too.

/** What a node says of one of its parameters (`ros2 param describe`). */
export interface RemoteParameterDescriptor {
  readonly name: string;
  readonly kind: ParameterKind;
  readonly description: string;
  readonly readOnly: boolean;
  /** Inclusive range, for numeric parameters declared with one. */
  readonly range?: { readonly min: number; readonly max: number };
  /** Rules the descriptor has no field for, in words: the allowed values of a string. */
  readonly additionalConstraints: string;
}

/** A value another node has taken (from a parameter event: no previous value travels). */
export interface RemoteParameterChange {
  readonly name: string;
  readonly value: ParameterValue;
}

export type RemoteParameterListener = (changes: readonly RemoteParameterChange[]) => void;

export interface ParameterClientOptions {
  /** How long each call waits for the remote node when no timeout is passed. Default 5000 ms. */
  readonly timeoutMs?: number;
}

/**
 * Reads and sets another node's parameters while it runs, the way `ros2 param` does. Every call
 * rejects with ParameterNodeUnavailableError when the node does not answer within the timeout.
 */
export interface ParameterClient extends Disposable {
  /** The remote node's fully qualified name, e.g. `/gesture`. */
  readonly remoteNodeName: string;
  /** Resolves true once the remote node answers parameter requests, false after `timeoutMs`. */
  waitForNode(timeoutMs?: number): Promise<boolean>;
  /** The names of every declared parameter (`ros2 param list`). */
  listParameters(timeoutMs?: number): Promise<string[]>;
  /** Values by name; every parameter when `names` is omitted. Undeclared names are left out. */
  getParameters(
    names?: readonly string[],
    timeoutMs?: number,
  ): Promise<Record<string, ParameterValue>>;
  /** Descriptors, in the order asked; every parameter when `names` is omitted. Undeclared names are left out. */
  describeParameters(
    names?: readonly string[],
    timeoutMs?: number,
  ): Promise<RemoteParameterDescriptor[]>;
  /**
   * Sets values atomically on the remote node, through the same checks and validators as its
   * own setParameters: one result per name, with the remote node's reason when it refuses.
   */
  setParameters(
    values: Record<string, ParameterValue>,
    timeoutMs?: number,
  ): Promise<SetParameterResult[]>;
  /** Called (asynchronously) after the remote node took new values, whoever set them. */
  onParametersChanged(listener: RemoteParameterListener): Disposable;
}

// ---------------------------------------------------------------------------------------------
// Timers and disposal

export interface Timer {
  cancel(): void;
}

export interface Disposable {
  dispose(): void;
}

// ---------------------------------------------------------------------------------------------
// The node

export interface GraphNode {
  readonly name: string;
  readonly namespace: string;
  readonly logger: Logger;
  readonly clock: Clock;

  createPublisher<T>(type: MessageType<T>, topic: string, qos?: QosProfile): Publisher<T>;
  createSubscription<T>(
    type: MessageType<T>,
    topic: string,
    callback: (message: T) => void,
    qos?: QosProfile,
  ): Subscription;

  createActionServer<Goal, Result, Feedback>(
    type: ActionType<Goal, Result, Feedback>,
    name: string,
    execute: ActionExecuteCallback<Goal, Result, Feedback>,
  ): ActionServer;
  createActionClient<Goal, Result, Feedback>(
    type: ActionType<Goal, Result, Feedback>,
    name: string,
  ): ActionClient<Goal, Result, Feedback>;

  createService<Request, Response>(
    type: ServiceType<Request, Response>,
    name: string,
    handler: (request: Request) => Response | Promise<Response>,
  ): Service;
  createClient<Request, Response>(
    type: ServiceType<Request, Response>,
    name: string,
  ): ServiceClient<Request, Response>;

  /**
   * Declares a parameter and returns its value: the override from the robot's parameters file
   * when there is one (validated against the descriptor), else `defaultValue`.
   */
  declareParameter<T extends ParameterValue>(
    name: string,
    defaultValue: T,
    descriptor?: ParameterDescriptor,
  ): T;
  getParameter(name: string): ParameterValue;
  hasParameter(name: string): boolean;
  /** All declared parameters and their values. */
  getParameters(): Record<string, ParameterValue>;
  setParameters(values: Record<string, ParameterValue>): SetParameterResult[];
  addParameterValidator(validator: ParameterValidator): Disposable;
  onParametersChanged(listener: ParameterListener): Disposable;
  /**
   * A client for another node's parameters. `remoteNodeName`: `/ns/name`, or a plain name
   * resolved in this node's namespace (as rclcpp does).
   */
  createParameterClient(remoteNodeName: string, options?: ParameterClientOptions): ParameterClient;

  createTimer(periodMs: number, callback: () => void): Timer;

  /** Destroys every entity the node created. Idempotent. */
  destroy(): void;
}

// ---------------------------------------------------------------------------------------------
// Transports

export interface CreateNodeOptions {
  readonly namespace?: string;
  /** Parameter values from the robot's parameters file, applied at declaration. */
  readonly parameterOverrides?: Record<string, ParameterValue>;
}

export interface GraphTransport {
  /** in-process or ros2. */
  readonly kind: 'in-process' | 'ros2';
  createNode(name: string, options?: CreateNodeOptions): GraphNode;
  /** Destroys every node and releases the transport. Idempotent. */
  shutdown(): Promise<void>;
}
