/**
 * @hearth/graph: the one node API every Hearth node uses, and its two transports.
 */
export * from './api.js';

export {
  createInProcessTransport,
  type InProcessTransportOptions,
} from './inprocess/createInProcessTransport.js';
export { DEFAULT_QOS } from './inprocess/InProcessNode.js';
export { DEFAULT_SERVICE_TIMEOUT_MS } from './inprocess/InProcessServiceClient.js';
export { DEFAULT_PARAMETER_TIMEOUT_MS } from './inprocess/InProcessParameterClient.js';

export {
  createLoggerFactory,
  logLevelFromEnv,
  type LoggerFactory,
  type LoggingOptions,
} from './logging/createLoggerFactory.js';
export { LogCapture, type LogRecord } from './logging/LogCapture.js';
export { Listeners } from './Listeners.js';
export { systemClock } from './clock/systemClock.js';
export { systemTimers, type TimerHandle, type Timers } from './timers/Timers.js';

export {
  loadParametersFile,
  parseParametersFile,
  displayPath,
} from './parameters/loadParametersFile.js';
export {
  ParametersFile,
  type ParameterEntry,
  type UnusedParameterKey,
} from './parameters/ParametersFile.js';

export { expandName } from './names.js';

export { ActionServerUnavailableError } from './errors/ActionServerUnavailableError.js';
export { DuplicateEndpointError } from './errors/DuplicateEndpointError.js';
export { GraphEntityDestroyedError } from './errors/GraphEntityDestroyedError.js';
export { InvalidNameError } from './errors/InvalidNameError.js';
export { InvalidParameterError } from './errors/InvalidParameterError.js';
export { ParameterAlreadyDeclaredError } from './errors/ParameterAlreadyDeclaredError.js';
export { ParameterNodeUnavailableError } from './errors/ParameterNodeUnavailableError.js';
export { ParameterNotDeclaredError } from './errors/ParameterNotDeclaredError.js';
export { ParametersFileError } from './errors/ParametersFileError.js';
export { RclnodejsUnavailableError } from './errors/RclnodejsUnavailableError.js';
export { ServiceCallFailedError } from './errors/ServiceCallFailedError.js';
export { ServiceUnavailableError } from './errors/ServiceUnavailableError.js';
export { TopicTypeMismatchError } from './errors/TopicTypeMismatchError.js';

export { createRos2Transport, type Ros2TransportOptions } from './ros2/createRos2Transport.js';
export { runNodeMain, type RunNodeMainOptions } from './main/runNodeMain.js';
export { parseRosArgs, type RosArgs } from './main/parseRosArgs.js';
export { createFakeRclnodejs, type FakeRclnodejs } from './ros2/fake/createFakeRclnodejs.js';
