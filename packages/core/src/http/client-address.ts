// Carries what the HTTP server knows of the client into the GraphQL context of /graphql: its
// address (Express's `req.ip`, which honours TRUST_PROXY, so a proxy's X-Forwarded-For is believed
// only from a trusted proxy) and its User-Agent. Sign-in throttling counts attempts by the address;
// a new session is named after the User-Agent's device.
import type { Plugin } from 'graphql-yoga';
import type { ClientInfo } from '../context.ts';

/** The Node request yoga is handed by Express (`core.yoga(req, res)`), as far as read here. */
interface NodeRequest {
  ip?: string;
  socket?: { remoteAddress?: string };
}

interface ServerContext {
  req?: NodeRequest;
  request?: Request;
}

/** The request URL's origin (yoga builds it from the Host header and, behind a trusted proxy, X-Forwarded-Proto). */
function originOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function useClientAddress(): Plugin<ServerContext & ClientInfo> {
  return {
    onContextBuilding({ context, extendContext }) {
      const address = context.req?.ip ?? context.req?.socket?.remoteAddress ?? null;
      extendContext({
        clientAddress: address || null,
        userAgent: context.request?.headers.get('user-agent') ?? null,
        origin: originOfUrl(context.request?.url),
      });
    },
  };
}
