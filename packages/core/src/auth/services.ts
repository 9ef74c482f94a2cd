// The sign-in settings and attempt counters a core runs with, made once per core.
import type { Database } from '@lip/db';
import { authConfigFromEnv, type AuthConfig } from './config.ts';
import { createSignInThrottle, type SignInThrottle } from './throttle.ts';

export interface AuthServices {
  config: AuthConfig;
  /**
   * Counts guesses at secrets (passwords, emailed codes) per account and client address. Any
   * sign-in method that checks a secret calls `consume` before checking it and `succeeded` after a
   * right one.
   */
  throttle: SignInThrottle;
}

/**
 * From the environment (overridden by `overrides`), with the attempt counters in the database's
 * PostgreSQL pool when it has one, else in memory.
 */
export function createAuthServices(
  db: Pick<Database, 'pool'>,
  overrides: Partial<AuthConfig> = {},
): AuthServices {
  const config = { ...authConfigFromEnv(), ...overrides };
  return { config, throttle: createSignInThrottle(db, config) };
}

/** Settings from the environment and counters in memory (schemas built for their shape only). */
export function defaultAuthServices(): AuthServices {
  return createAuthServices({});
}
