import type { QosProfile } from '../api.js';
import type { QoSApi, RclnodejsApi } from './RclnodejsApi.js';

// rclnodejs's QoS policy numbers (rmw's), written out: its .d.ts declares them as ambient enums.
const KEEP_LAST = 1;
const RELIABLE = 1;
const BEST_EFFORT = 2;
const TRANSIENT_LOCAL = 1;
const VOLATILE = 2;

/** Hearth's QoS profile as an rclnodejs QoS: keep_last(depth), reliability, durability. */
export function toRclQos(rcl: Pick<RclnodejsApi, 'QoS'>, qos: QosProfile): QoSApi {
  return new rcl.QoS(
    KEEP_LAST,
    qos.depth,
    qos.reliability === 'reliable' ? RELIABLE : BEST_EFFORT,
    qos.durability === 'transient_local' ? TRANSIENT_LOCAL : VOLATILE,
  );
}
