import { z } from 'zod';
import type { ObjectRef } from '@pothos/core';
import type { User } from '@lip/db';
import type { LipBuilder, LipSchemaTypes } from '../builder.ts';
import { signIn, signOut, type SignInResult } from '../auth/sessions.ts';
import { InvalidCredentialsError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';

type Types = PothosSchemaTypes.ExtendDefaultTypes<LipSchemaTypes>;

export function addAuthFields(
  builder: LipBuilder,
  host: CoreHost,
  UserRef: ObjectRef<Types, User>,
) {
  const SignInPayload = builder.objectRef<SignInResult>('SignInPayload').implement({
    fields: (t) => ({
      token: t.exposeString('token', {
        description: 'Send as `Authorization: Bearer <token>` or the lip_session cookie.',
      }),
      expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
      user: t.field({ type: UserRef, resolve: (r) => r.user }),
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

  builder.queryField('viewer', (t) =>
    t.prismaField({
      type: 'User',
      nullable: true,
      description: 'The signed-in person; null when signed out.',
      resolve: (query, _root, _args, ctx) =>
        ctx.user ? host.prisma.user.findUnique({ ...query, where: { id: ctx.user.id } }) : null,
    }),
  );

  builder.mutationFields((t) => ({
    signIn: t.field({
      type: SignInPayload,
      errors: { types: [InvalidCredentialsError, ValidationError] },
      args: { input: t.arg({ type: SignInInput, required: true }) },
      resolve: (_root, { input }) => signIn(host.prisma, input.email, input.password),
    }),
    signOut: t.boolean({
      description: "Ends the context's session; false when there was none.",
      resolve: (_root, _args, ctx) => signOut(host.prisma, ctx.sessionId),
    }),
  }));

  return { SignInPayload };
}
