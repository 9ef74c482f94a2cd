/**
 * What every Remix loader and action receives as `context.lip`: GraphQL execution bound to the
 * request's session, in process, through the same schema outside clients use at /graphql.
 */
import type { Core } from '@lip/core';
import type { Request as ExpressRequest } from 'express';
import type { LipContext } from '../app/lib/lip-context.ts';
import { SESSION_COOKIE } from '../app/lib/session-cookie-name.ts';

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function loadContextFor(core: Core) {
  return (req: ExpressRequest): { lip: LipContext } => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    // Resolved once per request, on first use (static-ish pages never touch the database).
    let context: ReturnType<Core['contextForSession']> | undefined;
    const requestContext = () => (context ??= core.contextForSession(token));
    return {
      lip: {
        async execute<TData>(document: string, variables?: Record<string, unknown>) {
          return core.execute<TData>({ document, variables, context: await requestContext() });
        },
      },
    };
  };
}
