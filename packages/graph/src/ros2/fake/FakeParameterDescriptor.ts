import type * as Rcl from 'rclnodejs';

import type { ParameterApi, ParameterDescriptorApi, RangeApi } from '../RclnodejsApi.js';

/** rclnodejs's ParameterDescriptor: type must match exactly, value must be in range. */
export class FakeParameterDescriptor implements ParameterDescriptorApi {
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

  validateParameter(parameter: ParameterApi): void {
    if (parameter.type !== this.type)
      throw new TypeError(`Parameter ${this.name}: type ${parameter.type}, expected ${this.type}`);
    if (this.range !== null && !this.range.inRange(Number(parameter.value))) {
      throw new RangeError(`Parameter ${this.name}: ${String(parameter.value)} out of range`);
    }
  }
}
