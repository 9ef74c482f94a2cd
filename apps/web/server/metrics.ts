/**
 * GraphQL operation metrics in Prometheus format (yoga's prometheus plugin), at /metrics. Off unless
 * METRICS_ENABLED=1: then /metrics is 404 like any unknown page. METRICS_TOKEN, when set, must come
 * as `Authorization: Bearer <token>` (the scraper's bearer_token); without it anyone who can reach
 * the port can read the metrics, so expose /metrics only on an internal network then.
 */
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { RequestHandler } from 'express';
import type { Plugin } from 'graphql-yoga';
import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Registry } from 'prom-client';

export interface Metrics {
  /** For the core's yoga (CreateCoreOptions.http.plugins). */
  plugin: Plugin;
  registry: Registry;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lip_' });
  const plugin = usePrometheus({
    registry,
    endpoint: false, // served by Express below, with the token check
    metrics: {
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_error_result: true,
      graphql_envelop_phase_parse: true,
      graphql_envelop_phase_validate: true,
      graphql_envelop_phase_context: true,
      graphql_envelop_phase_execute: true,
      graphql_envelop_deprecated_field: true,
      graphql_yoga_http_duration: true,
    },
    // Never the URL: a GET query carries its variables there.
    labels: { url: false },
  });
  return { plugin, registry };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares without leaking the token's length or prefix through timing. */
function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (!presented) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

/** GET /metrics: 404 when metrics are off; 401 without the right token when one is configured. */
export function metricsRoute(
  metrics: Metrics | undefined,
  token: string | undefined,
): RequestHandler {
  return (req, res, next) => {
    if (!metrics) return next(); // falls through to the app's ordinary 404 page
    if (token) {
      const presented = req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (!tokenMatches(presented, token)) {
        res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain');
        res.send('A bearer token is needed to read the metrics.');
        return;
      }
    }
    metrics.registry
      .metrics()
      .then((body) => {
        res.set('Cache-Control', 'no-store').type(metrics.registry.contentType).send(body);
      })
      .catch(next);
  };
}
