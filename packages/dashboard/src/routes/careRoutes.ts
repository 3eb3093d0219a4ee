/**
 * What every logged-in user may do, limited to the robots they may see: the live socket, the
 * snapshot, history search, mood over weeks, and commands (pause, resume, say, end, ack-alert,
 * quiet-hours).
 */
import type { FastifyInstance } from 'fastify';
import type { MqttClient } from 'mqtt';
import { isValidTopicLevel, robotTopics } from '@hearth/telemetry/mqtt';
import { SESSION_COOKIE, readCookie, tokenHash } from '../auth/WebSessions.js';
import { buildCommand, type CommandRequestBody } from '../commandRequest.js';
import type { RouteContext } from './RouteContext.js';

export interface BrokerState {
  readonly client: MqttClient;
  connected(): boolean;
}

export function careRoutes(app: FastifyInstance, context: RouteContext, broker: BrokerState): void {
  const { access, hub, logger, store } = context;
  const onRequest = access.requireLogin;

  app.get('/live', { websocket: true, onRequest }, async (socket, request) => {
    const user = await access.user(request);
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    const scope = await access.scope(request);
    hub.add(
      socket,
      { userName: user.name, loginHash: token ? tokenHash(token) : undefined, scope },
      {
        type: 'snapshot',
        snapshot: await store.snapshot(scope),
        brokerConnected: broker.connected(),
      },
    );
  });

  app.get('/api/snapshot', { onRequest }, async (request) => ({
    snapshot: await store.snapshot(await access.scope(request)),
    brokerConnected: broker.connected(),
  }));

  app.get<{ Querystring: { q?: string; limit?: string } }>(
    '/api/sessions',
    { onRequest },
    async (request) => {
      const limit = Math.min(200, Math.max(1, Number(request.query.limit ?? 50) || 50));
      const query = String(request.query.q ?? '').slice(0, 200);
      return { sessions: await store.searchSessions(query, limit, await access.scope(request)) };
    },
  );

  app.get<{ Params: { robot: string }; Querystring: { days?: string } }>(
    '/api/robots/:robot/mood',
    { onRequest },
    async (request, reply) => {
      const { robot } = request.params;
      if (!isValidTopicLevel(robot)) return reply.code(400).send({ error: 'not a robot id' });
      if (!(await access.maySee(request, robot)))
        return reply.code(403).send({ error: `robot ${robot} is not assigned to you` });
      const days = Math.min(366, Math.max(1, Number(request.query.days ?? 28) || 28));
      const since = new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
      return { mood: await store.moodHistory(robot, since) };
    },
  );

  app.post<{ Params: { robot: string; verb: string }; Body: CommandRequestBody | undefined }>(
    '/api/robots/:robot/commands/:verb',
    { onRequest },
    async (request, reply) => {
      const user = await access.user(request);
      const { robot, verb } = request.params;
      if (isValidTopicLevel(robot) && !(await access.maySee(request, robot)))
        return reply.code(403).send({ error: `robot ${robot} is not assigned to ${user.name}` });
      const built = buildCommand(robot, verb, request.body ?? {}, user.name, new Date());
      if (!built.ok) {
        logger.warn('refused dashboard command', { robot, verb, issues: built.issues });
        return reply.code(400).send({ error: 'invalid command', issues: built.issues });
      }
      if (!broker.client.connected)
        return reply
          .code(503)
          .send({ error: 'not connected to the MQTT broker; try again shortly' });
      const command = built.value;
      await broker.client.publishAsync(
        robotTopics(command.robot).command(command.verb),
        JSON.stringify(command),
        { qos: 1, retain: false },
      );
      if (command.verb === 'quiet-hours') {
        // The robot does not report its quiet hours: the card shows what was last sent.
        const change = await store.setQuietHours(command.robot, {
          start: command.start,
          end: command.end,
          setBy: command.issuedBy,
          setAt: command.ts,
        });
        hub.broadcast({ type: 'change', change });
      }
      return reply.code(202).send({ commandId: command.commandId });
    },
  );
}
