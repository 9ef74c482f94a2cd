/**
 * What every Remix loader and action receives: `context.lip`, GraphQL execution bound to the
 * request's session, in process, through the same schema outside clients use at /graphql; and
 * `context.cspNonce`, the nonce of this response's inline scripts (see app/entry.server.tsx); and
 * `context.demo`, whether the server holds the fictional demo partnerships; and `context.origin`,
 * the address people reach the service at (PUBLIC_URL, or the request's), for absolute links.
 */
import { sessionCookie, type Core } from '@lip/core';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import type { LipContext } from '../app/lib/lip-context.ts';
import { describeOperation, noteOperation, noteUser } from './logging.ts';
import { nonceOf } from './security.ts';

export function loadContextFor(
  core: Core,
  options: { demo?: boolean; publicUrl?: string | undefined } = {},
) {
  const demo = Boolean(options.demo);
  return (
    req: ExpressRequest,
    res: ExpressResponse,
  ): { lip: LipContext; cspNonce: string; demo: boolean; origin: string } => {
    const token = sessionCookie(req.headers.cookie);
    // req.ip honours TRUST_PROXY (set in server.ts): the address sign-in attempts are counted by.
    // The origin the page was asked for (req.protocol honours TRUST_PROXY): links in mails use it
    // when PUBLIC_URL is not set.
    const client = {
      clientAddress: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
      origin: req.get('host') ? `${req.protocol}://${req.get('host')}` : null,
    };
    // Resolved once per request, on first use (static-ish pages never touch the database).
    let context: ReturnType<Core['contextForSession']> | undefined;
    const requestContext = () =>
      (context ??= core.contextForSession(token, client).then((resolved) => {
        noteUser(req, resolved.user?.id);
        return resolved;
      }));
    return {
      demo,
      origin: options.publicUrl ?? client.origin ?? 'http://localhost',
      cspNonce: nonceOf(res),
      lip: {
        async execute(document, variables) {
          if (typeof document !== 'string') noteOperation(req, describeOperation(document));
          return core.execute({ document, variables, context: await requestContext() });
        },
      },
    };
  };
}
