/** Sends a caregiver command as the dashboard does: a fresh, valid payload on the robot's cmd topic. */
import { randomUUID } from 'node:crypto';
import type { MqttProbe } from './MqttProbe.js';

/**
 * Publishes `verb` with `fields` (e.g. alertId, start/end) to `hearth/v1/<robot>/cmd/<verb>` at
 * QoS 1, issued by `carol` now, with a new command id; resolves once the broker has it.
 */
export async function sendCaregiverCommand(
  sender: MqttProbe,
  robot: string,
  verb: string,
  fields: Record<string, unknown> = {},
): Promise<void> {
  await sender.client.publishAsync(
    `hearth/v1/${robot}/cmd/${verb}`,
    JSON.stringify({
      schema: 1,
      robot,
      ts: new Date().toISOString(),
      commandId: randomUUID(),
      issuedBy: 'carol',
      verb,
      ...fields,
    }),
    { qos: 1 },
  );
}
