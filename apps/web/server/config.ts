/**
 * The web server's settings, read once from the environment at start. A malformed value stops the
 * server with a message naming the variable: a typo in a security setting must never fall back to
 * something more open. README.md ("Configuration") and docs/security.md describe each one.
 */
import {
  parseAllowedOrigins,
  parseIntrospectionPolicy,
  parsePublicUrl,
  type IntrospectionPolicy,
  type Origin,
} from '@lip/core';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface WebConfig {
  /** ALLOWED_ORIGINS: origins besides the app's own whose pages may call /graphql and post forms. */
  allowedOrigins: Origin[];
  /** GRAPHQL_INTROSPECTION: anonymous | signed-in (default) | off. */
  introspection: IntrospectionPolicy;
  /** LOG_LEVEL: pino's level; default info (silent turns request logs off). */
  logLevel: LogLevel;
  /** METRICS_ENABLED=1 serves /metrics; METRICS_TOKEN, if set, must come as a bearer token. */
  metrics: { enabled: boolean; token: string | undefined };
  /** TRUST_PROXY: Express's `trust proxy` (whom to believe about X-Forwarded-*). Default loopback. */
  trustProxy: string;
  /** PUBLIC_URL: the origin people reach the service at, for links in mails; default each request's. */
  publicUrl: string | undefined;
  /** REDIS_URL: live events and presence shared by every instance; default in process and database. */
  redisUrl: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

function parseLogLevel(value: string | undefined): LogLevel {
  if (!value) return 'info';
  const level = LOG_LEVELS.find((candidate) => candidate === value.trim().toLowerCase());
  if (!level) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${value}")`);
  return level;
}

function parseFlag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new Error(`${name} must be 1 or 0 (got "${value}")`);
}

function parseRedisUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  if (!url) return undefined;
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error('REDIS_URL must be a URL such as redis://host:6379 (got something else)');
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:')
    throw new Error(`REDIS_URL must start with redis:// or rediss:// (got "${protocol}")`);
  return url;
}

export function readWebConfig(env: Env = process.env): WebConfig {
  const metricsToken = env.METRICS_TOKEN?.trim() || undefined;
  return {
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    introspection: parseIntrospectionPolicy(env.GRAPHQL_INTROSPECTION),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    metrics: { enabled: parseFlag('METRICS_ENABLED', env.METRICS_ENABLED), token: metricsToken },
    trustProxy: env.TRUST_PROXY ?? 'loopback',
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    redisUrl: parseRedisUrl(env.REDIS_URL),
  };
}
