// Sign-in and session settings, read once from the environment when the core starts. A value that
// is set but makes no sense stops the start with a message naming the variable, rather than
// silently running with a default the operator did not choose.

export interface AuthConfig {
  /** PASSWORD_SIGN_IN (on|off, default on): whether `signIn` with a password is offered at all. */
  passwordSignIn: boolean;
  /** SESSION_IDLE_HOURS (default 8): a session unused this long is ended. */
  sessionIdleHours: number;
  /** SESSION_MAX_HOURS (default 24): a session ends this long after sign-in, however busy. */
  sessionMaxHours: number;
  /** SIGN_IN_ACCOUNT_LIMIT (default 10): failed attempts per account (email) in a window. */
  signInAccountLimit: number;
  /** SIGN_IN_ADDRESS_LIMIT (default 50): failed attempts per client address in a window. */
  signInAddressLimit: number;
  /** SIGN_IN_WINDOW_MINUTES (default 15): how long attempts are counted for. */
  signInWindowMinutes: number;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  passwordSignIn: true,
  sessionIdleHours: 8,
  sessionMaxHours: 24,
  signInAccountLimit: 10,
  signInAddressLimit: 50,
  signInWindowMinutes: 15,
};

export class AuthConfigError extends Error {}

const ON = new Set(['on', 'true', '1', 'yes']);
const OFF = new Set(['off', 'false', '0', 'no']);

function readSwitch(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (ON.has(raw)) return true;
  if (OFF.has(raw)) return false;
  throw new AuthConfigError(`${name} must be "on" or "off" (it is "${env[name]}").`);
}

function readPositive(env: Env, name: string, fallback: number, integer: boolean): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new AuthConfigError(
      `${name} must be a positive ${integer ? 'whole number' : 'number'} (it is "${raw}").`,
    );
  }
  return value;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The settings from environment variables (see docs/security.md), defaults for those unset. */
export function authConfigFromEnv(env: Env = process.env): AuthConfig {
  const d = DEFAULT_AUTH_CONFIG;
  const config: AuthConfig = {
    passwordSignIn: readSwitch(env, 'PASSWORD_SIGN_IN', d.passwordSignIn),
    sessionIdleHours: readPositive(env, 'SESSION_IDLE_HOURS', d.sessionIdleHours, false),
    sessionMaxHours: readPositive(env, 'SESSION_MAX_HOURS', d.sessionMaxHours, false),
    signInAccountLimit: readPositive(env, 'SIGN_IN_ACCOUNT_LIMIT', d.signInAccountLimit, true),
    signInAddressLimit: readPositive(env, 'SIGN_IN_ADDRESS_LIMIT', d.signInAddressLimit, true),
    signInWindowMinutes: readPositive(env, 'SIGN_IN_WINDOW_MINUTES', d.signInWindowMinutes, false),
  };
  if (config.sessionIdleHours > config.sessionMaxHours) {
    throw new AuthConfigError(
      `SESSION_IDLE_HOURS (${config.sessionIdleHours}) cannot be longer than SESSION_MAX_HOURS (${config.sessionMaxHours}).`,
    );
  }
  return config;
}

export const hours = (n: number): number => n * 60 * 60 * 1000;
