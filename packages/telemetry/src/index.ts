export * from './mqtt.js';
export { InvalidMqttUrlError } from './errors/InvalidMqttUrlError.js';
export { parseCommand, toCaregiverCommand, type IncomingCommand } from './commands.js';
export { isoTime, statePayload, statusPayload, turnOf } from './payloads.js';
export type { Outbox, OutboxEntry } from './outbox/Outbox.js';
export { MemoryOutbox, type MemoryOutboxOptions } from './outbox/MemoryOutbox.js';
export { OutboxSender, type OutboxSenderLogger } from './outbox/OutboxSender.js';
export { SessionTracker, type TrackedEvent } from './SessionTracker.js';
export {
  TelemetryNode,
  TelemetryDefaults,
  TELEMETRY_NODE_NAME,
  type TelemetryNodeOptions,
  type TelemetryNodeEvents,
  type CommandRefusal,
} from './TelemetryNode.js';
