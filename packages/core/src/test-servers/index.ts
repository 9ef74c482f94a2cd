// `@lip/core/test-servers`: a real OpenID provider and a real SMTP server for tests (core's own, and
// the web app's browser journeys). Never imported by the running app.
export {
  startTestOidcProvider,
  signInAtProvider,
  type TestIdentity,
  type TestOidcProvider,
  type TestOidcProviderOptions,
  type ProviderSignIn,
} from './oidc-provider.ts';
export {
  startTestSmtpServer,
  parseMail,
  type TestSmtpServer,
  type CapturedMail,
} from './smtp-server.ts';
