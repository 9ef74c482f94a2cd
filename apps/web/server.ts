/**
 * The web server: Express with the GraphQL endpoint at /graphql and the Remix app for everything
 * else. `--dev` (or NODE_ENV other than production) runs Vite as middleware; production serves
 * build/client statically and renders with build/server. `--demo` seeds the demo partnerships.
 */
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compose } from './server/compose.ts';
import { loadContextFor } from './server/load-context.ts';

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

const { core, demoAccounts, close } = await compose({ demo });

const app = express();
app.disable('x-powered-by');
// Whom to believe about X-Forwarded-Proto (so a TLS proxy makes request URLs https): Express's syntax.
app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback');
app.use(compression());

app.all(core.yoga.graphqlEndpoint, (req, res) => void core.yoga(req, res));

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
    getLoadContext: loadContextFor(core),
  }),
);

const server = app.listen(port, host, () => {
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
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
