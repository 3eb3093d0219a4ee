/** What the route modules share: the store, who is asking, and the live channel. */
import type { Access } from '../auth/Access.js';
import type { LoginThrottle } from '../auth/LoginThrottle.js';
import type { WebSessions } from '../auth/WebSessions.js';
import type { DashboardLogger } from '../DashboardLogger.js';
import type { LiveHub } from '../LiveHub.js';
import type { SecondContactNotifier } from '../notify/SecondContactNotifier.js';
import type { DashboardStore } from '../store/DashboardStore.js';

export interface RouteContext {
  readonly store: DashboardStore;
  readonly logger: DashboardLogger;
  readonly access: Access;
  readonly sessions: WebSessions;
  readonly throttle: LoginThrottle;
  readonly hub: LiveHub;
  readonly secureCookies: boolean;
  readonly ttlMs: number;
  readonly notifier: SecondContactNotifier;
  /** Runs a retention purge now (after the admin changed the setting). */
  readonly runRetention: () => Promise<unknown>;
}
