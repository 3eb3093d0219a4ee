/**
 * Logged-in browsers: a random token in an httpOnly, SameSite=Strict cookie. The store keeps only
 * the token's SHA-256, so logins survive a dashboard restart while a copy of the database grants
 * nobody access. A login expires after `ttlMs` without use, ends at logout, and ends at once when
 * its account is disabled or its password reset. Every request reads the account again, so a
 * changed role or robot list applies to open logins.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DashboardStore, Role } from '../store/DashboardStore.js';

export const SESSION_COOKIE = 'hearth_session';

export interface SignedInUser {
  readonly name: string;
  readonly role: Role;
  /** The robots a caregiver was assigned (`*`: all). */
  readonly robots: readonly string[];
}

/** Renewing on every request would write on every request; once a minute is enough. */
const RENEW_AFTER_MS = 60_000;

export class WebSessions {
  constructor(
    private readonly store: DashboardStore,
    private readonly ttlMs = 12 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a login for `userName`; returns the token for the cookie. */
  async create(userName: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.store.putLogin({
      tokenHash: tokenHash(token),
      userName,
      createdAt: new Date(this.now()).toISOString(),
      expiresAt: this.now() + this.ttlMs,
    });
    return token;
  }

  /** The user of a live login (its expiry renewed), or undefined. */
  async find(token: string | undefined): Promise<SignedInUser | undefined> {
    if (!token) return undefined;
    const hash = tokenHash(token);
    const login = await this.store.findLogin(hash);
    if (!login) return undefined;
    const now = this.now();
    if (login.expiresAt <= now) {
      await this.store.deleteLogin(hash);
      return undefined;
    }
    const user = await this.store.findUser(login.userName);
    if (!user || user.disabled) {
      await this.store.deleteLogin(hash);
      return undefined;
    }
    if (now + this.ttlMs - login.expiresAt >= RENEW_AFTER_MS)
      await this.store.renewLogin(hash, now + this.ttlMs);
    return { name: user.name, role: user.role, robots: user.robots };
  }

  async end(token: string | undefined): Promise<void> {
    if (token) await this.store.deleteLogin(tokenHash(token));
  }

  /** Ends every login of a user (disabled, or password reset). */
  async endAllOf(userName: string): Promise<void> {
    await this.store.deleteLoginsOf(userName);
  }

  /** Forgets expired logins; returns how many. */
  purgeExpired(): Promise<number> {
    return this.store.deleteExpiredLogins(this.now());
  }
}

/** What identifies a login in the store: the token itself is never stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The value of cookie `name` in a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function sessionCookie(token: string, secure: boolean, maxAgeS: number): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeS}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
