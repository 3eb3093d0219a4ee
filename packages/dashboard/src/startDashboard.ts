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
import { ALL_ROBOTS_TOPIC, robotTopics } from '@hearth/telemetry/mqtt';
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
  /** Default a MemoryDashboardStore, which the dashboard owns and disposes. */
  readonly store?: DashboardStore;
  readonly logger?: DashboardLogger;
  /** mqtt.js options laid over the dashboard's (credentials, TLS). */
  readonly mqttOptions?: IClientOptions;
}

export interface Dashboard {
  /** The page, e.g. `http://127.0.0.1:8081/`. */
  readonly url: string;
  readonly port: number;
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

  app.get('/live', { websocket: true }, (socket) => {
    hub.add(socket, { type: 'snapshot', snapshot: store.snapshot(), brokerConnected });
  });
  app.get('/api/snapshot', async () => ({ snapshot: store.snapshot(), brokerConnected }));
  app.post<{ Params: { robot: string; verb: string }; Body: CommandRequestBody | undefined }>(
    '/api/robots/:robot/commands/:verb',
    async (request, reply) => {
      // No login until issue 8: every command is issued by "dashboard".
      const built = buildCommand(
        request.params.robot,
        request.params.verb,
        request.body ?? {},
        'dashboard',
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
    ready: () => subscribed,
    close() {
      closing ??= (async () => {
        hub.closeAll();
        await app.close();
        await client.endAsync(true);
        if (!options.store) store.dispose();
      })();
      return closing;
    },
  };
}
