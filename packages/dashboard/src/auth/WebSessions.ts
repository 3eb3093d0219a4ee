/**
 * Logged-in browsers: a random token in an httpOnly, SameSite=Strict cookie, mapped here to the
 * user. In memory on purpose: restarting the dashboard logs everyone out, and nothing that grants
 * access is written to disk. Sessions expire after `ttlMs` without use.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../store/DashboardStore.js';

export const SESSION_COOKIE = 'hearth_session';

export interface SignedInUser {
  readonly name: string;
  readonly role: Role;
}

interface Entry {
  readonly user: SignedInUser;
  expires: number;
}

export class WebSessions {
  private readonly sessions = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 12 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  create(user: SignedInUser): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { user, expires: this.now() + this.ttlMs });
    return token;
  }

  /** The user of a live session (and its expiry renewed), or undefined. */
  find(token: string | undefined): SignedInUser | undefined {
    if (!token) return undefined;
    const entry = this.sessions.get(token);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.sessions.delete(token);
      return undefined;
    }
    entry.expires = this.now() + this.ttlMs;
    return entry.user;
  }

  end(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  clear(): void {
    this.sessions.clear();
  }
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
