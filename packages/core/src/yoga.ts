// /graphql over HTTP (GraphQL over HTTP spec: GET for queries, POST, status codes, content types).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { createYoga, type CORSOptions, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { RequestContext } from './context.ts';
import { armorConfig, limits } from './http/armor.ts';
import { useClientAddress } from './http/client-address.ts';
import type { createMaskError } from './http/mask-error.ts';
import { useRefuseNonText } from './http/refuse-non-text.ts';
import {
  introspectionRefused,
  usesIntrospection,
  type IntrospectionPolicy,
} from './http/introspection.ts';
import {
  crossOriginMessage,
  fetchRequestSignals,
  isUnsafeMethod,
  originVerdict,
  type Origin,
} from './http/origin.ts';
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
 * A browser on another origin may not POST to /graphql (CSRF): the Origin header (else Sec-Fetch-Site,
 * else Referer) must be this server's own origin or one of ALLOWED_ORIGINS. Requests with none of
 * those headers are not from a browser and go on to the checks below.
 */
function useOriginGuard(allowedOrigins: readonly Origin[]): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (!isUnsafeMethod(request.method)) return;
      const verdict = originVerdict(fetchRequestSignals(request), allowedOrigins);
      if (verdict.kind === 'cross-origin')
        endResponse(errorResponse(403, crossOriginMessage(verdict.origin)));
    },
  };
}

/** The header a client without a JSON body (a GET query) sends to show it is not a forged request. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/**
 * yoga's CSRF prevention: a request a browser could send cross-site without a preflight (a GET, or
 * a POST as a form or text/plain) must carry the CSRF_HEADER. A request with an Authorization header
 * is exempt: a browser never attaches a bearer token on its own, so it cannot be forged.
 */
function useCsrfPrevention(): Plugin {
  const prevention = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
  return {
    onRequestParse(payload) {
      if (payload.request.headers.get('authorization')) return;
      return prevention.onRequestParse?.(payload);
    },
  };
}

/**
 * CORS for the configured origins only (and the app's own, which needs none): any other Origin gets
 * no Access-Control-* headers at all, so its page can neither read answers nor send credentials.
 */
function corsFor(allowedOrigins: readonly Origin[]) {
  return (request: Request): CORSOptions => {
    const origin = request.headers.get('origin');
    if (!origin) return false;
    const verdict = originVerdict(fetchRequestSignals(request), allowedOrigins);
    if (verdict.kind !== 'same-origin' && verdict.kind !== 'allowed') return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['accept', 'authorization', 'content-type', CSRF_HEADER, 'x-request-id'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    };
  };
}

/**
 * Introspection (`__schema`, `__type`) as GRAPHQL_INTROSPECTION says: for anyone, for signed-in
 * callers only, or for nobody. Checked on the parameters, before parsing, validation (and its
 * cache, which does not know who asks) and execution.
 */
function useIntrospectionPolicy(
  policy: IntrospectionPolicy,
  contextFor: (request: Request) => Promise<RequestContext>,
): Plugin {
  return {
    async onParams({ params, request, setResult }) {
      if (policy === 'anonymous' || !params.query || !usesIntrospection(params.query)) return;
      if (policy === 'signed-in' && (await contextFor(request)).user) return;
      setResult({ errors: [introspectionRefused(policy)] });
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

/** How /graphql treats browsers, introspection and extra plugins (the server's configuration). */
export interface LipHttpOptions {
  /** Origins (besides the app's own) whose pages may call /graphql with credentials. Default none. */
  allowedOrigins?: readonly Origin[];
  /** Who may introspect the schema. Default `signed-in`. */
  introspection?: IntrospectionPolicy;
  /** More yoga plugins (logging, metrics), after the core's own. */
  plugins?: readonly Plugin[];
}

export function createLipYoga(opts: {
  schema: GraphQLSchema;
  contextForSession: (token: string | undefined) => Promise<RequestContext>;
  maskError: ReturnType<typeof createMaskError>;
  graphqlEndpoint?: string;
  http?: LipHttpOptions;
}): LipYoga {
  const allowedOrigins = opts.http?.allowedOrigins ?? [];
  // One session lookup per HTTP request, shared by the introspection check and every operation.
  const contexts = new WeakMap<Request, Promise<RequestContext>>();
  const contextFor = (request: Request) => {
    let context = contexts.get(request);
    if (!context) {
      context = opts.contextForSession(sessionToken(request));
      contexts.set(request, context);
    }
    return context;
  };
  return createYoga<Record<string, unknown>, RequestContext>({
    schema: opts.schema,
    graphqlEndpoint: opts.graphqlEndpoint ?? '/graphql',
    context: ({ request }) => contextFor(request),
    cors: corsFor(allowedOrigins),
    maskedErrors: { maskError: (error, message) => opts.maskError(error, message), isDev: false },
    batching: { limit: limits.maxBatch },
    landingPage: false,
    graphiql: process.env.NODE_ENV !== 'production',
    logging: false,
    plugins: [
      useRequestLimits(),
      useOriginGuard(allowedOrigins),
      useCsrfPrevention(),
      useStreamingBodyLimit(),
      useCookieCsrfGuard(),
      useIntrospectionPolicy(opts.http?.introspection ?? 'signed-in', contextFor),
      EnvelopArmorPlugin(armorConfig),
      useValidationFailuresAre400(),
      useClientAddress(),
      useSignInGuard(),
      useRefuseNonText(),
      ...(opts.http?.plugins ?? []),
    ],
  });
}
