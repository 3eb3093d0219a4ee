import type * as Rcl from 'rclnodejs';

/** rclnodejs's QoS, shaped as its .d.ts declares it (history, depth, reliability, durability). */
export class FakeQoS implements Rcl.QoS {
  liveliness: Rcl.QoS.LivelinessPolicy = 0;
  avoidRosNameSpaceConventions = false;

  constructor(
    public history: number = 0,
    public depth: number = 0,
    private readonly reliabilityPolicy: Rcl.QoS.ReliabilityPolicy = 0,
    public durability: Rcl.QoS.DurabilityPolicy = 0,
  ) {}

  /** A method in rclnodejs's .d.ts (a getter in its JavaScript); the fake follows the .d.ts. */
  reliability(): Rcl.QoS.ReliabilityPolicy {
    return this.reliabilityPolicy;
  }

  get isBestEffort(): boolean {
    return this.reliabilityPolicy === 2;
  }

  get isTransientLocal(): boolean {
    return this.durability === 1;
  }

  /** keep_last depth of a reader or writer history; keep_all (2) keeps everything. */
  get historyDepth(): number {
    return this.history === 2 ? Number.POSITIVE_INFINITY : Math.max(1, this.depth);
  }
}
