/**
 * MQTT topic names, built and parsed in one place. Every topic lives under
 * `hearth/v1/<robot>/`; the version is in the path so that a v2 schema can run beside v1 on one
 * broker during a fleet upgrade. See docs/mqtt.md.
 */
import { createHash } from 'node:crypto';
import { InvalidTopicLevelError } from './errors/InvalidTopicLevelError.js';

export const MQTT_ROOT = 'hearth/v1';

/** Every topic of every robot: what the care dashboard subscribes to. */
export const ALL_ROBOTS_TOPIC = `${MQTT_ROOT}/+/#`;

/** The caregiver commands the robot accepts, one topic each (`cmd/<verb>`). */
export const COMMAND_VERBS = [
  'pause',
  'resume',
  'say',
  'end-session',
  'ack-alert',
  'quiet-hours',
] as const;
export type CommandVerb = (typeof COMMAND_VERBS)[number];

export function isCommandVerb(value: string): value is CommandVerb {
  return (COMMAND_VERBS as readonly string[]).includes(value);
}

// Control characters, and the MQTT separators and wildcards, cannot appear in one topic level.
// eslint-disable-next-line no-control-regex
const TOPIC_LEVEL = /^[^/+#\u0000-\u001f\u007f]{1,128}$/;

/** True when `value` can be one topic level (a robot id or session id). */
export function isValidTopicLevel(value: string): boolean {
  return TOPIC_LEVEL.test(value);
}

/** Returns `value` or throws InvalidTopicLevelError naming `what`. */
export function assertTopicLevel(what: string, value: string): string {
  if (!isValidTopicLevel(value)) throw new InvalidTopicLevelError(what, value);
  return value;
}

/** The topics of one robot. */
export interface RobotTopics {
  /** Retained `{state: online|offline}`; the last will says offline. */
  readonly status: string;
  /** Retained: the dialogue's current state. */
  readonly state: string;
  /** QoS 1: session start, turns and session end of one session. */
  sessionEvent(sessionId: string): string;
  /** All sessions' events (subscription filter). */
  readonly sessionEvents: string;
  /** Per-turn stage latency and the robot's CPU, memory and model figures; QoS 1. */
  readonly metrics: string;
  /** The person's affect, turn by turn; QoS 1, the latest retained. */
  readonly mood: string;
  /**
   * One safety alert's topic (`alerts/<alertId>`): QoS 1, retained while open and cleared (an
   * empty retained message) once acknowledged, so a late subscriber gets every open alert.
   */
  alert(alertId: string): string;
  /** Every alert of this robot (subscription filter). */
  readonly alerts: string;
  /**
   * The single alert topic of robots before per-alert topics: never written now, except the
   * empty retained message that clears what an older robot left there.
   */
  readonly legacyAlert: string;
  /** Moderate-risk notices: QoS 1, never retained, sent once (not alerts). */
  readonly notice: string;
  /** A caregiver command to this robot. */
  command(verb: CommandVerb): string;
  /** Every command to this robot (subscription filter). */
  readonly commands: string;
}

export function robotTopics(robot: string): RobotTopics {
  const base = `${MQTT_ROOT}/${assertTopicLevel('robot id', robot)}`;
  return {
    status: `${base}/status`,
    state: `${base}/state`,
    sessionEvent: (sessionId) =>
      `${base}/session/${assertTopicLevel('session id', sessionId)}/event`,
    sessionEvents: `${base}/session/+/event`,
    metrics: `${base}/metrics`,
    mood: `${base}/mood`,
    alert: (alertId) => `${base}/alerts/${alertTopicLevel(alertId)}`,
    alerts: `${base}/alerts/+`,
    legacyAlert: `${base}/alert`,
    notice: `${base}/notice`,
    command: (verb) => `${base}/cmd/${verb}`,
    commands: `${base}/cmd/+`,
  };
}

/**
 * The topic level of an alert id: the id itself, or (for an id that cannot be one level, e.g. with
 * a `/`) a digest of it, so that no alert is ever left unsent. The payload carries the real id.
 */
export function alertTopicLevel(alertId: string): string {
  if (isValidTopicLevel(alertId)) return alertId;
  return `id-${createHash('sha256').update(alertId).digest('hex').slice(0, 32)}`;
}

/**
 * What a topic under `hearth/v1/` names. `command.verb` is unchecked: validate it. An alert's
 * `alertId` is its topic level ('' for the single `alert` topic of robots before per-alert
 * topics, which an outbox written by one may still hold).
 */
export type ParsedTopic =
  | { readonly robot: string; readonly kind: 'status' }
  | { readonly robot: string; readonly kind: 'state' }
  | { readonly robot: string; readonly kind: 'metrics' }
  | { readonly robot: string; readonly kind: 'mood' }
  | { readonly robot: string; readonly kind: 'alert'; readonly alertId: string }
  | { readonly robot: string; readonly kind: 'notice' }
  | { readonly robot: string; readonly kind: 'sessionEvent'; readonly sessionId: string }
  | { readonly robot: string; readonly kind: 'command'; readonly verb: string };

/** Parses a Hearth topic; undefined for anything else (another version, an unknown leaf). */
export function parseTopic(topic: string): ParsedTopic | undefined {
  const levels = topic.split('/');
  if (levels[0] !== 'hearth' || levels[1] !== 'v1') return undefined;
  const robot = levels[2];
  if (robot === undefined || !isValidTopicLevel(robot)) return undefined;
  const rest = levels.slice(3);
  const [first, second, third] = rest;
  if (rest.length === 1) {
    if (
      first === 'status' ||
      first === 'state' ||
      first === 'metrics' ||
      first === 'mood' ||
      first === 'notice'
    ) {
      return { robot, kind: first };
    }
    return first === 'alert' ? { robot, kind: 'alert', alertId: '' } : undefined;
  }
  if (rest.length === 2 && first === 'alerts' && second !== undefined) {
    return isValidTopicLevel(second) ? { robot, kind: 'alert', alertId: second } : undefined;
  }
  if (rest.length === 2 && first === 'cmd' && second !== undefined && second !== '') {
    return { robot, kind: 'command', verb: second };
  }
  if (rest.length === 3 && first === 'session' && third === 'event' && second !== undefined) {
    return isValidTopicLevel(second)
      ? { robot, kind: 'sessionEvent', sessionId: second }
      : undefined;
  }
  return undefined;
}
