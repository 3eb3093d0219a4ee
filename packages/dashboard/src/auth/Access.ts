/**
 * Who is asking, and what they may do: route guards for "logged in" and "admin", and the robots a
 * user may see. In development mode (no accounts yet) everyone is the local developer, an admin.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ALL_ROBOTS, type DashboardStore, type RobotScope } from '../store/DashboardStore.js';
import { robotScope } from './users.js';
import { SESSION_COOKIE, readCookie, type SignedInUser, type WebSessions } from './WebSessions.js';

const DEVELOPER: SignedInUser = { name: 'development', role: 'admin', robots: [ALL_ROBOTS] };

export class Access {
  private readonly users = new WeakMap<FastifyRequest, SignedInUser | null>();

  constructor(
    private readonly store: DashboardStore,
    private readonly sessions: WebSessions,
  ) {}

  async developmentMode(): Promise<boolean> {
    return (await this.store.userCount()) === 0;
  }

  /** The signed-in user, read once per request. */
  async userOf(request: FastifyRequest): Promise<SignedInUser | undefined> {
    const known = this.users.get(request);
    if (known !== undefined) return known ?? undefined;
    const user = (await this.developmentMode())
      ? DEVELOPER
      : await this.sessions.find(readCookie(request.headers.cookie, SESSION_COOKIE));
    this.users.set(request, user ?? null);
    return user;
  }

  /** The user of a request that passed a guard. */
  async user(request: FastifyRequest): Promise<SignedInUser> {
    const user = await this.userOf(request);
    if (!user) throw new Error('Access.user called on a route without a login guard');
    return user;
  }

  async scope(request: FastifyRequest): Promise<RobotScope> {
    return robotScope(await this.user(request));
  }

  async maySee(request: FastifyRequest, robot: string): Promise<boolean> {
    const scope = await this.scope(request);
    return scope === 'all' || scope.includes(robot);
  }

  readonly requireLogin = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!(await this.userOf(request))) await reply.code(401).send({ error: 'log in first' });
  };

  readonly requireAdmin = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const user = await this.userOf(request);
    if (!user) await reply.code(401).send({ error: 'log in first' });
    else if (user.role !== 'admin')
      await reply
        .code(403)
        .send({ error: `only an admin may do this; ${user.name} is a ${user.role}` });
  };
}
