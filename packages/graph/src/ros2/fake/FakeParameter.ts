import type * as Rcl from 'rclnodejs';

import type { ParameterApi } from '../RclnodejsApi.js';

/** rclnodejs's Parameter: integers are held as bigint, values validated against the type. */
export class FakeParameter implements ParameterApi {
  readonly value: unknown;

  constructor(
    readonly name: string,
    readonly type: Rcl.ParameterType,
    value?: unknown,
  ) {
    this.value = type === 2 ? BigInt(value as number | bigint) : value;
    this.validate();
  }

  validate(): void {
    if (this.name.trim() === '') throw new TypeError('Parameter name must be a non-empty string');
    if (!validValue(this.value, this.type)) {
      throw new TypeError(
        `Parameter ${this.name}: value ${String(this.value)} does not fit type ${this.type}`,
      );
    }
  }
}

function validValue(value: unknown, type: number): boolean {
  const every = (test: (v: unknown) => boolean): boolean =>
    Array.isArray(value) && value.every(test);
  switch (type) {
    case 0:
      return value === undefined || value === null;
    case 1:
      return typeof value === 'boolean';
    case 2:
      return typeof value === 'bigint';
    case 3:
      return typeof value === 'number';
    case 4:
      return typeof value === 'string';
    case 6:
      return every((v) => typeof v === 'boolean');
    case 7:
      return every((v) => typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v)));
    case 8:
      return every((v) => typeof v === 'number');
    case 9:
      return every((v) => typeof v === 'string');
    default:
      return false;
  }
}
