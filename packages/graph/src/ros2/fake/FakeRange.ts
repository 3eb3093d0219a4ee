import type * as Rcl from 'rclnodejs';

import type { RangeApi } from '../RclnodejsApi.js';

/** rclnodejs's FloatingPointRange and IntegerRange: inclusive bounds, with a tolerance for doubles. */
export class FakeRange implements RangeApi {
  readonly fromValue: number;
  readonly toValue: number;
  readonly step: number;

  constructor(
    from: number | bigint,
    to: number | bigint,
    step: number | bigint,
    private readonly forType: Rcl.ParameterType,
    private readonly tolerance = 1e-6,
  ) {
    this.fromValue = Number(from);
    this.toValue = Number(to);
    this.step = Number(step);
  }

  inRange(value: number): boolean {
    const v = Number(value);
    return v >= this.fromValue - this.tolerance && v <= this.toValue + this.tolerance;
  }

  isValidType(parameterType: Rcl.ParameterType): boolean {
    return parameterType === this.forType;
  }
}
