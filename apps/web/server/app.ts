/**
 * The HTTP layer in front of the app, in order: request ids and logs, security headers, probes,
 * metrics, compression, the cross-site form check, then /graphql. server.ts adds the static files and
 * the Remix pages after it; tests use it as it is, over a real core and a real socket.
 */
import type { Core } from '@lip/core';
import type { Readiness } from './compose.ts';
import compression from 'compression';
import express, { type Express } from 'express';
import type { WebConfig } from './config.ts';
import { healthRoutes } from './health.ts';
import { requestLogging, type Logger } from './logging.ts';
import { metricsRoute, type Metrics } from './metrics.ts';
import { crossSiteFormGuard, cspNonce, securityHeaders } from './security.ts';

export interface AppOptions {
  core: Core;
  config: WebConfig;
  logger: Logger;
  readiness: () => Promise<Readiness>;
  /** Present when METRICS_ENABLED=1 (and then also among the core's yoga plugins). */
  metrics?: Metrics;
  /** Development: Vite's HMR needs a looser CSP (see security.ts). */
  dev: boolean;
  /** Identity providers' origins, where the "Sign in with …" forms are redirected. */
  signInOrigins?: readonly string[];
}

/** TRUST_PROXY in Express's syntax: a hop count, true/false, or addresses and names (loopback, …). */
export function trustProxySetting(value: string): number | boolean | string {
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

export function createApp(options: AppOptions): Express {
  const { core, config } = options;
  const graphqlEndpoint = core.yoga.graphqlEndpoint;
  const app = express();
  app.disable('x-powered-by');
  // Whom to believe about X-Forwarded-Proto (so a TLS proxy makes request URLs https, the session
  // cookie Secure and HSTS sent) and X-Forwarded-For (the client address in logs).
  app.set('trust proxy', trustProxySetting(config.trustProxy));
  app.use(requestLogging(options.logger));
  app.use(cspNonce());
  app.use(
    securityHeaders({
      dev: options.dev,
      graphqlEndpoint,
      formActionOrigins: options.signInOrigins,
    }),
  );
  app.use(healthRoutes(options.readiness));
  app.get('/metrics', metricsRoute(options.metrics, config.metrics.token));
  // Never an event stream (planEvents over SSE): compression would hold events back until its
  // buffer fills. Decided on the request: yoga writes its headers past compression's hook.
  app.use(
    compression({
      filter: (req, res) =>
        !(req.headers.accept ?? '').includes('text/event-stream') && compression.filter(req, res),
    }),
  );
  app.use(crossSiteFormGuard({ allowedOrigins: config.allowedOrigins, graphqlEndpoint }));
  app.all(graphqlEndpoint, (req, res) => void core.yoga(req, res));
  return app;
}
