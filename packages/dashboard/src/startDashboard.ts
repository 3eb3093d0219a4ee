/**
 * The care dashboard server: subscribes to every robot's telemetry, keeps it in a store, serves
 * the page (static files, no build step, nothing from a CDN) and pushes live updates to browsers
 * over a websocket.
 */
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import mqtt, { type IClientOptions } from 'mqtt';
import { ALL_ROBOTS_TOPIC, BrokerReconnect, type BackoffOptions } from '@hearth/telemetry/mqtt';
import { Access } from './auth/Access.js';
import { LoginThrottle, type LoginThrottleOptions } from './auth/LoginThrottle.js';
import { WebSessions } from './auth/WebSessions.js';
import { DashboardNeedsUsersError } from './errors/DashboardNeedsUsersError.js';
import { stderrLogger, type DashboardLogger } from './DashboardLogger.js';
import { DashboardPortInUseError } from './errors/DashboardPortInUseError.js';
import { LiveHub } from './LiveHub.js';
import { SecondContactNotifier } from './notify/SecondContactNotifier.js';
import type { PostJson } from './notify/postJson.js';
import { RetentionJob } from './retention/RetentionJob.js';
import { adminRoutes } from './routes/adminRoutes.js';
import { authRoutes } from './routes/authRoutes.js';
import { careRoutes } from './routes/careRoutes.js';
import type { RouteContext } from './routes/RouteContext.js';
import type { AlertView, DashboardStore, PurgeCounts } from './store/DashboardStore.js';
import { MemoryDashboardStore } from './store/MemoryDashboardStore.js';
import { TelemetryIngest } from './TelemetryIngest.js';
import { systemTimers, type Timers } from '@hearth/graph';

export interface DashboardOptions {
  /** The broker the robots publish to, e.g. `mqtt://127.0.0.1:1883`. */
  readonly mqttUrl: string;
  /** Default 127.0.0.1: the page shows what people said, so it is not on the network by default. */
  readonly host?: string;
  /** Default 8081; 0 picks a free port. */
  readonly port?: number;
  /**
   * Default a MemoryDashboardStore, which the dashboard owns and disposes. With no users in the
   * store the dashboard runs in development mode: no login, and only on a loopback address.
   */
  readonly store?: DashboardStore;
  /** Mark the session cookie Secure (set it when a TLS proxy serves the page); default false. */
  readonly secureCookies?: boolean;
  /** A login lasts this long without use; default 12 h. */
  readonly sessionTtlMs?: number;
  readonly logger?: DashboardLogger;
  /**
   * A fixed MQTT client id gives the dashboard a persistent session (clean: false): the broker
   * keeps its subscription and queues the robots' QoS 1 telemetry while the dashboard is away or
   * the broker restarts (with persistence), so no event is lost in between. Without one: a random
   * id and a clean session (development, tests). `hearth dashboard` always sets one.
   */
  readonly mqttClientId?: string;
  /** mqtt.js options laid over the dashboard's (credentials, TLS). */
  readonly mqttOptions?: IClientOptions;
  /**
   * Reconnect delays after the broker went away: exponential with jitter, like the robot's
   * (default 500 ms doubling to 30 s, each half fixed and half random).
   */
  readonly reconnect?: BackoffOptions;
  /** Take the client address from X-Forwarded-For (set it behind a reverse proxy); default false. */
  readonly trustProxy?: boolean;
  /** How failed logins are slowed down (defaults in LoginThrottle). */
  readonly loginThrottle?: LoginThrottleOptions;
  /** Retries of the second contact's webhook (defaults in SecondContactNotifier). */
  readonly notify?: {
    readonly maxAttempts?: number;
    readonly baseDelayMs?: number;
    readonly maxDelayMs?: number;
    readonly timeoutMs?: number;
    readonly post?: PostJson;
  };
  /** The page's address as the second contact reaches it, put into notifications. */
  readonly publicUrl?: string;
  /** The clock and timers; tests inject fake ones. */
  readonly now?: () => number;
  readonly timers?: Timers;
}

export interface Dashboard {
  /** The page, e.g. `http://127.0.0.1:8081/`. */
  readonly url: string;
  readonly port: number;
  /** True when the store had no users at start: no login, loopback only. */
  readonly developmentMode: boolean;
  /** Purges history past the retention setting now (it also runs at start and daily). */
  purgeNow(): Promise<PurgeCounts | undefined>;
  /** Resolves once subscribed to the broker (the page works before, showing no robots). */
  ready(): Promise<void>;
  /** Stops the server, closes browsers' sockets and the MQTT client. Idempotent. */
  close(): Promise<void>;
}

export const DEFAULT_DASHBOARD_PORT = 8081;

