export * from './mqtt.js';
export { InvalidMqttUrlError } from './errors/InvalidMqttUrlError.js';
export { MqttCaFileError } from './errors/MqttCaFileError.js';
export { redactUrl } from './connection/redactUrl.js';
export { parseCommand, toCaregiverCommand, type IncomingCommand } from './commands.js';
export { isoTime, statePayload, statusPayload, turnOf } from './payloads.js';
export type { Outbox, OutboxEntry, OutboxReviser } from './outbox/Outbox.js';
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
export { systemTimers, type TimerHandle, type Timers } from '@hearth/graph';
export { AlertDesk, type AlertDeskOptions, type AlertSend } from './alerts/AlertDesk.js';
export { FileAlertStore, ALERTS_FILE } from './alerts/FileAlertStore.js';
export { MemoryAlertStore } from './alerts/MemoryAlertStore.js';
export type { AlertStore } from './alerts/AlertStore.js';
export {
  CONSENT_LEVELS,
  DEFAULT_CONSENT,
  isConsentLevel,
  permits,
  type ConsentLevel,
  type Disclosure,
} from './consent/ConsentLevel.js';
export { disclosureOf, narrowEntry, ruleIdsOnly } from './consent/ConsentGate.js';
export {
  ConsentProfile,
  ConsentParameters,
  type ConsentProfileOptions,
  type Person,
} from './consent/ConsentProfile.js';
export { ConsentProfileError } from './errors/ConsentProfileError.js';
export { Redactor, type RedactorOptions } from './redaction/Redactor.js';
export { Placeholders } from './redaction/patterns.js';
