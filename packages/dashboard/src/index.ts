export {
  startDashboard,
  DEFAULT_DASHBOARD_PORT,
  type Dashboard,
  type DashboardOptions,
} from './startDashboard.js';
export { DashboardPortInUseError } from './errors/DashboardPortInUseError.js';
export type { DashboardLogger } from './DashboardLogger.js';
export type {
  DashboardStore,
  DashboardSnapshot,
  RobotView,
  SessionView,
  TurnView,
  StoreChange,
} from './store/DashboardStore.js';
export {
  MemoryDashboardStore,
  type MemoryDashboardStoreOptions,
} from './store/MemoryDashboardStore.js';
export { TelemetryIngest } from './TelemetryIngest.js';
export { LiveHub, type LiveMessage } from './LiveHub.js';
export { buildCommand, type CommandRequestBody } from './commandRequest.js';
