export { createCore, type Core, type CreateCoreOptions } from './create-core.ts';
export type { ExecuteArgs, ExecuteResult, ResultError, Execute } from './execute.ts';
export {
  signedOutContext,
  type ClientInfo,
  type RequestContext,
  type SignedInUser,
  type Membership,
} from './context.ts';
export type {
  LipPlugin,
  SectionDefinition,
  InstalledSection,
  ReadinessCheck,
  ReadinessInput,
  ReadinessOutcome,
  CommitmentSummary,
  CommitmentsSummary,
  MetricDefinition,
  PluginMetrics,
  PluginSeedContext,
  DemoPlan,
  CountProtector,
  PublishedFieldText,
  SettingCategoryName,
  SettingsFieldMeta,
  SettingsFieldsDefinition,
  SettingsFieldsResult,
} from './plugin-host/types.ts';
export { runPluginSeeds, type RunPluginSeedsOptions } from './plugin-host/seed.ts';
export { PluginError, checkPlugins } from './plugin-host/host.ts';
export { pascalCase } from './plugin-host/naming.ts';
export type { CoreRefs } from './plugin-host/refs.ts';
export type { LipBuilder, LipSchemaTypes } from './builder.ts';
export type { SectionView } from './schema/section-view.ts';
export type { SectionData } from './services/section-data.ts';
export {
  LipError,
  ValidationError,
  NotFoundError,
  ForbiddenError,
  InvalidCredentialsError,
  CommitmentConflictError,
  SectionConflictError,
  type FieldError,
} from './errors.ts';
export { decide, can, type Operation, type PermissionSubject } from './auth/permissions.ts';
export { SESSION_COOKIE, sessionCookie, sessionToken } from './http/session-cookie.ts';
export {
  oidcProvidersFromEnv,
  parseOidcProviders,
  IdentityConfigError,
  type IdentityOptions,
  type OidcProviderConfig,
  type CodeAttemptHooks,
  type CodeAttempt,
} from './identity/index.ts';
export {
  mailerOptionsFromEnv,
  smtpTransport,
  consoleTransport,
  type Mailer,
  type MailerOptions,
  type MailTransport,
} from './mail/mailer.ts';
export { enqueueMail, type OutgoingMail } from './mail/outbox.ts';
export {
  normaliseEmail,
  PasswordSignInDisabledError,
  startSession,
  type SessionView,
} from './auth/sessions.ts';
export {
  authConfigFromEnv,
  AuthConfigError,
  DEFAULT_AUTH_CONFIG,
  type AuthConfig,
} from './auth/config.ts';
export type { AuthServices } from './auth/services.ts';
export {
  TooManyAttemptsError,
  type Attempt,
  type AttemptKind,
  type SignInThrottle,
} from './auth/throttle.ts';
export { describeDevice } from './auth/device.ts';
export { encodeGlobalId, decodeGlobalId } from './ids.ts';
export { limits } from './http/armor.ts';
export { CSRF_HEADER, type LipHttpOptions } from './yoga.ts';
export { parseIntrospectionPolicy, type IntrospectionPolicy } from './http/introspection.ts';
export {
  crossOriginMessage,
  isUnsafeMethod,
  originVerdict,
  parseAllowedOrigins,
  type Origin,
  type OriginVerdict,
  type RequestOriginSignals,
} from './http/origin.ts';
export { CORE_VERSION } from './version.ts';
export {
  createJobQueue,
  type JobEvent,
  type JobQueue,
  type JobQueueOptions,
} from './jobs/index.ts';
export { parsePublicUrl, PublicUrlError } from './invitations/index.ts';
