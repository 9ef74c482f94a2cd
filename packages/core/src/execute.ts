// In-process execution for the web app: the same schema, armor limits and error masking as HTTP.
import { envelop, useEngine, useMaskedErrors, useSchema } from '@envelop/core';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import * as graphql from 'graphql';
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import type { RequestContext } from './context.ts';
import { armorConfig } from './http/armor.ts';
import type { createMaskError } from './http/mask-error.ts';
import { useRefuseNonText } from './http/refuse-non-text.ts';

export interface ExecuteArgs<TVars> {
  document: string | DocumentNode;
  variables?: TVars;
  context: RequestContext;
}

export interface ResultError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

export interface ExecuteResult<TData> {
  data?: TData | null;
  errors?: ReadonlyArray<ResultError>;
}

export type Execute = <TData = unknown, TVars = Record<string, unknown>>(
  args: ExecuteArgs<TVars>,
) => Promise<ExecuteResult<TData>>;

function plainErrors(errors: ReadonlyArray<graphql.GraphQLError>): ResultError[] {
  return errors.map((e) => ({
    message: e.message,
    ...(e.path ? { path: e.path } : {}),
    ...(e.extensions && Object.keys(e.extensions).length > 0
      ? { extensions: { ...e.extensions } }
      : {}),
  }));
}

/** Parsed string documents, bounded: the web app's documents are few and fixed. */
const PARSED_LIMIT = 500;

export function createExecute(
  schema: GraphQLSchema,
  maskError: ReturnType<typeof createMaskError>,
): Execute {
  const getEnveloped = envelop({
    plugins: [
      useEngine(graphql),
      useSchema(schema),
      EnvelopArmorPlugin(armorConfig),
      useRefuseNonText(),
      useMaskedErrors({ maskError: (error, message) => maskError(error, message) }),
    ],
  });

  // Validation depends only on the schema and the document, so each document is validated once.
  // Typed documents are module constants (the same object every request): keyed by identity.
  const validated = new WeakMap<DocumentNode, ReadonlyArray<graphql.GraphQLError>>();
  const parsedStrings = new Map<string, DocumentNode>();

  return async <TData, TVars>({
    document,
    variables,
    context,
  }: ExecuteArgs<TVars>): Promise<ExecuteResult<TData>> => {
    const run = getEnveloped(context);
    const parseOnce = (source: string): DocumentNode => {
      const hit = parsedStrings.get(source);
      if (hit) return hit;
      const node = run.parse(source);
      if (parsedStrings.size >= PARSED_LIMIT) parsedStrings.clear();
      parsedStrings.set(source, node);
      return node;
    };
    let parsed: DocumentNode;
    try {
      parsed = typeof document === 'string' ? parseOnce(document) : document;
    } catch (error) {
      return { errors: plainErrors([maskError(error) as graphql.GraphQLError]) };
    }
    const validationErrors: ReadonlyArray<graphql.GraphQLError> =
      validated.get(parsed) ?? run.validate(run.schema, parsed);
    validated.set(parsed, validationErrors);
    if (validationErrors.length > 0) return { errors: plainErrors(validationErrors) };
    const contextValue = await run.contextFactory();
    const result = (await run.execute({
      schema: run.schema,
      document: parsed,
      variableValues: variables as Record<string, unknown> | undefined,
      contextValue,
    })) as ExecutionResult<TData>;
    return {
      ...(result.data !== undefined ? { data: result.data as TData | null } : {}),
      ...(result.errors ? { errors: plainErrors(result.errors) } : {}),
    };
  };
}
