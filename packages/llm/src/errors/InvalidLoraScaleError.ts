/** lora_scale is neither -1 (the registry's default_scale, else 1) nor within [0, max]. */
export class InvalidLoraScaleError extends Error {
  constructor(
    readonly value: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'InvalidLoraScaleError';
  }
}
