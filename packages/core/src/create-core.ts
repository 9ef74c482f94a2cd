import type { GraphQLSchema } from 'graphql';
import type { Database } from '@lip/db';
import { loadContext, type RequestContext } from './context.ts';
import { createExecute, type Execute } from './execute.ts';
import { createMaskError, type ErrorLogger } from './http/mask-error.ts';
import type { InstalledSection, LipPlugin } from './plugin-host/types.ts';
import { buildSchema } from './schema.ts';
import { createLipYoga, type LipHttpOptions, type LipYoga } from './yoga.ts';

export interface CreateCoreOptions {
  db: Database;
  /** Installed plugins (their `./server` default exports), in the order of the config list. */
  plugins: readonly LipPlugin[];
  /** Where unexpected errors go before they are masked for the client. Default: console.error. */
  onError?: ErrorLogger;
  /** Default "/graphql". */
  graphqlEndpoint?: string;
  /** CORS and CSRF origins, introspection policy and extra yoga plugins for /graphql. */
  http?: LipHttpOptions;
}

export interface Core {
  schema: GraphQLSchema;
  /** Mount at /graphql; reads `Authorization: Bearer <token>` or the `lip_session` cookie. */
  yoga: LipYoga;
  contextForSession(token: string | undefined | null): Promise<RequestContext>;
  execute: Execute;
  plugins: readonly LipPlugin[];
  /** Installed sections, by position. */
  sections: readonly InstalledSection[];
}

export function createCore(options: CreateCoreOptions): Core {
  const { schema, host } = buildSchema(options.db.prisma, options.plugins);
  const maskError = createMaskError(
    options.onError ?? ((error) => console.error('[lip/core]', error)),
  );
  const contextForSession = (token: string | undefined | null) =>
    loadContext(options.db.prisma, token);
  return {
    schema,
    yoga: createLipYoga({
      schema,
      contextForSession,
      maskError,
      graphqlEndpoint: options.graphqlEndpoint,
      http: options.http,
    }),
    contextForSession,
    execute: createExecute(schema, maskError),
    plugins: options.plugins,
    sections: host.sections,
  };
}
