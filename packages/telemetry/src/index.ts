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
  MEMORY_OUTBOX,
  defaultOutboxDir,
  type TelemetryNodeOptions,
  type TelemetryNodeEvents,
  type CommandRefusal,
} from './TelemetryNode.js';
export { FileOutbox, type FileOutboxOptions } from './outbox/FileOutbox.js';
export { OutboxDirError } from './errors/OutboxDirError.js';
export { Backoff, type BackoffOptions } from './connection/Backoff.js';
export { systemTimers, type Timers } from './connection/Timers.js';
export { AlertDesk, type AlertDeskOptions, type AlertSend } from './alerts/AlertDesk.js';
