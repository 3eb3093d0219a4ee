/**
 * The MQTT side of telemetry without the graph: topics, payload schemas, command validation and
 * the embedded broker. The care dashboard imports this (`@hearth/telemetry/mqtt`) so that it runs
 * without loading the robot's graph code, wherever it is deployed.
 */
export {
  startEmbeddedBroker,
  type EmbeddedBroker,
  type EmbeddedBrokerOptions,
} from './broker/startEmbeddedBroker.js';
export { PortInUseError } from './errors/PortInUseError.js';
export { InvalidTopicLevelError } from './errors/InvalidTopicLevelError.js';
export * from './topics.js';
export * from './schemas.js';
// The robot's reconnect delays, for the dashboard's own client (exponential with jitter).
export { Backoff, type BackoffOptions } from './connection/Backoff.js';
export { BrokerReconnect, type ReconnectingClient } from './connection/BrokerReconnect.js';
