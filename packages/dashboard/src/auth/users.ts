/** Creating dashboard accounts (`hearth dashboard add-user`) and checking a login. */
import type { DashboardStore, Role, StoredUser } from '../store/DashboardStore.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { InvalidUserError } from '../errors/InvalidUserError.js';

const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;
export const ROLES: readonly Role[] = ['caregiver', 'admin'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Adds an account, or replaces its password and role when the name exists. */
export async function addUser(
  store: DashboardStore,
  name: string,
  password: string,
  role: Role,
): Promise<StoredUser> {
  if (!USER_NAME.test(name))
    throw new InvalidUserError(
      name,
      'a user name has 1 to 64 letters, digits or . _ @ - (no spaces)',
    );
  const problem = passwordProblem(password);
  if (problem) throw new InvalidUserError(name, problem);
  const user: StoredUser = {
    name,
    role,
    passwordHash: await hashPassword(password),
    createdAt: new Date().toISOString(),
  };
  store.putUser(user);
  return user;
}

/** The account when name and password match; undefined otherwise (which one is not told). */
export async function checkLogin(
  store: DashboardStore,
  name: string,
  password: string,
): Promise<StoredUser | undefined> {
  const user = store.findUser(name);
  // Hash anyway for an unknown name, so timing does not tell which names exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  return ok && user ? user : undefined;
}

const UNKNOWN_USER_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
