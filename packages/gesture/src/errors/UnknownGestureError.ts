/** A gesture name that the robot profile does not define. */
export class UnknownGestureError extends Error {
  constructor(
    readonly gesture: string,
    readonly available: readonly string[],
  ) {
    super(
      `Unknown gesture "${gesture}". The robot profile defines: ${available.join(', ')}. Add it to gestures.yaml or use one of those.`,
    );
    this.name = 'UnknownGestureError';
  }
}
