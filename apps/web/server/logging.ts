/**
 * Structured logs (pino): one JSON line per request with its request id, method, path (never the
 * query string, which can carry GraphQL variables), status, time, the signed-in user's id and the
 * GraphQL operations it ran. Never bodies, variables, headers, cookies, tokens, passwords or codes:
 * the serializers below pick the few fields above, and redaction is a second line of defence.
 */
import { getOperationAST, Kind, type DocumentNode, type OperationTypeNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type Options as PinoHttpOptions } from 'pino-http';
import type { LogLevel } from './config.ts';

export type { Logger };

/** An incoming X-Request-Id is kept when it looks like an id (a proxy's or a client's), else replaced. */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Paths a load balancer polls every few seconds: logged at debug unless they fail. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);
/** Static files (a page pulls in dozens): logged at debug unless they fail. */
const STATIC = /^\/(assets|govuk)\/|^\/favicon\.ico$/;

/** A GraphQL operation as logged: its type, name and root fields (schema names, never values). */
export interface LoggedOperation {
  type: OperationTypeNode;
  name: string | null;
  fields: string[];
}

interface RequestLogFields {
  userId?: string;
  operations: LoggedOperation[];
}

const fieldsByRequest = new WeakMap<IncomingMessage, RequestLogFields>();

function fieldsOf(req: IncomingMessage): RequestLogFields {
  let fields = fieldsByRequest.get(req);
  if (!fields) {
    fields = { operations: [] };
    fieldsByRequest.set(req, fields);
  }
  return fields;
}

/** Records who made the request, for its log line (the first signed-in user seen wins). */
export function noteUser(req: IncomingMessage, userId: string | null | undefined): void {
  if (userId) fieldsOf(req).userId ??= userId;
}

/**
 * The operation a document runs, described by names only. Called on parsed and validated documents,
 * so names and fields are the schema's and the document's own identifiers, not free text.
 */
export function describeOperation(
  document: DocumentNode,
  operationName?: string | null,
): LoggedOperation | undefined {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return undefined;
  const fields = operation.selectionSet.selections
    .flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []))
    .slice(0, 20);
  return { type: operation.operation, name: operation.name?.value ?? null, fields };
}

/** Records an operation the request ran (at /graphql, or in process for a page). */
export function noteOperation(req: IncomingMessage, operation: LoggedOperation | undefined): void {
  if (!operation) return;
  const { operations } = fieldsOf(req);
  if (operations.length < 20) operations.push(operation);
}

/** yoga plugin: notes each executed operation and the caller's user id on the request's log line. */
export function useOperationLogging(): Plugin {
  return {
    onExecute({ args }) {
      // yoga merges the server context ({ req, res } from the Node adapter) into the GraphQL context.
      const context = args.contextValue as { req?: IncomingMessage; user?: { id: string } | null };
      if (!context.req) return; // yoga.fetch in tests: no Node request to log against
      noteUser(context.req, context.user?.id);
      noteOperation(context.req, describeOperation(args.document, args.operationName));
    },
  };
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // The serializers never copy these; should anyone log a raw request or response anyway:
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          'headers.authorization',
          'headers.cookie',
          'password',
          'token',
          'code',
          'variables',
          '*.password',
          '*.token',
          '*.variables',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * The path of a request, without its query string; Express's originalUrl survives mounted routers.
 * An invitation link's token (a credential: it signs its holder in) is replaced by "…".
 */
function pathOf(url: string | undefined): string {
  const path = ((url ?? '/').split('?')[0] ?? '/').replace(
    /^\/invitations\/[^/]+/,
    '/invitations/…',
  );
  return path.length > 512 ? `${path.slice(0, 512)}…` : path;
}

interface SerializedRequest {
  id: string | number;
  method: string;
  url: string;
  remoteAddress?: string;
}

/** Express middleware: request ids, and the log line of every request when its response is done. */
export function requestLogging(logger: Logger) {
  const options: PinoHttpOptions = {
    logger,
    quietReqLogger: true,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers['x-request-id'];
      const id =
        typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    serializers: {
      req: (req: SerializedRequest) => ({
        id: req.id,
        method: req.method,
        path: pathOf(req.url),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel(req, res, error) {
      if (error || res.statusCode >= 500) return 'error';
      const path = pathOf(originalUrl(req));
      if (PROBES.has(path) || STATIC.test(path)) return res.statusCode < 400 ? 'debug' : 'warn';
      if (onlyPresence(req)) return res.statusCode < 400 ? 'debug' : 'warn';
      return 'info';
    },
    customSuccessMessage: (req, res) =>
      `${req.method} ${pathOf(originalUrl(req))} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(originalUrl(req))} ${res.statusCode}`,
    customSuccessObject: (req, _res, value: object) => withRequestFields(req, value),
    customErrorObject: (req, _res, _error, value: object) => withRequestFields(req, value),
  };
  return pinoHttp(options);
}

/**
 * A presence heartbeat: every open plan page sends one each 20 seconds, so at info they would be
 * most of the log. Logged at debug unless they fail, like a load balancer's probes.
 */
function onlyPresence(req: IncomingMessage): boolean {
  const operations = fieldsByRequest.get(req)?.operations ?? [];
  return (
    operations.length > 0 &&
    operations.every(
      (o) => o.type === 'mutation' && o.fields.length === 1 && o.fields[0] === 'heartbeat',
    )
  );
}

function originalUrl(req: IncomingMessage): string | undefined {
  return (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url;
}

function withRequestFields(req: IncomingMessage, value: object): object {
  const fields = fieldsByRequest.get(req);
  if (!fields) return value;
  return {
    ...value,
    ...(fields.userId ? { userId: fields.userId } : {}),
    ...(fields.operations.length > 0 ? { graphql: fields.operations } : {}),
  };
}
