/**
 * Caregiver commands arriving over MQTT: validated before anything reaches the graph, because
 * the broker is shared and a command moves a robot that sits with a vulnerable person.
 */
import type { CaregiverCommand, Time } from '@hearth/interfaces';
import {
  CommandPayloadSchema,
  parsePayload,
  type CommandPayload,
  type ParseResult,
} from './schemas.js';
import { isCommandVerb, parseTopic } from './topics.js';

export interface IncomingCommand {
  readonly topic: string;
  readonly payload: string | Uint8Array;
  /** True when the broker delivered it from its retained store. */
  readonly retained: boolean;
}

export interface CommandFreshness {
  /** The robot's clock now (ms since the epoch). */
  readonly nowMs: number;
  /**
   * Oldest a command (by its `ts`) may be and still act; 0 accepts any age. The robot's session
   * is persistent, so commands sent while it was offline arrive when it is back: a `pause` or
   * `say` from hours ago must not act then. `ack-alert` is never stale: an acknowledgement is
   * still true later.
   */
  readonly maxAgeMs: number;
}

/** Validates a command addressed to `robot`; the issues say why one was refused. */
export function parseCommand(
  robot: string,
  incoming: IncomingCommand,
  freshness?: CommandFreshness,
): ParseResult<CommandPayload> {
  const topic = parseTopic(incoming.topic);
  if (topic?.kind !== 'command' || topic.robot !== robot) {
    return {
      ok: false,
      issues: [`topic ${incoming.topic} is not a command topic of robot ${robot}`],
    };
  }
  if (!isCommandVerb(topic.verb)) {
    return { ok: false, issues: [`unknown verb ${JSON.stringify(topic.verb)}`] };
  }
  // A retained command would replay at every reconnect: a pause from last week must not return.
  if (incoming.retained) return { ok: false, issues: ['retained commands are refused'] };
  const parsed = parsePayload(CommandPayloadSchema, incoming.payload);
  if (!parsed.ok) return parsed;
  const issues: string[] = [];
  if (parsed.value.verb !== topic.verb)
    issues.push(`verb: ${parsed.value.verb} does not match topic verb ${topic.verb}`);
  if (parsed.value.robot !== robot)
    issues.push(`robot: ${parsed.value.robot} is not this robot (${robot})`);
  const ageMs = freshness ? freshness.nowMs - Date.parse(parsed.value.ts) : 0;
  if (
    freshness &&
    freshness.maxAgeMs > 0 &&
    parsed.value.verb !== 'ack-alert' &&
    ageMs > freshness.maxAgeMs
  )
    issues.push(
      `ts: the command is ${Math.round(ageMs / 1000)} s old, older than command_max_age_ms (${freshness.maxAgeMs} ms); stale commands are dropped`,
    );
  return issues.length > 0 ? { ok: false, issues } : parsed;
}

/**
 * The graph verb of an MQTT command verb: the same, except `quiet-hours`, which sets the
 * dialogue's quiet hours (`set-quiet-hours`).
 */
function graphVerb(verb: CommandPayload['verb']): string {
  return verb === 'quiet-hours' ? 'set-quiet-hours' : verb;
}

/** CaregiverCommand.text: what to say, or the quiet hours as "HH:MM-HH:MM" ('' = off). */
function commandText(command: CommandPayload): string {
  if (command.verb === 'say') return command.text;
  if (command.verb === 'quiet-hours')
    return command.start === '' ? '' : `${command.start}-${command.end}`;
  return '';
}

/** The graph message for a valid command. */
export function toCaregiverCommand(command: CommandPayload, stamp: Time): CaregiverCommand {
  return {
    stamp,
    verb: graphVerb(command.verb),
    text: commandText(command),
    alert_id: command.verb === 'ack-alert' ? command.alertId : '',
    issued_by: command.issuedBy,
  };
}
