/**
 * rcl_interfaces messages (ParameterValue, ParameterDescriptor, ParameterEvent) to and from
 * Hearth's parameter types, as the parameter services and `/parameter_events` carry them.
 */
import type {
  ParameterKind,
  ParameterValue,
  RemoteParameterChange,
  RemoteParameterDescriptor,
} from '../api.js';
import { ParameterTypeCode } from './RclnodejsApi.js';
import { fromRos, parameterTypeOf } from './rosValues.js';

export const ParameterServiceTypes = {
  list: 'rcl_interfaces/srv/ListParameters',
  get: 'rcl_interfaces/srv/GetParameters',
  describe: 'rcl_interfaces/srv/DescribeParameters',
  set: 'rcl_interfaces/srv/SetParameters',
  setAtomically: 'rcl_interfaces/srv/SetParametersAtomically',
  getTypes: 'rcl_interfaces/srv/GetParameterTypes',
} as const;

/** The service names rcl gives a node's parameter services: `<fqn>/<snake_case>`. */
export const ParameterServiceNames: Record<keyof typeof ParameterServiceTypes, string> = {
  list: 'list_parameters',
  get: 'get_parameters',
  describe: 'describe_parameters',
  set: 'set_parameters',
  setAtomically: 'set_parameters_atomically',
  getTypes: 'get_parameter_types',
};

export const PARAMETER_EVENT_TYPE = 'rcl_interfaces/msg/ParameterEvent';

/** rcl_interfaces/msg/ParameterValue: every field present, the one for `type` filled. */
export interface ParameterValueMessage {
  type: number;
  bool_value: boolean;
  integer_value: bigint;
  double_value: number;
  string_value: string;
  byte_array_value: number[];
  bool_array_value: boolean[];
  integer_array_value: bigint[];
  double_array_value: number[];
  string_array_value: string[];
}

export interface ParameterMessage {
  name: string;
  value: ParameterValueMessage;
}

/** A Hearth value as the ParameterValue of a parameter of `kind` (integers as int64). */
export function toParameterValueMessage(
  kind: ParameterKind,
  value: ParameterValue,
): ParameterValueMessage {
  const message: ParameterValueMessage = {
    type: parameterTypeOf(kind),
    bool_value: false,
    integer_value: 0n,
    double_value: 0,
    string_value: '',
    byte_array_value: [],
    bool_array_value: [],
    integer_array_value: [],
    double_array_value: [],
    string_array_value: [],
  };
  switch (kind) {
    case 'bool':
      message.bool_value = value as boolean;
      break;
    case 'integer':
      message.integer_value = BigInt(value as number);
      break;
    case 'double':
      message.double_value = value as number;
      break;
    case 'string':
      message.string_value = value as string;
      break;
    case 'bool_array':
      message.bool_array_value = [...(value as boolean[])];
      break;
    case 'integer_array':
      message.integer_array_value = (value as number[]).map((v) => BigInt(v));
      break;
    case 'double_array':
      message.double_array_value = [...(value as number[])];
      break;
    case 'string_array':
      message.string_array_value = [...(value as string[])];
      break;
  }
  return message;
}

interface ValueFields {
  readonly type?: unknown;
  readonly [field: string]: unknown;
}

const valueField: Partial<Record<number, string>> = {
  [ParameterTypeCode.PARAMETER_BOOL]: 'bool_value',
  [ParameterTypeCode.PARAMETER_INTEGER]: 'integer_value',
  [ParameterTypeCode.PARAMETER_DOUBLE]: 'double_value',
  [ParameterTypeCode.PARAMETER_STRING]: 'string_value',
  [ParameterTypeCode.PARAMETER_BOOL_ARRAY]: 'bool_array_value',
  [ParameterTypeCode.PARAMETER_INTEGER_ARRAY]: 'integer_array_value',
  [ParameterTypeCode.PARAMETER_DOUBLE_ARRAY]: 'double_array_value',
  [ParameterTypeCode.PARAMETER_STRING_ARRAY]: 'string_array_value',
};

