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

/** Validates a command addressed to `robot`; the issues say why one was refused. */
export function parseCommand(
  robot: string,
  incoming: IncomingCommand,
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
  return issues.length > 0 ? { ok: false, issues } : parsed;
}

/** The graph message for a valid command. */
export function toCaregiverCommand(command: CommandPayload, stamp: Time): CaregiverCommand {
  return {
    stamp,
    verb: command.verb,
    text: command.verb === 'say' ? command.text : '',
    alert_id: command.verb === 'ack-alert' ? command.alertId : '',
    issued_by: command.issuedBy,
  };
}
