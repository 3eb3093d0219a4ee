/**
 * The dashboard the HTTP and browser tests share: an embedded aedes broker on a free port and the
 * dashboard server on another, with its users in an in-memory store and a capturing logger.
 */
import { startEmbeddedBroker, type EmbeddedBroker } from '@hearth/telemetry/mqtt';
import { startDashboard, type Dashboard, type DashboardOptions } from '../../src/startDashboard.js';
import { MemoryDashboardStore } from '../../src/store/MemoryDashboardStore.js';
import type { Role } from '../../src/store/DashboardStore.js';
import { addUser } from '../../src/auth/users.js';
import { CapturingLogger } from './FakeRobotPublisher.js';

export interface TestUser {
  readonly name: string;
  readonly password: string;
  readonly role: Role;
  /** Default: every robot. */
  readonly robots?: readonly string[];
}

export interface TestDashboard {
  readonly broker: EmbeddedBroker;
  readonly dashboard: Dashboard;
  readonly store: MemoryDashboardStore;
  /** Closes the dashboard, disposes the store, then closes the broker. */
  close(): Promise<void>;
}

/** Starts the broker and the dashboard, and resolves once the dashboard is ready. */
export async function startTestDashboard(
  users: readonly TestUser[],
  options: Partial<DashboardOptions> = {},
): Promise<TestDashboard> {
  const broker = await startEmbeddedBroker({ port: 0 });
  const store = new MemoryDashboardStore();
  for (const user of users) await addUser(store, user.name, user.password, user.role, user.robots);
  const dashboard = await startDashboard({
    mqttUrl: broker.url,
    port: 0,
    store,
    logger: new CapturingLogger(),
    ...options,
  });
  await dashboard.ready();
  return {
    broker,
    dashboard,
    store,
    close: async () => {
      await dashboard.close();
      store.dispose();
      await broker.close();
    },
  };
}
