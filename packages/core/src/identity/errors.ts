// Why a sign-in through an identity provider or an email code was refused, in words a person can act on.
import { LipError } from '../errors.ts';

export const OIDC_FAILURE_REASONS = [
  'UNKNOWN_PROVIDER',
  'DENIED',
  'EMAIL_NOT_VERIFIED',
  'EMAIL_NOT_ALLOWED',
  'NO_ACCOUNT',
  'EXPIRED',
  'PROVIDER_ERROR',
] as const;
export type OidcFailureReason = (typeof OIDC_FAILURE_REASONS)[number];

export const NO_ACCOUNT_MESSAGE =
  'Your organisation account is not linked to a partnership in this service: ask your partnership lead to invite you';

function messageFor(reason: OidcFailureReason, provider: string): string {
  switch (reason) {
    case 'UNKNOWN_PROVIDER':
      return 'That way of signing in is not set up here. Go back to the sign-in page and choose another';
    case 'DENIED':
      return `You did not allow ${provider} to sign you in. Sign in again and accept, or choose another way to sign in`;
    case 'EMAIL_NOT_VERIFIED':
      return `${provider} did not confirm your email address, so it cannot sign you in here. Ask your IT service desk, or choose another way to sign in`;
    case 'EMAIL_NOT_ALLOWED':
      return `Your email address is not one that ${provider} can sign in to this service. Choose the way of signing in for your organisation`;
    case 'NO_ACCOUNT':
      return NO_ACCOUNT_MESSAGE;
    case 'EXPIRED':
      return 'Your sign-in took too long, or was started in another browser. Sign in again';
    case 'PROVIDER_ERROR':
      return `${provider} could not sign you in. Try again later, or choose another way to sign in`;
  }
}

export class OidcSignInError extends LipError {
  readonly reason: OidcFailureReason;
  constructor(reason: OidcFailureReason, providerName = 'Your organisation') {
    super(messageFor(reason, providerName));
    this.reason = reason;
  }
}

/**
 * One answer for a wrong, expired or used-up code, and for an address with no account: telling
 * them apart would tell a stranger which addresses have accounts.
 */
export class InvalidSignInCodeError extends LipError {
  constructor() {
    super(
      'Enter the code from the email we sent you. Codes last 10 minutes and can be tried 5 times: if yours has run out, ask for a new one',
    );
  }
}
