/**
 * What only an admin may do (a caregiver gets 403): manage accounts (add, disable, change role
 * and robots, reset a password) and settings (retention, the second contact). Bodies are
 * validated with zod; a change that would leave no enabled admin is refused.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { isValidTopicLevel } from '@hearth/telemetry/mqtt';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { addUser, isUserName, ROLES } from '../auth/users.js';
import {
  ALL_ROBOTS,
  type DashboardSettings,
  type StoredUser,
  type UserView,
} from '../store/DashboardStore.js';
import type { RouteContext } from './RouteContext.js';

const robots = z
  .array(z.string().refine((r) => r === ALL_ROBOTS || isValidTopicLevel(r), 'not a robot id'))
  .max(1000);
const role = z.enum(ROLES as ['caregiver', 'admin']);

const NewUserBody = z.object({
  name: z.string().refine(isUserName, '1 to 64 letters, digits or . _ @ - (no spaces)'),
  password: z.string(),
  role,
  robots: robots.optional(),
});
const UserChangesBody = z.strictObject({
  role: role.optional(),
  disabled: z.boolean().optional(),
  robots: robots.optional(),
});
const PasswordBody = z.object({ password: z.string() });
const SettingsBody = z.object({
  retentionDays: z.number().int().min(1).max(3650),
  secondContact: z
    .object({
      name: z.string().trim().min(1).max(128),
      webhookUrl: z.url({ protocol: /^https?$/ }).max(2000),
    })
    .nullable(),
});

export function adminRoutes(app: FastifyInstance, context: RouteContext): void {
  const { access, hub, logger, sessions, store } = context;
  const onRequest = access.requireAdmin;

  app.get('/api/users', { onRequest }, async () => ({
    users: (await store.listUsers()).map(userView),
  }));

  app.post<{ Body: unknown }>('/api/users', { onRequest }, async (request, reply) => {
    const body = NewUserBody.safeParse(request.body);
    if (!body.success) return invalid(reply, body.error);
    const { name, password, role: newRole } = body.data;
    if (await store.findUser(name))
      return reply
        .code(409)
        .send({ error: `a user named ${name} exists; reset their password instead` });
    const problem = passwordProblem(password);
    if (problem) return reply.code(400).send({ error: problem });
    const user = await addUser(store, name, password, newRole, body.data.robots ?? [ALL_ROBOTS]);
    logger.info('dashboard user added', {
      name,
      role: newRole,
      by: (await access.user(request)).name,
    });
    return reply.code(201).send({ user: userView(user) });
  });

  app.patch<{ Params: { name: string }; Body: unknown }>(
    '/api/users/:name',
    { onRequest },
    async (request, reply) => {
      const body = UserChangesBody.safeParse(request.body);
      if (!body.success) return invalid(reply, body.error);
      const { name } = request.params;
      const user = await store.findUser(name);
      if (!user) return reply.code(404).send({ error: `no user named ${name}` });
      const changed = { ...user, ...definedOnly(body.data) };
      if (await leavesNoAdmin(user, changed))
        return reply
          .code(409)
          .send({ error: 'the dashboard needs one enabled admin; make another admin first' });
      const updated = await store.updateUser(name, body.data);
      if (changed.disabled) await sessions.endAllOf(name);
      // Its browsers reconnect and see what the account may now see (or the login form).
      hub.closeUser(name);
      logger.info('dashboard user changed', {
        name,
        ...body.data,
        by: (await access.user(request)).name,
      });
      return { user: updated ? userView(updated) : null };
    },
  );

  app.post<{ Params: { name: string }; Body: unknown }>(
    '/api/users/:name/password',
    { onRequest },
    async (request, reply) => {
      const body = PasswordBody.safeParse(request.body);
      if (!body.success) return invalid(reply, body.error);
      const { name } = request.params;
      if (!(await store.findUser(name)))
        return reply.code(404).send({ error: `no user named ${name}` });
      const problem = passwordProblem(body.data.password);
      if (problem) return reply.code(400).send({ error: problem });
      await store.updateUser(name, { passwordHash: await hashPassword(body.data.password) });
      // Whoever knew the old password is logged out everywhere.
      await sessions.endAllOf(name);
      hub.closeUser(name);
      logger.info('dashboard password reset', { name, by: (await access.user(request)).name });
      return reply.code(204).send();
    },
  );

  app.get('/api/settings', { onRequest }, async () => ({ settings: await store.settings() }));

  app.put<{ Body: unknown }>('/api/settings', { onRequest }, async (request, reply) => {
    const body = SettingsBody.safeParse(request.body);
    if (!body.success) return invalid(reply, body.error);
    const settings: DashboardSettings = body.data;
    const before = await store.settings();
    await store.putSettings(settings);
    logger.info('dashboard settings changed', {
      retentionDays: settings.retentionDays,
      secondContact: settings.secondContact?.name ?? null,
      by: (await access.user(request)).name,
    });
    if (settings.retentionDays < before.retentionDays) await context.runRetention();
    return { settings };
  });

  app.post('/api/settings/test-notification', { onRequest }, async (_request, reply) => {
    const { secondContact } = await store.settings();
    if (!secondContact)
      return reply
        .code(409)
        .send({ error: 'no second contact is configured; save one in the settings first' });
    return context.notifier.sendTest(secondContact);
  });

  async function leavesNoAdmin(before: StoredUser, after: StoredUser): Promise<boolean> {
    const wasAdmin = before.role === 'admin' && !before.disabled;
    const isAdmin = after.role === 'admin' && !after.disabled;
    if (!wasAdmin || isAdmin) return false;
    const admins = (await store.listUsers()).filter((u) => u.role === 'admin' && !u.disabled);
    return admins.length <= 1;
  }
}

function userView({ passwordHash: _hash, ...user }: StoredUser): UserView {
  return user;
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

function invalid(reply: FastifyReply, error: z.ZodError): FastifyReply {
  return reply.code(400).send({
    error: 'invalid request',
    issues: error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  });
}
