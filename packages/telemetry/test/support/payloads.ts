/** Valid payloads to start tests from. */
import { randomUUID } from 'node:crypto';
import type { CommandPayload } from '../../src/schemas.js';

export function command(
  robot: string,
  verb: 'pause' | 'resume' | 'end-session',
  extra: Record<string, unknown> = {},
): CommandPayload & Record<string, unknown> {
  return {
    schema: 1,
    robot,
    ts: new Date().toISOString(),
    commandId: randomUUID(),
    issuedBy: 'caregiver',
    verb,
    ...extra,
  };
}
