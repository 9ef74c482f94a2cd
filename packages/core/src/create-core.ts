import type { GraphQLSchema } from 'graphql';
import type { Database } from '@lip/db';
import { hours, type AuthConfig } from './auth/config.ts';
import { createAuthServices, type AuthServices } from './auth/services.ts';
import { loadContext, type ClientInfo, type RequestContext } from './context.ts';
import { createExecute, type Execute } from './execute.ts';
import { createMaskError, type ErrorLogger } from './http/mask-error.ts';
import type { InstalledSection, LipPlugin } from './plugin-host/types.ts';
import { createIdentity, type IdentityOptions } from './identity/index.ts';
import { createJobQueue, type JobQueue, type JobQueueOptions } from './jobs/queue.ts';
import type { Mailer } from './mail/mailer.ts';
import {
  announcingAfterCommit,
  createLiveBus,
  type LiveOptions,
  type PlanEventInput,
} from './live/index.ts';
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
  /** Identity providers, mail and the throttle's hooks for sign-in codes. Default: none of them. */
  identity?: IdentityOptions;
  /** Sign-in and session settings over those of the environment (PASSWORD_SIGN_IN, ...). */
  auth?: Partial<AuthConfig>;
  /** CORS and CSRF origins, introspection policy and extra yoga plugins for /graphql. */
  http?: LipHttpOptions;
  /**
   * Where people reach the service (PUBLIC_URL, checked with parsePublicUrl), for the links in
   * invitation mails. Default: the origin each request was made to.
   */
  publicUrl?: string | null;
  /** The job queue's timings and observer (see JobQueueOptions). */
  jobs?: JobQueueOptions;
  /**
   * Live events and presence: `redisUrl` (REDIS_URL) shares them between instances through Redis;
   * without it events stay in this process and presence is kept in the database.
   */
  live?: LiveOptions;
}

export interface Core {
  schema: GraphQLSchema;
  /** Mount at /graphql; reads `Authorization: Bearer <token>` or the `lip_session` cookie. */
  yoga: LipYoga;
  /** The context of a request with this session token, from this client. */
  contextForSession(token: string | undefined | null, client?: ClientInfo): Promise<RequestContext>;
  execute: Execute;
  plugins: readonly LipPlugin[];
  /** Installed sections, by position. */
  sections: readonly InstalledSection[];
  /** The mail outbox's sender: `start()` it in a server, `stop()` it on shutdown. */
  mailer: Mailer;
  /**
   * Durable background jobs (import checks and applies) on the database: `start()` this
   * instance's workers in a server (unless LIP_WORKERS=0), `stop()` them on shutdown. Sending
   * needs no workers here: any instance's run the job.
   */
  jobs: JobQueue;
  /** Sign-in settings and the attempt counters (for sign-in methods added beside passwords). */
  auth: AuthServices;
  /**
   * Announces a plan event that no GraphQL write of this core made (the metric import job's
   * METRIC_IMPORT_FINISHED): subscribers of the plan get it, on every instance when Redis is set.
   */
  publishPlanEvent(event: PlanEventInput): Promise<void>;
  /** Closes the live bus's Redis connections (if any). */
  close(): Promise<void>;
}

export function createCore(options: CreateCoreOptions): Core {
  const auth = createAuthServices(options.db, options.auth);
  const identity = createIdentity(options.db.prisma, options.identity, auth);
  const jobs = createJobQueue(options.db, options.jobs);
  // Mail is sent by durable jobs too: any instance's workers send what any instance queued.
  identity.mailer.deliverThrough(jobs);
  const live = createLiveBus(options.db.prisma, {
    onError: options.onError ?? ((error) => console.error('[lip/live]', error)),
    ...options.live,
  });
  // Every write's audit entries are announced to the plan's subscribers once it has committed.
  const prisma = announcingAfterCommit(options.db.prisma, (audits) => live.publishAudits(audits));
  const { schema, host } = buildSchema(prisma, options.plugins, {
    auth,
    identity,
    publicUrl: options.publicUrl ?? null,
    jobs,
    live,
  });
  const maskError = createMaskError(
    options.onError ?? ((error) => console.error('[lip/core]', error)),
  );
  const policy = { idleMs: hours(auth.config.sessionIdleHours) };
  const contextForSession = (token: string | undefined | null, client?: ClientInfo) =>
    loadContext(options.db.prisma, token, client, policy);
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
    mailer: identity.mailer,
    jobs,
    auth,
    publishPlanEvent: (event) => live.publishPlanEvent(event),
    close: () => live.close(),
  };
}
