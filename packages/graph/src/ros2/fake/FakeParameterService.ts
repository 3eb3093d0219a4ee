import type { ParameterApi } from '../RclnodejsApi.js';
import { FakeParameter } from './FakeParameter.js';
import type { FakeParameterDescriptor } from './FakeParameterDescriptor.js';

/** What FakeParameterService needs of its node: rclnodejs Node's own parameter methods. */
export interface FakeParameterHost {
  getParameterNames(): string[];
  getParameters(names: string[]): ParameterApi[];
  getParameterDescriptors(names: string[]): (FakeParameterDescriptor | undefined)[];
  setParameters(parameters: ParameterApi[]): { successful: boolean; reason: string | null }[];
  setParametersAtomically(parameters: ParameterApi[]): {
    successful: boolean;
    reason: string | null;
  };
}

/** ParameterValue field for each ParameterType, as rclnodejs's Parameter.toParameterValueMessage(). */
const VALUE_FIELD: Record<number, string> = {
  1: 'bool_value',
  2: 'integer_value',
  3: 'double_value',
  4: 'string_value',
  5: 'byte_array_value',
  6: 'bool_array_value',
  7: 'integer_array_value',
  8: 'double_array_value',
  9: 'string_array_value',
};

/** rcl_interfaces/msg/ParameterValue of a parameter: its type and the one field for it. */
export function parameterValueMessage(parameter: ParameterApi): Record<string, unknown> {
  const field = VALUE_FIELD[parameter.type];
  return field === undefined
    ? { type: parameter.type }
    : { type: parameter.type, [field]: parameter.value };
}

/** rcl_interfaces/msg/Parameter. */
export function parameterMessage(parameter: ParameterApi): object {
  return { name: parameter.name, value: parameterValueMessage(parameter) };
}

/** rclnodejs's Parameter.fromParameterMessage(); throws where the value does not fit the type. */
function fromParameterMessage(message: unknown): ParameterApi {
  const { name, value } = message as { name: string; value: Record<string, unknown> };
  const type = Number(value['type']);
  const field = VALUE_FIELD[type];
  return new FakeParameter(name, type as ParameterApi['type'], field ? value[field] : undefined);
}

type Register = (
  typeClass: string,
  service: string,
  handler: (request: Record<string, unknown>) => object | undefined,
) => void;

/**
 * rclnodejs's ParameterService: the six rcl_interfaces services every node serves under its own
 * name (`<fqn>/get_parameters`, ...), answering from the node's parameters. Like rclnodejs, an
 * empty describe request gets no descriptors and an empty get request gets every value.
 */
export function startFakeParameterService(host: FakeParameterHost, register: Register): void {
  register('rcl_interfaces/srv/ListParameters', 'list_parameters', () => ({
    result: { names: host.getParameterNames(), prefixes: [] },
  }));
  register('rcl_interfaces/srv/DescribeParameters', 'describe_parameters', (request) => {
    const names = request['names'] as string[];
    if (names.length === 0) return { descriptors: [] };
    return {
      descriptors: host
        .getParameterDescriptors(names)
        .map((descriptor, i) =>
          descriptor === undefined ? { name: names[i], type: 0 } : descriptor.toMessage(),
        ),
    };
  });
  register('rcl_interfaces/srv/GetParameters', 'get_parameters', (request) => {
    const names = request['names'] as string[];
    const parameters =
      names.length === 0 ? host.getParameters(host.getParameterNames()) : host.getParameters(names);
    return { values: parameters.map(parameterValueMessage) };
  });
  register('rcl_interfaces/srv/GetParameterTypes', 'get_parameter_types', (request) => ({
    types: host.getParameters(request['names'] as string[]).map((p) => p.type),
  }));
  register('rcl_interfaces/srv/SetParameters', 'set_parameters', (request) => ({
    results: host.setParameters((request['parameters'] as unknown[]).map(fromParameterMessage)),
  }));
  register(
    'rcl_interfaces/srv/SetParametersAtomically',
    'set_parameters_atomically',
    (request) => ({
      result: host.setParametersAtomically(
        (request['parameters'] as unknown[]).map(fromParameterMessage),
      ),
    }),
  );
}