/** A ParameterValue message back to a Hearth value; undefined when not set (or a byte array). */
export function fromParameterValueMessage(message: unknown): ParameterValue | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const fields = message as ValueFields;
  const field = valueField[Number(fields.type)];
  if (field === undefined) return undefined;
  const value = fromRos(fields[field]);
  return value === undefined || value === null ? undefined : (value as ParameterValue);
}

const kindOfType: Partial<Record<number, ParameterKind>> = {
  [ParameterTypeCode.PARAMETER_BOOL]: 'bool',
  [ParameterTypeCode.PARAMETER_INTEGER]: 'integer',
  [ParameterTypeCode.PARAMETER_DOUBLE]: 'double',
  [ParameterTypeCode.PARAMETER_STRING]: 'string',
  [ParameterTypeCode.PARAMETER_BOOL_ARRAY]: 'bool_array',
  [ParameterTypeCode.PARAMETER_INTEGER_ARRAY]: 'integer_array',
  [ParameterTypeCode.PARAMETER_DOUBLE_ARRAY]: 'double_array',
  [ParameterTypeCode.PARAMETER_STRING_ARRAY]: 'string_array',
};

interface DescriptorFields {
  readonly name?: unknown;
  readonly type?: unknown;
  readonly description?: unknown;
  readonly additional_constraints?: unknown;
  readonly read_only?: unknown;
  readonly floating_point_range?: unknown;
  readonly integer_range?: unknown;
}

/**
 * A ParameterDescriptor message to Hearth's shape; undefined for a parameter the node has not
 * declared (type PARAMETER_NOT_SET) or of a kind Hearth does not use (byte arrays).
 */
export function fromDescriptorMessage(message: unknown): RemoteParameterDescriptor | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const fields = message as DescriptorFields;
  const kind = kindOfType[Number(fields.type)];
  if (kind === undefined || typeof fields.name !== 'string') return undefined;
  const range = rangeOf(kind === 'double' ? fields.floating_point_range : fields.integer_range);
  return {
    name: fields.name,
    kind,
    description: typeof fields.description === 'string' ? fields.description : '',
    readOnly: fields.read_only === true,
    ...(range === undefined ? {} : { range }),
    additionalConstraints:
      typeof fields.additional_constraints === 'string' ? fields.additional_constraints : '',
  };
}

/**
 * The first range of a descriptor message. rclnodejs 2.2.0's describe handler puts its Range
 * objects (fromValue/toValue getters) where the message has from_value/to_value: read either.
 */
function rangeOf(ranges: unknown): { min: number; max: number } | undefined {
  const first: unknown = Array.isArray(ranges) ? ranges[0] : undefined;
  if (typeof first !== 'object' || first === null) return undefined;
  const range = first as Record<string, unknown>;
  const min = Number(range['from_value'] ?? range['fromValue']);
  const max = Number(range['to_value'] ?? range['toValue']);
  // A range of one point is what a range lost in translation reads as (all zeros): ignore it
  // rather than refuse every value; the node checks its real range itself.
  return Number.isFinite(min) && Number.isFinite(max) && min < max ? { min, max } : undefined;
}

/** The changed parameters of one ParameterEvent message from `node`. */
export function changesOfEvent(message: unknown, node: string): RemoteParameterChange[] {
  if (typeof message !== 'object' || message === null) return [];
  const event = message as { node?: unknown; changed_parameters?: unknown };
  if (event.node !== node || !Array.isArray(event.changed_parameters)) return [];
  const changes: RemoteParameterChange[] = [];
  for (const parameter of event.changed_parameters as unknown[]) {
    const { name, value } = (parameter ?? {}) as { name?: unknown; value?: unknown };
    const plain = fromParameterValueMessage(value);
    if (typeof name === 'string' && plain !== undefined) changes.push({ name, value: plain });
  }
  return changes;
}
