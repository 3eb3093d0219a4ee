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
import { ALL_ROBOTS_TOPIC, isValidTopicLevel, robotTopics } from '@hearth/telemetry/mqtt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkLogin } from './auth/users.js';
import {
  SESSION_COOKIE,
  WebSessions,
  readCookie,
  sessionCookie,
  type SignedInUser,
} from './auth/WebSessions.js';
import { DashboardNeedsUsersError } from './errors/DashboardNeedsUsersError.js';
import { buildCommand, type CommandRequestBody } from './commandRequest.js';
import { stderrLogger, type DashboardLogger } from './DashboardLogger.js';
import { DashboardPortInUseError } from './errors/DashboardPortInUseError.js';
import { LiveHub } from './LiveHub.js';
import type { DashboardStore } from './store/DashboardStore.js';
import { MemoryDashboardStore } from './store/MemoryDashboardStore.js';
import { TelemetryIngest } from './TelemetryIngest.js';

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
  /** mqtt.js options laid over the dashboard's (credentials, TLS). */
  readonly mqttOptions?: IClientOptions;
}

export interface Dashboard {
  /** The page, e.g. `http://127.0.0.1:8081/`. */
  readonly url: string;
  readonly port: number;
  /** True when the store had no users at start: no login, loopback only. */
  readonly developmentMode: boolean;
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
  const developmentMode = store.userCount() === 0;
  if (developmentMode && !isLoopback(host)) {
    if (!options.store) store.dispose();
    throw new DashboardNeedsUsersError(host);
  }
  const ttlMs = options.sessionTtlMs ?? 12 * 60 * 60 * 1000;
  const webSessions = new WebSessions(ttlMs);
  /** The signed-in user; in development mode (no users yet) everyone is the local developer. */
  const userOf = (request: FastifyRequest): SignedInUser | undefined =>
    store.userCount() === 0
      ? DEVELOPER
      : webSessions.find(readCookie(request.headers.cookie, SESSION_COOKIE));
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!userOf(request)) await reply.code(401).send({ error: 'log in first' });
  };
  const hub = new LiveHub();
  const ingest = new TelemetryIngest(store, logger, (change) =>
    hub.broadcast({ type: 'change', change }),
  );

  const client = mqtt.connect(options.mqttUrl, {
    clientId: `hearth-dashboard-${Math.random().toString(16).slice(2, 10)}`,
    reconnectPeriod: 1000,
    ...options.mqttOptions,
  });
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
  client.on('message', (topic, payload) => ingest.handle(topic, payload));

  // Browsers keep connections alive; close() must not wait for them.
  const app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(fastifyWebsocket);
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/' });

  app.get('/api/auth', async (request) => {
    const user = userOf(request);
    return {
      mode: store.userCount() === 0 ? 'development' : 'login',
      user: user ?? null,
    };
  });
  app.post<{ Body: { name?: unknown; password?: unknown } | undefined }>(
    '/api/login',
    async (request, reply) => {
      const { name, password } = request.body ?? {};
      if (typeof name !== 'string' || typeof password !== 'string' || password.length > 1024)
        return reply.code(400).send({ error: 'send {name, password}' });
      const user = await checkLogin(store, name, password);
      if (!user) {
        logger.warn('dashboard login refused', { name: name.slice(0, 64) });
        return reply.code(401).send({ error: 'wrong name or password' });
      }
      const token = webSessions.create({ name: user.name, role: user.role });
      logger.info('dashboard login', { name: user.name });
      return reply
        .header(
          'set-cookie',
          sessionCookie(token, options.secureCookies ?? false, Math.round(ttlMs / 1000)),
        )
        .send({ user: { name: user.name, role: user.role } });
    },
  );
  app.post('/api/logout', async (request, reply) => {
    webSessions.end(readCookie(request.headers.cookie, SESSION_COOKIE));
    return reply
      .header('set-cookie', sessionCookie('', options.secureCookies ?? false, 0))
      .code(204)
      .send();
  });
  app.get('/live', { websocket: true, onRequest: guard }, (socket) => {
    hub.add(socket, { type: 'snapshot', snapshot: store.snapshot(), brokerConnected });
  });
  app.get('/api/snapshot', { onRequest: guard }, async () => ({
    snapshot: store.snapshot(),
    brokerConnected,
  }));
  app.get<{ Querystring: { q?: string; limit?: string } }>(
    '/api/sessions',
    { onRequest: guard },
    async (request) => {
      const limit = Math.min(200, Math.max(1, Number(request.query.limit ?? 50) || 50));
      return { sessions: store.searchSessions(String(request.query.q ?? '').slice(0, 200), limit) };
    },
  );
  app.get<{ Params: { robot: string }; Querystring: { days?: string } }>(
    '/api/robots/:robot/mood',
    { onRequest: guard },
    async (request, reply) => {
      if (!isValidTopicLevel(request.params.robot))
        return reply.code(400).send({ error: 'not a robot id' });
      const days = Math.min(366, Math.max(1, Number(request.query.days ?? 28) || 28));
      const since = new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
      return { mood: store.moodHistory(request.params.robot, since) };
    },
  );
  app.post<{ Params: { robot: string; verb: string }; Body: CommandRequestBody | undefined }>(
    '/api/robots/:robot/commands/:verb',
    { onRequest: guard },
    async (request, reply) => {
      const user = userOf(request);
      const built = buildCommand(
        request.params.robot,
        request.params.verb,
        request.body ?? {},
        user?.name ?? 'dashboard',
        new Date(),
      );
      if (!built.ok) {
        logger.warn('refused dashboard command', {
          robot: request.params.robot,
          verb: request.params.verb,
          issues: built.issues,
        });
        return reply.code(400).send({ error: 'invalid command', issues: built.issues });
      }
      if (!client.connected)
        return reply
          .code(503)
          .send({ error: 'not connected to the MQTT broker; try again shortly' });
      const command = built.value;
      await client.publishAsync(
        robotTopics(command.robot).command(command.verb),
        JSON.stringify(command),
        { qos: 1, retain: false },
      );
      return reply.code(202).send({ commandId: command.commandId });
    },
  );

  let port: number;
  try {
    await app.listen({ host, port: requestedPort });
    const address = app.server.address();
    port = typeof address === 'object' && address !== null ? address.port : requestedPort;
  } catch (error) {
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

  let closing: Promise<void> | undefined;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    developmentMode,
    ready: () => subscribed,
    close() {
      closing ??= (async () => {
        hub.closeAll();
        webSessions.clear();
        await app.close();
        await client.endAsync(true);
        if (!options.store) store.dispose();
      })();
      return closing;
    },
  };
}

const DEVELOPER: SignedInUser = { name: 'development', role: 'admin' };

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || host.startsWith('127.');
}
