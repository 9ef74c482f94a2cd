/**
 * Probes for load balancers and orchestrators. /healthz: the process is up and serving (always 200).
 * /readyz: the database answers and every migration is applied (200), else 503 with a short reason.
 * Neither needs a session, and neither says more than a probe needs.
 */
import type { Readiness } from './compose.ts';
import { Router } from 'express';

export function healthRoutes(readiness: () => Promise<Readiness>): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const answer = (result: Readiness) => {
      res.set('Cache-Control', 'no-store');
      if (result.ready) {
        res.json({ status: 'ready' });
        return;
      }
      res.status(503).json({
        status: 'not-ready',
        reason: result.reason,
        ...(result.migrations ? { migrations: result.migrations.length } : {}),
      });
    };
    readiness().then(answer, () => answer({ ready: false, reason: 'database-unreachable' }));
  });
  return router;
}
