import type * as Rcl from 'rclnodejs';

import type { ParameterApi, ParameterDescriptorApi, RangeApi } from '../RclnodejsApi.js';

/** rclnodejs's ParameterDescriptor: type must match exactly, value must be in range. */
export class FakeParameterDescriptor implements ParameterDescriptorApi {
  additionalConstraints = '';

  constructor(
    readonly name: string,
    readonly type: Rcl.ParameterType = 0,
    readonly description = 'no description',
    readonly readOnly = false,
    readonly range: RangeApi | null = null,
  ) {
    if (range !== null && !range.isValidType(type)) {
      throw new TypeError(`Incompatible Range for parameter type (${name})`);
    }
  }

  /** rcl_interfaces/msg/ParameterDescriptor, as rclnodejs's toMessage() builds it (Range objects included). */
  toMessage(): object {
    const isDouble = this.type === 3 || this.type === 8;
    const isInteger = this.type === 2 || this.type === 7;
    return {
      name: this.name,
      type: this.type,
      description: this.description,
      additional_constraints: this.additionalConstraints,
      read_only: this.readOnly,
      ...(this.range !== null && isInteger ? { integer_range: [this.range] } : {}),
      ...(this.range !== null && isDouble ? { floating_point_range: [this.range] } : {}),
    };
  }

  validateParameter(parameter: ParameterApi): void {
    if (parameter.type !== this.type)
      throw new TypeError(`Parameter ${this.name}: type ${parameter.type}, expected ${this.type}`);
    if (this.range !== null && !this.range.inRange(Number(parameter.value))) {
      throw new RangeError(`Parameter ${this.name}: ${String(parameter.value)} out of range`);
    }
  }
}
