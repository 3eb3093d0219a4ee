/**
 * Logging in and out. Failed logins are throttled per name and per client address (429 with
 * Retry-After); a login is a row in the store, so it survives a dashboard restart.
 */
import type { FastifyInstance } from 'fastify';
import { checkLogin } from '../auth/users.js';
import { SESSION_COOKIE, readCookie, sessionCookie, tokenHash } from '../auth/WebSessions.js';
import type { RouteContext } from './RouteContext.js';

export function authRoutes(app: FastifyInstance, context: RouteContext): void {
  const { access, logger, sessions, store, throttle, hub } = context;
  const cookie = (token: string, maxAgeS: number) =>
    sessionCookie(token, context.secureCookies, maxAgeS);

  app.get('/api/auth', async (request) => ({
    mode: (await access.developmentMode()) ? 'development' : 'login',
    user: (await access.userOf(request)) ?? null,
  }));

  app.post<{ Body: { name?: unknown; password?: unknown } | undefined }>(
    '/api/login',
    async (request, reply) => {
      const { name, password } = request.body ?? {};
      if (typeof name !== 'string' || typeof password !== 'string' || password.length > 1024)
        return reply.code(400).send({ error: 'send {name, password}' });
      const waitMs = throttle.retryAfterMs(name, request.ip);
      if (waitMs > 0) {
        const retryAfterS = Math.ceil(waitMs / 1000);
        logger.warn('dashboard login throttled', { name: name.slice(0, 64), retryAfterS });
        return reply
          .code(429)
          .header('retry-after', String(retryAfterS))
          .send({
            error: `too many failed logins; try again in ${retryAfterS} s`,
            retryAfterS,
          });
      }
      const user = await checkLogin(store, name, password);
      if (!user) {
        throttle.failed(name, request.ip);
        logger.warn('dashboard login refused', { name: name.slice(0, 64) });
        return reply.code(401).send({ error: 'wrong name or password' });
      }
      throttle.succeeded(name, request.ip);
      const token = await sessions.create(user.name);
      logger.info('dashboard login', { name: user.name });
      return reply
        .header('set-cookie', cookie(token, Math.round(context.ttlMs / 1000)))
        .send({ user: { name: user.name, role: user.role, robots: user.robots } });
    },
  );

  app.post('/api/logout', async (request, reply) => {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    await sessions.end(token);
    if (token) hub.closeLogin(tokenHash(token));
    return reply.header('set-cookie', cookie('', 0)).code(204).send();
  });
}
