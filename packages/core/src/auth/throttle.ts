// Throttling of guesses at a secret (passwords, emailed one-time codes), per account and per client
// address, with rate-limiter-flexible. On PostgreSQL the counters live in the
// `sign_in_attempt_counter` table, so every instance behind a load balancer shares them; on the
// embedded database (one process by design) they live in memory.
//
// Every attempt is counted before the secret is checked, atomically in the store, so attempts sent
// at once (in parallel requests) cannot all slip in before the first failure is recorded. A right
// secret then clears the account's count and gives the address its attempt back, so only failures
// add up.
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Database } from '@lip/db';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { AuthConfig } from './config.ts';

/** What is being guessed: counted apart per account, together per address. */
export type AttemptKind = 'password' | 'email-code';

export interface Attempt {
  kind: AttemptKind;
  /** The account tried, normalised (`normaliseEmail`): unknown accounts are limited the same way. */
  account: string;
  /** RequestContext.clientAddress. When unknown (null) only the account is limited. */
  clientAddress: string | null | undefined;
}

export interface SignInThrottle {
  /**
   * Counts one attempt, before the secret is checked. Throws TooManyAttemptsError (HTTP 429 with
   * Retry-After at /graphql) when the account or the address is over its limit.
   */
  consume(attempt: Attempt): Promise<void>;
  /** The secret was right: clears the account's count and gives the address its attempt back. */
  succeeded(attempt: Attempt): Promise<void>;
}

export const ATTEMPT_COUNTER_TABLE = 'sign_in_attempt_counter';

/**
 * Refused because of too many attempts. A GraphQL error (not a typed union member) so yoga answers
 * HTTP 429 with a Retry-After header; `extensions` say when to try again, for forms to put in words.
 */
export class TooManyAttemptsError extends GraphQLError {
  readonly retryAfterSeconds: number;
  readonly retryAt: Date;
  constructor(msBeforeNext: number, now: number = Date.now()) {
    const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    const minutes = Math.ceil(seconds / 60);
    const retryAt = new Date(now + seconds * 1000);
    super(`Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
      extensions: {
        code: 'TOO_MANY_ATTEMPTS',
        retryAfterSeconds: seconds,
        retryAt: retryAt.toISOString(),
        http: { status: 429, headers: { 'Retry-After': String(seconds) } },
      },
    });
    this.retryAfterSeconds = seconds;
    this.retryAt = retryAt;
  }
}

/** Keys are hashes: the counter table holds no email address and no client address. */
const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/** The database's PostgreSQL pool keeps the counters; without one they are kept in memory. */
export type ThrottleStore = Pick<Database, 'pool'>;

export function createSignInThrottle(
  store: ThrottleStore,
  config: Pick<AuthConfig, 'signInAccountLimit' | 'signInAddressLimit' | 'signInWindowMinutes'>,
): SignInThrottle {
  const duration = Math.max(1, Math.round(config.signInWindowMinutes * 60));
  const limiter = (keyPrefix: string, points: number): RateLimiterAbstract =>
    store.pool
      ? new RateLimiterPostgres({
          storeClient: store.pool,
          storeType: 'pool',
          tableName: ATTEMPT_COUNTER_TABLE,
          // Created by a migration (packages/db), like every other table.
          tableCreated: true,
          keyPrefix,
          points,
          duration,
        })
      : new RateLimiterMemory({ keyPrefix, points, duration });
  const byAccount = limiter('account', config.signInAccountLimit);
  const byAddress = limiter('address', config.signInAddressLimit);
  const accountKey = (a: Attempt) => digest(`${a.kind}:${a.account}`);
  const addressKey = (a: Attempt) => (a.clientAddress ? digest(a.clientAddress) : null);

  return {
    async consume(attempt) {
      const address = addressKey(attempt);
      try {
        if (address) await byAddress.consume(address);
        await byAccount.consume(accountKey(attempt));
      } catch (refusal) {
        // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, an Error when
        // the store failed (which must not read as "too many attempts").
        if (refusal instanceof RateLimiterRes) throw new TooManyAttemptsError(refusal.msBeforeNext);
        throw refusal;
      }
    },
    async succeeded(attempt) {
      await byAccount.delete(accountKey(attempt));
      const address = addressKey(attempt);
      if (address) await byAddress.reward(address, 1);
    },
  };
}
