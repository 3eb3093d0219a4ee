/**
 * The gesture node's tunables as the console's tuning panel lists them: values, kinds,
 * descriptions and ranges all as the node itself declares them (`ros2 param get/describe`), so
 * the panel shows what the running node accepts.
 */
import type { ParameterKind, ParameterValue } from '@hearth/graph';
import type { ParameterKindView, ParameterView, TuningView } from '../protocol.js';
import type { ParameterMirror } from './ParameterMirror.js';

export function gestureTuningView(mirror: ParameterMirror): TuningView | null {
  if (!mirror.available) return null;
  const parameters: ParameterView[] = [];
  for (const [name, value] of Object.entries(mirror.values)) {
    const descriptor = mirror.descriptor(name);
    parameters.push({
      name,
      kind: descriptor ? kindView(descriptor.kind) : kindOf(value),
      value,
      description: descriptor?.description ?? '',
      range: descriptor?.range ?? null,
    });
  }
  return { node: mirror.node, parameters };
}

function kindView(kind: ParameterKind): ParameterKindView {
  switch (kind) {
    case 'bool':
    case 'integer':
    case 'double':
    case 'string':
    case 'string_array':
      return kind;
    default:
      return 'other';
  }
}

function kindOf(value: ParameterValue): ParameterKindView {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'double';
  return value.every((item) => typeof item === 'string') ? 'string_array' : 'other';
}
