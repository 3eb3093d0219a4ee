/** Creating dashboard accounts (`hearth dashboard add-user`) and checking a login. */
import {
  ALL_ROBOTS,
  type DashboardStore,
  type Role,
  type StoredUser,
} from '../store/DashboardStore.js';
import { isValidTopicLevel } from '@hearth/telemetry/mqtt';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { InvalidUserError } from '../errors/InvalidUserError.js';

const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;

export function isUserName(name: string): boolean {
  return USER_NAME.test(name);
}
export const ROLES: readonly Role[] = ['caregiver', 'admin'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Adds an account, or replaces its password and role when the name exists (enabling it again).
 * `robots` are those a caregiver may see; default every robot.
 */
export async function addUser(
  store: DashboardStore,
  name: string,
  password: string,
  role: Role,
  robots: readonly string[] = [ALL_ROBOTS],
): Promise<StoredUser> {
  if (!USER_NAME.test(name))
    throw new InvalidUserError(
      name,
      'a user name has 1 to 64 letters, digits or . _ @ - (no spaces)',
    );
  const problem = passwordProblem(password);
  if (problem) throw new InvalidUserError(name, problem);
  const badRobot = robots.find((r) => r !== ALL_ROBOTS && !isValidTopicLevel(r));
  if (badRobot !== undefined)
    throw new InvalidUserError(name, `${JSON.stringify(badRobot)} is not a robot id`);
  const user: StoredUser = {
    name,
    role,
    passwordHash: await hashPassword(password),
    createdAt: (await store.findUser(name))?.createdAt ?? new Date().toISOString(),
    disabled: false,
    robots: [...robots],
  };
  await store.putUser(user);
  return user;
}

/**
 * The account when name and password match and it is enabled; undefined otherwise (which one is
 * not told).
 */
export async function checkLogin(
  store: DashboardStore,
  name: string,
  password: string,
): Promise<StoredUser | undefined> {
  const user = await store.findUser(name);
  // Hash anyway for an unknown name, so timing does not tell which names exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  return ok && user && !user.disabled ? user : undefined;
}

/** The robots a user may see: every one for an admin, else those assigned. */
export function robotScope(user: Pick<StoredUser, 'role' | 'robots'>): 'all' | readonly string[] {
  return user.role === 'admin' || user.robots.includes(ALL_ROBOTS) ? 'all' : user.robots;
}

const UNKNOWN_USER_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
