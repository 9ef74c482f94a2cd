/**
 * The sign-in throttle's refusal (the API's TOO_MANY_ATTEMPTS error) in words people can act on:
 * "Try again in 12 minutes", or past an hour "Try again after 3:35pm" (UK time).
 */
import { govukTime } from '@lip/core/dates';

export interface TooManyAttempts {
  retryAfterSeconds: number;
  retryAt: string;
}

/** The TOO_MANY_ATTEMPTS error among a result's errors, if there is one. */
export function tooManyAttempts(
  errors: ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined,
): TooManyAttempts | null {
  const found = errors?.find((e) => e.extensions?.code === 'TOO_MANY_ATTEMPTS')?.extensions;
  if (!found) return null;
  const seconds = Number(found.retryAfterSeconds);
  const retryAt = typeof found.retryAt === 'string' ? found.retryAt : '';
  return { retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 60, retryAt };
}

export function tryAgainText({ retryAfterSeconds, retryAt }: TooManyAttempts): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  if (minutes <= 60 || Number.isNaN(new Date(retryAt).getTime()))
    return `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `Try again after ${govukTime(retryAt)}`;
}

export function tooManyAttemptsMessage(refusal: TooManyAttempts): string {
  return `Too many attempts to sign in. ${tryAgainText(refusal)}.`;
}
