/**
 * The web server: Express with the GraphQL endpoint at /graphql and the Remix app for everything
 * else. `--dev` (or NODE_ENV other than production) runs Vite as middleware; production serves
 * build/client statically and renders with build/server. `--demo` seeds the demo partnerships.
 * Production runs this compiled (build/node/server.js, see scripts/build-server.ts); dev runs it
 * with tsx. Settings come from the environment (server/config.ts; README "Configuration").
 */
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import express from 'express';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApp } from './server/app.ts';
import { compose } from './server/compose.ts';
import { readWebConfig } from './server/config.ts';
import { loadContextFor } from './server/load-context.ts';
import { createLogger, useOperationLogging } from './server/logging.ts';
import { createMetrics } from './server/metrics.ts';

const args = new Set(process.argv.slice(2));
const dev = args.has('--dev') || process.env.NODE_ENV !== 'production';
const demo = args.has('--demo') || process.env.LIP_DEMO === '1';
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const appDir = path.dirname(fileURLToPath(import.meta.url));
const govukDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')),
  'dist/govuk',
);

const config = readWebConfig();
const logger = createLogger(config.logLevel);
const metrics = config.metrics.enabled ? createMetrics() : undefined;

const { core, demoAccounts, readiness, signInOrigins, close } = await compose({
  demo,
  core: {
    onError: (error) => logger.error({ err: error }, 'Unexpected error (masked for the client)'),
    publicUrl: config.publicUrl,
    live: { redisUrl: config.redisUrl },
    http: {
      allowedOrigins: config.allowedOrigins,
      introspection: config.introspection,
      plugins: [useOperationLogging(), ...(metrics ? [metrics.plugin] : [])],
    },
  },
});

const app = createApp({
  core,
  config,
  logger,
  metrics,
  dev,
  readiness: () => readiness(),
  signInOrigins,
});

// govuk-frontend's CSS, JS, fonts and images, straight from the package.
app.use('/govuk', express.static(govukDir, { maxAge: dev ? 0 : '1d' }));
app.use('/assets', express.static(path.join(govukDir, 'assets'), { maxAge: dev ? 0 : '1d' }));
app.get('/favicon.ico', (_req, res) => void res.status(204).end());

let build: ServerBuild | (() => Promise<ServerBuild>);
if (dev) {
  const vite = await import('vite');
  const viteServer = await vite.createServer({ root: appDir, server: { middlewareMode: true } });
  app.use(viteServer.middlewares);
  build = () => viteServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
} else {
  app.use(
    '/assets',
    express.static(path.join(appDir, 'build/client/assets'), { immutable: true, maxAge: '1y' }),
  );
  app.use(express.static(path.join(appDir, 'build/client'), { maxAge: '1h' }));
  build = (await import(
    pathToFileURL(path.join(appDir, 'build/server/index.js')).href
  )) as ServerBuild;
}

app.all(
  '*',
  createRequestHandler({
    build,
    mode: dev ? 'development' : 'production',
    getLoadContext: loadContextFor(core, { demo, publicUrl: config.publicUrl }),
  }),
);

const server = app.listen(port, host, () => {
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  // For the person at the terminal, not for the log collector: plain lines on stdout.
  console.log(`Local inclusion plan builder: ${url} (${dev ? 'development' : 'production'})`);
  if (demo) {
    console.log('Demo accounts (password lip-demo-2026):');
    for (const account of demoAccounts) {
      const what = account.description ?? account.role;
      console.log(`  ${account.email}${what ? `  ${what}` : ''}`);
    }
  }
});

async function shutdown() {
  server.close();
  await close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
