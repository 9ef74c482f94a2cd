// Proof of scale-out: two app instances (each its own core, database pool, Redis connections and
// HTTP server) on one PostgreSQL database and one Redis. An edit made over HTTP through instance A
// reaches a subscriber of instance B within a second. PostgreSQL only (PGlite is one process's).
import { createDatabase, type Database } from '@lip/db';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCore, type Core } from '../src/index.ts';
import { bootCore, type TestCore } from './support/core.ts';
import { redisReachable, subscribe, TEST_REDIS_URL, tokenFor } from './support/live.ts';
import { testPlugins } from './support/plugins.ts';
import { CREATE, PLAN, type PlanData } from './support/queries.ts';

interface Instance {
  db: Database;
  core: Core;
  server: Server;
  url: string;
}

async function startInstance(databaseUrl: string, prefix: string): Promise<Instance> {
  const db = await createDatabase({ url: databaseUrl });
  const core = createCore({
    db,
    plugins: testPlugins,
    live: { redisUrl: TEST_REDIS_URL, prefix },
    onError: (error) => console.error(error),
  });
  const server = createServer(core.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { db, core, server, url: `http://127.0.0.1:${port}` };
}

async function stopInstance(instance: Instance) {
  instance.server.closeAllConnections();
  await new Promise((resolve) => instance.server.close(resolve));
  instance.core.mailer.stop();
  await instance.core.close();
  await instance.db.close();
}

const postgres = process.env.LIP_TEST_ENGINE === 'postgres';

describe.runIf(postgres && (await redisReachable()))(
  'two instances, one PostgreSQL, one Redis',
  () => {
    let t: TestCore;
    let a: Instance;
    let b: Instance;
    let planId: string;

    beforeAll(async () => {
      t = await bootCore(); // the test database, seeded with the demo partnerships
      const prefix = `lip-test:${randomUUID()}:`;
      a = await startInstance(t.db.url!, prefix);
      b = await startInstance(t.db.url!, prefix);
      planId = (await t.run<PlanData>(await t.as('icb@northshire.example'), PLAN)).partnerships
        .edges[0]!.node.plans.edges[0]!.node.id;
    });
    afterAll(async () => {
      await Promise.all([a && stopInstance(a), b && stopInstance(b)]);
      await t?.close();
    });

    test('an edit through A reaches a subscriber on B within a second', async () => {
      const events = await subscribe(
        fetch,
        b.url,
        planId,
        await tokenFor(fetch, b.url, 'lead@northshire.example'),
      );
      try {
        // No pause: B's stream starts only once Redis has acknowledged its subscription.
        const token = await tokenFor(fetch, a.url, 'icb@northshire.example');
        const started = Date.now();
        const response = await fetch(`${a.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: CREATE,
            variables: { input: { planId, sectionKey: 'health', title: 'Made on instance A' } },
          }),
        });
        const body = (await response.json()) as { data: { result: { data: { id: string } } } };
        const { data } = await events.next(1000);
        expect(Date.now() - started).toBeLessThan(1000);
        expect(data!.planEvents).toMatchObject({
          kind: 'COMMITMENT_CREATED',
          entityId: body.data.result.data.id,
          actor: { organisationName: expect.stringContaining('Integrated Care Board') },
        });
      } finally {
        events.close();
      }
    });
  },
);
