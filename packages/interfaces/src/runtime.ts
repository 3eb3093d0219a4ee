/**
 * Runtime descriptors for ROS 2 interface types. The generator (scripts/generate.mjs) emits one
 * descriptor per `.msg`, `.action` and `.srv` file; the graph's transports use them to validate
 * messages at the boundary and to name the ROS type (`pkg/msg/Type`) for rclnodejs.
 */

/** builtin_interfaces/Time. */
export interface Time {
  sec: number;
  nanosec: number;
}

/** builtin_interfaces/Duration. */
export interface Duration {
  sec: number;
  nanosec: number;
}

/** A message failed validation against its interface definition. */
export class InvalidMessageError extends Error {
  constructor(
    readonly typeName: string,
    readonly issues: readonly string[],
  ) {
    super(`Invalid ${typeName}: ${issues.join('; ')}`);
    this.name = 'InvalidMessageError';
  }
}

export interface MessageType<T> {
  /** The ROS 2 type name, e.g. `hearth_interfaces/msg/Transcript`. */
  readonly typeName: string;
  /**
   * The type name on a ROS 2 wire: the foreign type the `.msg` file's `# @ros-type` directive
   * maps it to (e.g. `hri_msgs/msg/LiveSpeech`, field for field the same message), else
   * `typeName`. The rclnodejs transport publishes and subscribes with it.
   */
  readonly rosTypeName: string;
  /** Field names in definition order. */
  readonly fields: readonly string[];
  /** A message with every field at its ROS default (0, '', false, []), overridden by `fields`. */
  create(fields?: Partial<T>): T;
  /** Checks `value` against the definition; returns it typed or throws InvalidMessageError. */
  parse(value: unknown): T;
  /** Like parse, without throwing. */
  check(value: unknown): { ok: true; value: T } | { ok: false; issues: string[] };
}

export interface ActionType<Goal, Result, Feedback> {
  /** e.g. `hearth_interfaces/action/Generate`. */
  readonly typeName: string;
  readonly goal: MessageType<Goal>;
  readonly result: MessageType<Result>;
  readonly feedback: MessageType<Feedback>;
}

export interface ServiceType<Request, Response> {
  /** e.g. `hearth_interfaces/srv/Wake`. */
  readonly typeName: string;
  readonly request: MessageType<Request>;
  readonly response: MessageType<Response>;
}

/** How a field's values are arranged: a single value or one of ROS 2's three array kinds. */
export type FieldArrayKind = 'none' | 'unbounded' | 'bounded' | 'fixed';

/**
 * One field of a message, as its interface file defines it: what a transport needs to convert a
 * message for a wire format (e.g. int64 to BigInt for rclnodejs) without parsing `.msg` files.
 */
export interface FieldSpec {
  readonly name: string;
  /** A primitive (`uint32`, `string`, ...) or a nested type's full name (`pkg/msg/Type`). */
  readonly type: string;
  readonly primitive: boolean;
  readonly array: FieldArrayKind;
  /** The upper bound (bounded) or the length (fixed) of an array; null otherwise. */
  readonly arraySize: number | null;
  /** The upper bound of a bounded string (`string<=N`), in characters; null otherwise. */
  readonly stringBound: number | null;
}

/** A constant's value (`uint8 FOO=1`, `string BAR="x"`). */
export type ConstantValue = number | string | boolean;

/** What the generator emits for each message: a MessageType with its definition. */
export interface MessageDescriptor<T> extends MessageType<T> {
  /** Fields in definition order, with their types. */
  readonly definition: readonly FieldSpec[];
  readonly constants: Readonly<Record<string, ConstantValue>>;
  /**
   * Appends one issue per invalid field to `issues`, each prefixed with its path under `path`
   * (e.g. `stamp.sec: expected uint32, got -1`); nested messages call this on their fields.
   */
  collectIssues(value: unknown, path: string, issues: string[]): void;
}

export interface ActionDescriptor<Goal, Result, Feedback> extends ActionType<
  Goal,
  Result,
  Feedback
> {
  readonly goal: MessageDescriptor<Goal>;
  readonly result: MessageDescriptor<Result>;
  readonly feedback: MessageDescriptor<Feedback>;
}

export interface ServiceDescriptor<Request, Response> extends ServiceType<Request, Response> {
  readonly request: MessageDescriptor<Request>;
  readonly response: MessageDescriptor<Response>;
}

export type GoalOf<A> = A extends ActionType<infer G, unknown, unknown> ? G : never;
export type ResultOf<A> = A extends ActionType<unknown, infer R, unknown> ? R : never;
export type FeedbackOf<A> = A extends ActionType<unknown, unknown, infer F> ? F : never;
export type RequestOf<S> = S extends ServiceType<infer Q, unknown> ? Q : never;
export type ResponseOf<S> = S extends ServiceType<unknown, infer R> ? R : never;
export type MessageOf<M> = M extends MessageType<infer T> ? T : never;

/** Converts milliseconds since the epoch to builtin_interfaces/Time. */
export function timeFromMs(ms: number): Time {
  const sec = Math.floor(ms / 1000);
  return { sec, nanosec: Math.round((ms - sec * 1000) * 1e6) };
}

/** Converts builtin_interfaces/Time to milliseconds since the epoch. */
export function timeToMs(time: Time): number {
  return time.sec * 1000 + time.nanosec / 1e6;
}
