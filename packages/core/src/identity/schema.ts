// GraphQL of sign-in through identity providers (OpenID Connect) and email codes. The web app's
// routes call these in process, like any client: the start and callback routes only carry the
// redirects and the transient cookie (docs/decisions/014-sign-in-with-openid-connect.md).
import type { ObjectRef } from '@pothos/core';
import { z } from 'zod';
import type { LipBuilder, LipSchemaTypes } from '../builder.ts';
import type { SignInResult } from '../auth/sessions.ts';
import { ValidationError } from '../errors.ts';
import { sessionFields } from '../schema/auth.ts';
import type { CoreTypeRefs } from '../schema/type-refs.ts';
import { InvalidSignInCodeError, OIDC_FAILURE_REASONS, OidcSignInError } from './errors.ts';
import type { Identity } from './identity.ts';
import type { OidcCompleteResult, OidcStartResult } from './oidc.ts';

type Types = PothosSchemaTypes.ExtendDefaultTypes<LipSchemaTypes>;

const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@example.com';
const email = z
  .string()
  .trim()
  .min(1, 'Enter your email address')
  .max(320, EMAIL_FORMAT)
  .refine((v) => v === '' || z.email().safeParse(v).success, EMAIL_FORMAT);
const providerId = z.string().max(40, 'There is no such identity provider');

export function addIdentityTypes(
  builder: LipBuilder,
  identity: Identity,
  types: Pick<CoreTypeRefs, 'UserRef' | 'ErrorInterface'>,
  SignInPayload: ObjectRef<Types, SignInResult>,
) {
  const { UserRef, ErrorInterface } = types;
  const FailureEnum = builder.enumType('OidcSignInFailure', {
    description: 'Why a sign-in through an identity provider was refused.',
    values: OIDC_FAILURE_REASONS,
  });
  builder.objectType(OidcSignInError, {
    name: 'OidcSignInError',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof OidcSignInError,
    fields: (t) => ({ reason: t.field({ type: FailureEnum, resolve: (e) => e.reason }) }),
  });
  builder.objectType(InvalidSignInCodeError, {
    name: 'InvalidSignInCodeError',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof InvalidSignInCodeError,
  });

  const IdentityProviderRef = builder
    .objectRef<{ id: string; displayName: string }>('IdentityProvider')
    .implement({
      description: 'An organisation account people can sign in with (OpenID Connect).',
      fields: (t) => ({
        id: t.exposeString('id', { description: 'Names the provider in oidcStart and in URLs.' }),
        displayName: t.exposeString('displayName', {
          description: 'Shown as "Sign in with <displayName>".',
        }),
      }),
    });

  const OidcStartPayload = builder.objectRef<OidcStartResult>('OidcStartPayload').implement({
    fields: (t) => ({
      authorizationUrl: t.exposeString('authorizationUrl', {
        description: "Send the browser here: the provider's sign-in page.",
      }),
      transient: t.exposeString('transient', {
        description:
          'Keep in a short-lived HttpOnly cookie (never a URL) and give back to oidcComplete.',
      }),
    }),
  });

  const OidcSignInPayload = builder.objectRef<OidcCompleteResult>('OidcSignInPayload').implement({
    fields: (t) => ({
      ...sessionFields(t, UserRef),
      redirectTo: t.exposeString('redirectTo', {
        description: 'The path of this site the sign-in started from.',
      }),
    }),
  });

  const OidcStartInput = builder.inputType('OidcStartInput', {
    validate: z.looseObject({
      provider: providerId,
      redirectUri: z
        .string()
        .max(2000, 'Enter a shorter redirect URI')
        .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), 'Enter an absolute http(s) URL'),
      redirectTo: z.string().max(2000).nullish(),
    }),
    fields: (t) => ({
      provider: t.string({ required: true, description: 'An IdentityProvider id.' }),
      redirectUri: t.string({
        required: true,
        description: "This site's callback URL registered with the provider.",
      }),
      redirectTo: t.string({ description: 'Where to go once signed in (a path of this site).' }),
    }),
  });

  const OidcCompleteInput = builder.inputType('OidcCompleteInput', {
    validate: z.looseObject({
      provider: providerId,
      callbackUrl: z.string().max(8000, 'The callback URL is too long'),
      transient: z.string().max(200, 'Sign in again'),
    }),
    fields: (t) => ({
      provider: t.string({ required: true }),
      callbackUrl: t.string({
        required: true,
        description: 'The full URL the provider sent the browser back to (with code and state).',
      }),
      transient: t.string({ required: true, description: "oidcStart's transient value." }),
    }),
  });

  const RequestSignInCodeInput = builder.inputType('RequestSignInCodeInput', {
    validate: z.looseObject({ email }),
    fields: (t) => ({ email: t.string({ required: true }) }),
  });

  const SignInWithCodeInput = builder.inputType('SignInWithCodeInput', {
    validate: z.looseObject({
      email,
      code: z
        .string()
        .max(20, 'Enter the 6-digit code from the email')
        .refine(
          (v) => /^\d{6}$/.test(v.replace(/\s+/g, '')),
          'Enter the 6-digit code from the email',
        ),
    }),
    fields: (t) => ({
      email: t.string({ required: true }),
      code: t.string({ required: true, description: 'The 6 digits from the email.' }),
    }),
  });

  builder.queryField('identityProviders', (t) =>
    t.field({
      type: [IdentityProviderRef],
      description: 'The organisation accounts people can sign in with, in the configured order.',
      resolve: () => identity.oidc.providers(),
    }),
  );

  builder.mutationFields((t) => ({
    oidcStart: t.field({
      type: OidcStartPayload,
      description:
        'Starts a sign-in through an identity provider (authorization code with PKCE, state and nonce).',
      errors: { types: [OidcSignInError, ValidationError] },
      args: { input: t.arg({ type: OidcStartInput, required: true }) },
      resolve: (_root, { input }) =>
        identity.oidc.start(input.provider, input.redirectUri, input.redirectTo ?? '/partnerships'),
    }),
    oidcComplete: t.field({
      type: OidcSignInPayload,
      description:
        "Completes a sign-in through an identity provider: a session when the provider's verified email matches a member.",
      errors: { types: [OidcSignInError, ValidationError] },
      args: { input: t.arg({ type: OidcCompleteInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        identity.oidc.complete(input.provider, input.callbackUrl, input.transient, ctx),
    }),
    requestSignInCode: t.boolean({
      description:
        'Emails a 6-digit sign-in code when the address has an account. The answer is the same either way.',
      errors: { types: [ValidationError] },
      args: { input: t.arg({ type: RequestSignInCodeInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        await identity.codes.request(input.email, ctx);
        return true;
      },
    }),
    signInWithCode: t.field({
      type: SignInPayload,
      description: 'Signs in with the code emailed by requestSignInCode.',
      errors: { types: [InvalidSignInCodeError, ValidationError] },
      args: { input: t.arg({ type: SignInWithCodeInput, required: true }) },
      resolve: (_root, { input }, ctx) => identity.codes.verify(input.email, input.code, ctx),
    }),
  }));
}
