import type { JointTrajectory } from '../profile/gestureTrajectory.js';

/** One joint's last command: where it was when the trajectory was sent, and the points after. */
interface JointCommand {
  readonly startMs: number;
  /** Absent: the joint was taken to be at its neutral. */
  readonly fromPosition: number | undefined;
  /** Seconds from `startMs` and the position commanded then, in time order. */
  readonly points: readonly { readonly timeS: number; readonly position: number }[];
}

/**
 * The last commanded position of every joint, from the trajectories the node publishes. A joint
 * trajectory controller moves each joint linearly between a trajectory's points, from where the
 * joint was on receipt, and a newer trajectory for a joint replaces the older one from the moment
 * it arrives (the joints it does not list go on with theirs). So a joint's position at any time is
 * its latest trajectory interpolated at that time: mid-motion for a gesture that was cut, the
 * held end pose after a posture. A joint never commanded is at its neutral.
 */
export class PoseTracker {
  private readonly commands = new Map<string, JointCommand>();

  /** Records `trajectory` as sent at `startMs`, its joints moving on from `from`. */
  record(trajectory: JointTrajectory, startMs: number, from: ReadonlyMap<string, number>): void {
    trajectory.jointNames.forEach((name, column) => {
      const points = trajectory.points.map((point) => ({
        timeS: point.timeFromStartS,
        position: point.positions[column] ?? Number.NaN,
      }));
      if (points.some((point) => Number.isNaN(point.position))) return;
      this.commands.set(name, { startMs, fromPosition: from.get(name), points });
    });
  }

  /** The joint's commanded position at `atMs`; `neutral` for a joint never commanded. */
  positionAt(joint: string, atMs: number, neutral: number): number {
    const command = this.commands.get(joint);
    if (!command) return neutral;
    const t = (atMs - command.startMs) / 1000;
    let fromTime = 0;
    let fromPosition = command.fromPosition ?? neutral;
    for (const point of command.points) {
      if (t < point.timeS) {
        const span = point.timeS - fromTime;
        return span > 0
          ? fromPosition + ((point.position - fromPosition) * (t - fromTime)) / span
          : point.position;
      }
      fromTime = point.timeS;
      fromPosition = point.position;
    }
    return fromPosition;
  }

  /** Where the joint's last command leaves it (its final point); `neutral` if never commanded. */
  targetOf(joint: string, neutral: number): number {
    return this.commands.get(joint)?.points.at(-1)?.position ?? neutral;
  }

  /** Positions at `atMs` of the named joints, each defaulting to its neutral. */
  pose(joints: ReadonlyMap<string, number>, atMs: number): Map<string, number> {
    const pose = new Map<string, number>();
    for (const [name, neutral] of joints) pose.set(name, this.positionAt(name, atMs, neutral));
    return pose;
  }

  /** Forgets every command (e.g. a new profile with other joints). */
  clear(): void {
    this.commands.clear();
  }
}
