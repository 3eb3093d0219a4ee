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
export { LiveHub, type LiveMessage, type Viewer } from './LiveHub.js';
export { buildCommand, type CommandRequestBody } from './commandRequest.js';
export {
  ALL_ROBOTS,
  DEFAULT_SETTINGS,
  type AlertView,
  type DashboardSettings,
  type DeliveryRecord,
  type MoodPoint,
  type NotificationState,
  type NotificationView,
  type PendingNotification,
  type PurgeCounts,
  type Role,
  type RobotScope,
  type SecondContact,
  type SessionSummary,
  type StoredLogin,
  type StoredUser,
  type UserChanges,
  type UserView,
} from './store/DashboardStore.js';
export {
  SqliteDashboardStore,
  type SqliteDashboardStoreOptions,
} from './store/SqliteDashboardStore.js';
export { addUser, checkLogin, isRole, isUserName, robotScope, ROLES } from './auth/users.js';
export { LoginThrottle, type LoginThrottleOptions } from './auth/LoginThrottle.js';
export {
  SecondContactNotifier,
  type EscalationNotice,
  type SecondContactNotifierOptions,
} from './notify/SecondContactNotifier.js';
export { postJson, type PostJson, type PostOutcome } from './notify/postJson.js';
export { RetentionJob, type RetentionJobOptions } from './retention/RetentionJob.js';
export { systemTimers, type TimerHandle, type Timers } from '@hearth/graph';
export { hashPassword, verifyPassword, passwordProblem } from './auth/passwords.js';
export { WebSessions, SESSION_COOKIE, tokenHash } from './auth/WebSessions.js';
export { InvalidUserError } from './errors/InvalidUserError.js';
export { DashboardNeedsUsersError } from './errors/DashboardNeedsUsersError.js';
