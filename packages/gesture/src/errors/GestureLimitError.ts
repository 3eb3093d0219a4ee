import { GestureProfileError } from './GestureProfileError.js';

/** A gesture's keyframes would drive a joint past its position or velocity limit. */
export class GestureLimitError extends GestureProfileError {
  constructor(
    file: string,
    readonly gesture: string,
    readonly joint: string,
    readonly limit: 'position' | 'velocity',
    key: string,
    problem: string,
  ) {
    const fix =
      limit === 'position'
        ? `keep ${joint} within its min and max in gesture "${gesture}", or widen the joint's limits if the robot allows`
        : `give gesture "${gesture}" more time to move ${joint} (a later time_from_start) or a smaller motion`;
    super(file, [
      {
        key,
        problem: `gesture "${gesture}" exceeds joint ${joint}'s ${limit} limit: ${problem}`,
        fix,
      },
    ]);
    this.name = 'GestureLimitError';
  }
}
