// Sign-in through identity providers (OpenID Connect) and email codes, and the mail they need.
export { addIdentityTypes } from './schema.ts';
export { createIdentity, type Identity, type IdentityOptions } from './identity.ts';
export {
  oidcProvidersFromEnv,
  parseOidcProviders,
  IdentityConfigError,
  type OidcProviderConfig,
} from './config.ts';
export type { CodeAttemptHooks, CodeAttempt } from './email-code.ts';
