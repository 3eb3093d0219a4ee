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
export type { AlertView, MoodPoint, Role, StoredUser } from './store/DashboardStore.js';
export {
  SqliteDashboardStore,
  type SqliteDashboardStoreOptions,
} from './store/SqliteDashboardStore.js';
export { addUser, checkLogin, isRole, ROLES } from './auth/users.js';
export { hashPassword, verifyPassword, passwordProblem } from './auth/passwords.js';
export { WebSessions, SESSION_COOKIE } from './auth/WebSessions.js';
export { InvalidUserError } from './errors/InvalidUserError.js';
export { DashboardNeedsUsersError } from './errors/DashboardNeedsUsersError.js';
