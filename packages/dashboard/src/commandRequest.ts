/**
 * Turns a browser's command request into a validated MQTT command payload. The same schema the
 * robot validates with is applied here, so a bad command is refused before it is sent.
 */
import { randomUUID } from 'node:crypto';
import {
  CommandPayloadSchema,
  SCHEMA_VERSION,
  isCommandVerb,
  isValidTopicLevel,
  type CommandPayload,
  type ParseResult,
} from '@hearth/telemetry/mqtt';

export interface CommandRequestBody {
  readonly text?: unknown;
  readonly alertId?: unknown;
  /** quiet-hours: "HH:MM" each, both "" for off. */
  readonly start?: unknown;
  readonly end?: unknown;
}

export function buildCommand(
  robot: string,
  verb: string,
  body: CommandRequestBody,
  issuedBy: string,
  now: Date,
): ParseResult<CommandPayload> {
  if (!isValidTopicLevel(robot))
    return { ok: false, issues: [`robot: ${JSON.stringify(robot)} is not a robot id`] };
  if (!isCommandVerb(verb))
    return { ok: false, issues: [`verb: unknown verb ${JSON.stringify(verb)}`] };
  const candidate: Record<string, unknown> = {
    schema: SCHEMA_VERSION,
    robot,
    ts: now.toISOString(),
    commandId: randomUUID(),
    issuedBy,
    verb,
  };
  if (verb === 'say') candidate.text = body.text;
  if (verb === 'ack-alert') candidate.alertId = body.alertId;
  if (verb === 'quiet-hours') {
    candidate.start = body.start;
    candidate.end = body.end;
  }
  const result = CommandPayloadSchema.safeParse(candidate);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  };
}
