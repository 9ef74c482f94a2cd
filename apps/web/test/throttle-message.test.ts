import { describe, expect, it } from 'vitest';
import { tooManyAttempts, tooManyAttemptsMessage, tryAgainText } from '../app/lib/throttle.ts';

describe('the sign-in throttle in words', () => {
  it('reads the API error among the result errors', () => {
    expect(tooManyAttempts([{ extensions: { code: 'FORBIDDEN' } }])).toBeNull();
    expect(tooManyAttempts(undefined)).toBeNull();
    expect(
      tooManyAttempts([
        {
          extensions: {
            code: 'TOO_MANY_ATTEMPTS',
            retryAfterSeconds: 720,
            retryAt: '2026-12-04T14:35:00.000Z',
          },
        },
      ]),
    ).toEqual({ retryAfterSeconds: 720, retryAt: '2026-12-04T14:35:00.000Z' });
  });

  it('says minutes within the hour, rounded up, and the UK clock time beyond', () => {
    const at = '2026-12-04T14:35:00.000Z'; // winter: UK time is UTC
    expect(tryAgainText({ retryAfterSeconds: 720, retryAt: at })).toBe('Try again in 12 minutes');
    expect(tryAgainText({ retryAfterSeconds: 30, retryAt: at })).toBe('Try again in 1 minute');
    expect(tryAgainText({ retryAfterSeconds: 3600, retryAt: at })).toBe('Try again in 60 minutes');
    expect(tryAgainText({ retryAfterSeconds: 7200, retryAt: at })).toBe('Try again after 2:35pm');
    expect(
      tryAgainText({ retryAfterSeconds: 7200, retryAt: '2026-07-01T09:05:00.000Z' }), // BST
    ).toBe('Try again after 10:05am');
    expect(tooManyAttemptsMessage({ retryAfterSeconds: 840, retryAt: at })).toBe(
      'Too many attempts to sign in. Try again in 14 minutes.',
    );
  });
});
