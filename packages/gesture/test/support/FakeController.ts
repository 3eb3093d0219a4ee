import type { JointTrajectory } from '@hearth/interfaces';
import type { GestureProfile } from '../../src/index.js';

interface Segment {
  readonly atMs: number;
  readonly from: number;
  readonly points: readonly { readonly t: number; readonly p: number }[];
}

/**
 * A joint trajectory controller as a robot runs it (allow_partial_joints_goal): each message
 * replaces the motion of the joints it lists from the moment it arrives, starting from where they
 * are; the others go on. It faults, like a real one, on a message that drives a joint out of range
 * or faster than its max_velocity from where it is: `faults` lists each.
 */
export class FakeController {
  private readonly joints = new Map<string, Segment>();
  readonly faults: string[] = [];

  constructor(private readonly profile: GestureProfile) {}

  receive(message: JointTrajectory, atMs: number): void {
    message.joint_names.forEach((name, column) => {
      const limits = this.profile.joints.get(name);
      if (!limits) return;
      const from = this.positionAt(name, atMs);
      let t0 = 0;
      let p0 = from;
      const points = message.points.map((point) => {
        const t = point.time_from_start.sec + point.time_from_start.nanosec / 1e9;
        const p = point.positions[column] ?? Number.NaN;
        if (!(p >= limits.min - 1e-9 && p <= limits.max + 1e-9))
          this.faults.push(`${name} position ${p} outside [${limits.min}, ${limits.max}]`);
        const velocity = t > t0 ? Math.abs(p - p0) / (t - t0) : p === p0 ? 0 : Infinity;
        if (velocity > limits.maxVelocity + 1e-6)
          this.faults.push(`${name} ${velocity.toFixed(3)} rad/s > ${limits.maxVelocity}`);
        t0 = t;
        p0 = p;
        return { t, p };
      });
      this.joints.set(name, { atMs, from, points });
    });
  }

  /** Where the joint is at `atMs` (its neutral if never commanded). */
  positionAt(name: string, atMs: number): number {
    const segment = this.joints.get(name);
    if (!segment) return this.profile.joints.get(name)?.neutral ?? 0;
    const t = (atMs - segment.atMs) / 1000;
    let t0 = 0;
    let p0 = segment.from;
    for (const { t: t1, p: p1 } of segment.points) {
      if (t < t1) return p0 + ((p1 - p0) * (t - t0)) / (t1 - t0);
      t0 = t1;
      p0 = p1;
    }
    return p0;
  }
}