const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? DEFAULT_DASHBOARD_PORT;
  const logger = options.logger ?? stderrLogger;
  const store = options.store ?? new MemoryDashboardStore();
  const now = options.now ?? Date.now;
  const timers = options.timers ?? systemTimers(now);
  const developmentMode = (await store.userCount()) === 0;
  if (developmentMode && !isLoopback(host)) {
    if (!options.store) await store.dispose();
    throw new DashboardNeedsUsersError(host);
  }
  const ttlMs = options.sessionTtlMs ?? 12 * 60 * 60 * 1000;
  const sessions = new WebSessions(store, ttlMs, now);
  const hub = new LiveHub();
  const broadcastAlert = (alert: AlertView) =>
    void store
      .robot(alert.robot)
      .then((robot) => hub.broadcast({ type: 'change', change: { robot, alert } }))
      .catch((error: unknown) =>
        logger.warn('could not show a notification live', { error: (error as Error).message }),
      );
  const notifier = new SecondContactNotifier({
    store,
    logger,
    timers,
    now,
    onChange: broadcastAlert,
    dashboardUrl: options.publicUrl,
    ...options.notify,
  });
  const retention = new RetentionJob({ store, logger, timers, now });
  const ingest = new TelemetryIngest(store, logger, (change) => {
    hub.broadcast({ type: 'change', change });
    if (change.alert?.status === 'escalated')
      void notifier.escalated(change.alert).catch((error: unknown) =>
        logger.error('could not start notifying the second contact', {
          error: (error as Error).message,
        }),
      );
  });

  const client = mqtt.connect(options.mqttUrl, {
    ...(options.mqttClientId === undefined
      ? { clientId: `hearth-dashboard-${Math.random().toString(16).slice(2, 10)}` }
      : { clientId: options.mqttClientId, clean: false }),
    ...options.mqttOptions,
    // Reconnects are BrokerReconnect's (backoff with jitter), not mqtt.js's flat period.
    reconnectPeriod: 0,
  });
  const reconnect = new BrokerReconnect(client, timers, options.reconnect);
  let brokerConnected = false;
  let outageReported = false;
  const subscribed = new Promise<void>((resolve) => {
    client.on('connect', () => {
      client.subscribe(ALL_ROBOTS_TOPIC, { qos: 1 }, (error) => {
        if (error) {
          logger.error('dashboard could not subscribe to telemetry', { error: error.message });
          return;
        }
        brokerConnected = true;
        outageReported = false;
        hub.broadcast({ type: 'broker', connected: true });
        resolve();
      });
    });
  });
  client.on('close', () => {
    if (brokerConnected) hub.broadcast({ type: 'broker', connected: false });
    brokerConnected = false;
  });
  client.on('error', (error) => {
    if (outageReported) return;
    outageReported = true;
    logger.warn('dashboard cannot reach MQTT broker; retrying', {
      url: options.mqttUrl,
      error: error.message,
    });
  });
  client.on('message', (topic, payload) => void ingest.handle(topic, payload));

  // Browsers keep connections alive; close() must not wait for them.
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    trustProxy: options.trustProxy ?? false,
  });
  await app.register(fastifyWebsocket);
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/' });

  const context: RouteContext = {
    store,
    logger,
    access: new Access(store, sessions),
    sessions,
    throttle: new LoginThrottle({ now, ...options.loginThrottle }),
    hub,
    secureCookies: options.secureCookies ?? false,
    ttlMs,
    notifier,
    runRetention: () => retention.runNow(),
  };
  authRoutes(app, context);
  careRoutes(app, context, { client, connected: () => brokerConnected });
  adminRoutes(app, context);

  let port: number;
  try {
    await app.listen({ host, port: requestedPort });
    const address = app.server.address();
    port = typeof address === 'object' && address !== null ? address.port : requestedPort;
  } catch (error) {
    reconnect.dispose();
    await client.endAsync(true);
    await app.close();
    if (
      typeof error === 'object' &&
      error !== null &&
      'code' in error &&
      error.code === 'EADDRINUSE'
    ) {
      throw new DashboardPortInUseError(requestedPort, host);
    }
    throw error;
  }
  await retention.start();
  await notifier.resume();

  let closing: Promise<void> | undefined;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    developmentMode,
    ready: () => subscribed,
    purgeNow: () => retention.runNow(),
    close() {
      closing ??= (async () => {
        retention.dispose();
        notifier.dispose();
        hub.closeAll();
        reconnect.dispose();
        await app.close();
        await client.endAsync(true);
        if (!options.store) await store.dispose();
      })();
      return closing;
    },
  };
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || host.startsWith('127.');
}
