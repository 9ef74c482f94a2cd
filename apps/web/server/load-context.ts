/**
 * What every Remix loader and action receives as `context.lip`: GraphQL execution bound to the
 * request's session, in process, through the same schema outside clients use at /graphql.
 */
import { sessionCookie, type Core } from '@lip/core';
import type { Request as ExpressRequest } from 'express';
import type { LipContext } from '../app/lib/lip-context.ts';

export function loadContextFor(core: Core) {
  return (req: ExpressRequest): { lip: LipContext } => {
    const token = sessionCookie(req.headers.cookie);
    // req.ip honours TRUST_PROXY (set in server.ts): the address sign-in attempts are counted by.
    const client = { clientAddress: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
    // Resolved once per request, on first use (static-ish pages never touch the database).
    let context: ReturnType<Core['contextForSession']> | undefined;
    const requestContext = () => (context ??= core.contextForSession(token, client));
    return {
      lip: {
        async execute(document, variables) {
          return core.execute({ document, variables, context: await requestContext() });
        },
      },
    };
  };
}
