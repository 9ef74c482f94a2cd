import { z } from 'zod';
import type { InterfaceRef, ObjectRef } from '@pothos/core';
import type { User } from '@lip/db';
import type { AuthServices } from '../auth/services.ts';
import type { LipBuilder, LipSchemaTypes } from '../builder.ts';
import {
  endOtherSessions,
  endSession,
  listSessions,
  PasswordSignInDisabledError,
  signIn,
  signOut,
  type SessionView,
  type SignInResult,
} from '../auth/sessions.ts';
import {
  ForbiddenError,
  InvalidCredentialsError,
  NotFoundError,
  ValidationError,
  type LipError,
} from '../errors.ts';
import type { CoreHost } from '../host.ts';

type Types = PothosSchemaTypes.ExtendDefaultTypes<LipSchemaTypes>;

/**
 * The new session a sign-in gives (signIn, and the accept-invitation and OIDC payloads that also
 * sign the person in).
 */
export function sessionFields<Shape extends SignInResult>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>,
  UserRef: ObjectRef<Types, User>,
  expiresAtDescription?: string,
) {
  return {
    token: t.string({
      description: 'Send as `Authorization: Bearer <token>` or the lip_session cookie.',
      resolve: (r) => r.token,
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: expiresAtDescription,
      resolve: (r) => r.expiresAt,
    }),
    user: t.field({ type: UserRef, resolve: (r) => r.user }),
  };
}

interface SignInMethods {
  password: boolean;
}

export function addAuthFields(
  builder: LipBuilder,
  host: CoreHost,
  refs: { UserRef: ObjectRef<Types, User>; ErrorInterface: InterfaceRef<Types, LipError> },
  auth: AuthServices,
) {
  const { UserRef, ErrorInterface } = refs;
  const SignInPayload = builder.objectRef<SignInResult>('SignInPayload').implement({
    fields: (t) =>
      sessionFields(t, UserRef, 'The absolute limit; the session also ends after an idle period.'),
  });

  builder.objectType(PasswordSignInDisabledError, {
    name: 'PasswordSignInDisabledError',
    description: 'This installation does not accept passwords (PASSWORD_SIGN_IN=off).',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof PasswordSignInDisabledError,
  });

  const SignInMethodsRef = builder.objectRef<SignInMethods>('SignInMethods').implement({
    description: 'The ways of signing in this installation offers.',
    fields: (t) => ({
      password: t.exposeBoolean('password', {
        description: 'Whether `signIn` with an email and password is accepted.',
      }),
    }),
  });

  const SessionLimitsRef = builder
    .objectRef<{ idleHours: number; maxHours: number }>('SessionLimits')
    .implement({
      description: 'When sessions end (SESSION_IDLE_HOURS, SESSION_MAX_HOURS).',
      fields: (t) => ({
        idleHours: t.exposeFloat('idleHours', { description: 'Ended after this long unused.' }),
        maxHours: t.exposeFloat('maxHours', { description: 'Ended this long after sign-in.' }),
      }),
    });

  const SessionRef = builder.objectRef<SessionView>('Session').implement({
    description: 'One of your signed-in sessions (a browser or program you signed in on).',
    fields: (t) => ({
      id: t.exposeID('publicId', {
        description: 'Names the session to `endSession`; ends only a session of your own.',
      }),
      device: t.exposeString('device', {
        description: 'The browser and system in plain words, e.g. "Chrome on Windows".',
      }),
      createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When you signed in.' }),
      lastSeenAt: t.expose('lastSeenAt', {
        type: 'DateTime',
        description: 'When it was last used (to within about a minute).',
      }),
      expiresAt: t.expose('expiresAt', {
        type: 'DateTime',
        description: 'When it ends at the latest, however busy.',
      }),
      current: t.exposeBoolean('current', {
        description: 'Whether this is the session the request was made with.',
      }),
    }),
  });

  const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@example.com';
  const SignInInput = builder.inputType('SignInInput', {
    validate: z.looseObject({
      email: z
        .string()
        .trim()
        .min(1, 'Enter your email address')
        .max(320, EMAIL_FORMAT)
        .refine((v) => v === '' || z.email().safeParse(v).success, EMAIL_FORMAT),
      password: z.string().min(1, 'Enter your password').max(1000, 'Enter your password'),
    }),
    fields: (t) => ({
      email: t.string({ required: true }),
      password: t.string({ required: true }),
    }),
  });

  builder.queryFields((t) => ({
    viewer: t.prismaField({
      type: 'User',
      nullable: true,
      description: 'The signed-in person; null when signed out.',
      resolve: (query, _root, _args, ctx) =>
        ctx.user ? host.prisma.user.findUnique({ ...query, where: { id: ctx.user.id } }) : null,
    }),
    signInMethods: t.field({
      type: SignInMethodsRef,
      description: 'The ways of signing in offered, for a sign-in page to show.',
      resolve: () => ({ password: auth.config.passwordSignIn }),
    }),
    sessionLimits: t.field({
      type: SessionLimitsRef,
      resolve: () => ({
        idleHours: auth.config.sessionIdleHours,
        maxHours: auth.config.sessionMaxHours,
      }),
    }),
    mySessions: t.field({
      type: [SessionRef],
      description:
        'Your sessions that have not ended, the one in use first; empty when signed out.',
      resolve: (_root, _args, ctx) => listSessions(host.prisma, auth.config, ctx),
    }),
  }));

  builder.mutationFields((t) => ({
    signIn: t.field({
      type: SignInPayload,
      description:
        'Signs in with an email and password. Failed attempts are limited per account and per ' +
        'client address: over the limit the answer is the error TOO_MANY_ATTEMPTS (HTTP 429 with ' +
        'Retry-After). One signIn per request: not in a batch, not twice under aliases.',
      errors: {
        types: [InvalidCredentialsError, PasswordSignInDisabledError, ValidationError],
      },
      args: { input: t.arg({ type: SignInInput, required: true }) },
      resolve: (_root, { input }, ctx) => signIn(host.prisma, auth, ctx, input),
    }),
    signOut: t.boolean({
      description: "Ends the context's session; false when there was none.",
      resolve: (_root, _args, ctx) => signOut(host.prisma, ctx),
    }),
    endSession: t.boolean({
      description: 'Ends one of your sessions (from `mySessions`). Not found: someone else’s.',
      errors: { types: [NotFoundError, ForbiddenError] },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, { id }, ctx) => endSession(host.prisma, ctx, String(id)),
    }),
    endOtherSessions: t.int({
      description: 'Ends all your sessions but the one in use; answers how many ended.',
      errors: { types: [ForbiddenError] },
      resolve: (_root, _args, ctx) => endOtherSessions(host.prisma, ctx),
    }),
  }));

  return { SignInPayload };
}
