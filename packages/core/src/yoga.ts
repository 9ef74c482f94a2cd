// /graphql over HTTP (GraphQL over HTTP spec: GET for queries, POST, status codes, content types).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { RequestContext } from './context.ts';
import { armorConfig, limits } from './http/armor.ts';
import { useClientAddress } from './http/client-address.ts';
import type { createMaskError } from './http/mask-error.ts';
import { useRefuseNonText } from './http/refuse-non-text.ts';
import { sessionCookie, sessionToken } from './http/session-cookie.ts';
import { useSignInGuard } from './http/sign-in-guard.ts';

export type LipYoga = YogaServerInstance<Record<string, unknown>, RequestContext>;

function errorResponse(status: number, message: string): Response {
  return new Response(JSON.stringify({ errors: [{ message }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/** Refuses oversized requests before they are read or parsed. */
function useRequestLimits(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.href.length > limits.maxUrlLength) {
        endResponse(errorResponse(414, 'The request URL is too long'));
        return;
      }
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > limits.maxBodyBytes) {
        endResponse(
          errorResponse(413, `The request body is too large (limit ${limits.maxBodyBytes} bytes)`),
        );
      }
    },
  };
}

class BodyTooLarge extends GraphQLError {
  constructor() {
    super(`The request body is too large (limit ${limits.maxBodyBytes} bytes)`, {
      extensions: { code: 'BAD_REQUEST', http: { status: 413 } },
    });
  }
}

/** Reads a body, giving up as soon as it passes the limit (for bodies sent without a length). */
async function readLimited(request: Request): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limits.maxBodyBytes) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** JSON bodies are read with the size limit even when no content-length was sent (chunked). */
function useStreamingBodyLimit(): Plugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (request.method !== 'POST' || type !== 'application/json') return;
      setRequestParser(async (req) => {
        const text = await readLimited(req);
        try {
          return JSON.parse(text) as Record<string, unknown>;
        } catch {
          throw new GraphQLError('POST body sent invalid JSON.', {
            extensions: { http: { status: 400 } },
          });
        }
      });
    },
  };
}

/**
 * Cookie-authenticated POSTs must be JSON (which a cross-site form cannot send without a
 * preflight): a browser form posting to /graphql with the victim's cookie is refused.
 */
function useCookieCsrfGuard(): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'POST' || request.headers.get('authorization')) return;
      if (!sessionCookie(request.headers.get('cookie'))) return;
      const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json' && type !== 'application/graphql-response+json') {
        endResponse(
          errorResponse(403, 'Send GraphQL requests with a session cookie as application/json'),
        );
      }
    },
  };
}

/**
 * Validation failures (including GraphQL Armor's limits) are request errors: status 400 and code
 * GRAPHQL_VALIDATION_FAILED, whatever the response content type.
 */
function useValidationFailuresAre400(): Plugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        setResult(
          result.map(
            (error) =>
              new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
                nodes: error.nodes,
                source: error.source,
                positions: error.positions,
                path: error.path,
                originalError: error.originalError,
                extensions: {
                  ...error.extensions,
                  code: error.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED',
                  http: { status: 400 },
                },
              }),
          ),
        );
      };
    },
  };
}

export function createLipYoga(opts: {
  schema: GraphQLSchema;
  contextForSession: (token: string | undefined) => Promise<RequestContext>;
  maskError: ReturnType<typeof createMaskError>;
  graphqlEndpoint?: string;
}): LipYoga {
  return createYoga<Record<string, unknown>, RequestContext>({
    schema: opts.schema,
    graphqlEndpoint: opts.graphqlEndpoint ?? '/graphql',
    context: ({ request }) => opts.contextForSession(sessionToken(request)),
    maskedErrors: { maskError: (error, message) => opts.maskError(error, message), isDev: false },
    batching: { limit: limits.maxBatch },
    landingPage: false,
    graphiql: process.env.NODE_ENV !== 'production',
    logging: false,
    plugins: [
      useRequestLimits(),
      useStreamingBodyLimit(),
      useCookieCsrfGuard(),
      EnvelopArmorPlugin(armorConfig),
      useValidationFailuresAre400(),
      useClientAddress(),
      useSignInGuard(),
      useRefuseNonText(),
    ],
  });
}
