// planEvents over Server-Sent Events: who may subscribe, what an event says, that only committed
// writes are announced, presence, and fan-out between two cores through Redis.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCore, type Core } from '../src/index.ts';
import { bootCore, type TestCore } from './support/core.ts';
import {
  fetchOf,
  redisReachable,
  subscribe,
  TEST_REDIS_URL,
  tokenFor,
  type Fetch,
  type Subscription,
} from './support/live.ts';
import { testPlugins } from './support/plugins.ts';
import { CREATE, PLAN, UPDATE, type PlanData } from './support/queries.ts';
import { importCsv, LA, tidyCsv } from './fixtures/metrics/helpers.ts';

const BASE = 'http://lip.test';

let t: TestCore;
let http: Fetch;
let planId: string;

beforeAll(async () => {
  t = await bootCore();
  http = fetchOf(t.core);
  planId = (await t.run<PlanData>(await t.as('icb@northshire.example'), PLAN)).partnerships
    .edges[0]!.node.plans.edges[0]!.node.id;
});
afterAll(() => t?.close());

/** Runs `use` with a subscription to the plan's events as `email` (null: signed out), then closes it. */
async function asSubscriber(
  email: string | null,
  use: (events: Subscription) => Promise<void>,
): Promise<void> {
  const events = await subscribe(
    http,
    BASE,
    planId,
    email ? await tokenFor(http, BASE, email) : null,
  );
  try {
    await use(events);
  } finally {
    events.close();
  }
}

async function createCommitment(core: Core, title: string) {
  const result = await core.execute<{ result: { data: { id: string; version: number } } }>({
    document: CREATE,
    variables: { input: { planId, sectionKey: 'health', title } },
    context: await t.as('icb@northshire.example'),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.result.data;
}

describe('planEvents: background work', () => {
  test("a partnership's metric import, applied by a job, is announced on its plans with who started it", async () => {
    await asSubscriber('forum@northshire.example', async (events) => {
      const lead = await t.as('lead@northshire.example');
      await importCsv(
        t,
        lead,
        tidyCsv([['2019', 'Calendar year', 'Local authority', LA, 'EHC-06', '61']]),
      );
      for (;;) {
        const { data } = await events.next();
        if (data!.planEvents.kind !== 'METRIC_IMPORT_FINISHED') continue;
        expect(data!.planEvents).toMatchObject({
          entityType: 'ObservationImport',
          actor: { name: expect.stringMatching(/\S/), organisationName: expect.any(String) },
        });
        break;
      }
    });
  });
});

describe('planEvents: who may subscribe', () => {
  test('a member of the partnership gets events, naming the actor, the entity and the time', async () => {
    await asSubscriber('forum@northshire.example', async (events) => {
      const created = await createCommitment(t.core, 'Live: announced');
      const { data } = await events.next();
      expect(data!.planEvents).toMatchObject({
        kind: 'COMMITMENT_CREATED',
        entityType: 'Commitment',
        entityId: created.id,
        commitmentId: created.id,
        sectionKey: 'health',
        actor: {
          name: expect.any(String),
          organisationName: expect.stringContaining('Integrated Care Board'),
        },
      });
      expect(Date.now() - Date.parse(data!.planEvents.at)).toBeLessThan(60_000);
    });
  });

  test('someone of another partnership is refused, as if the plan did not exist', async () => {
    await asSubscriber('lead@southvale.example', async (events) => {
      const result = await events.next();
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.message).toMatch(/not found/i);
      await createCommitment(t.core, 'Live: not for strangers');
      expect(await events.quiet(500)).toBe(true);
    });
  });

  test('a stream open when its session ends carries nothing more, and ends', async () => {
    const token = await tokenFor(http, BASE, 'forum@northshire.example');
    const events = await subscribe(http, BASE, planId, token);
    try {
      await createCommitment(t.core, 'Live: seen while signed in');
      expect((await events.next()).data!.planEvents.kind).toBe('COMMITMENT_CREATED');
      const signOut = await http(`${BASE}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation { signOut }' }),
      });
      expect(await signOut.json()).toEqual({ data: { signOut: true } });
      await createCommitment(t.core, 'Live: not for a signed-out stream');
      expect(await events.quiet(1000)).toBe(true);
      expect(await events.ended(5000)).toBe(true);
    } finally {
      events.close();
    }
  });

  test('a signed-out caller is refused', async () => {
    await asSubscriber(null, async (events) => {
      const result = await events.next();
      expect(result.errors?.[0]?.message).toMatch(/not found/i);
    });
  });
});

describe('planEvents: what each write announces', () => {
  test('a section saved names its section; a comment is a COMMENT', async () => {
    await asSubscriber('viewer@northshire.example', async (events) => {
      const lead = await t.as('lead@northshire.example');
      const { plan } = await t.run<{ plan: { section: { version: number } } }>(
        lead,
        `query($p: ID!) { plan(id: $p) { section(key: "care") { version } } }`,
        { p: planId },
      );
      await t.run(
        lead,
        `mutation($input: UpdateSectionEasyReadInput!) { updateSectionEasyRead(input: $input) { __typename } }`,
        {
          input: {
            planId,
            sectionKey: 'care',
            version: plan.section.version,
            easyReadSummary: 'We help families get short breaks.',
          },
        },
      );
      expect((await events.next()).data!.planEvents).toMatchObject({
        kind: 'SECTION_SAVED',
        entityType: 'Section',
        sectionKey: 'care',
        commitmentId: null,
        actor: { name: lead.user!.name },
      });
      await t.run(
        await t.as('forum@northshire.example'),
        `mutation($input: AddCommentInput!) { addComment(input: $input) { __typename } }`,
        { input: { planId, sectionKey: 'health', body: 'Live comment.' } },
      );
      expect((await events.next()).data!.planEvents).toMatchObject({
        kind: 'COMMENT',
        entityType: 'Comment',
      });
    });
  });
});

describe('planEvents: only after commit', () => {
  test('a refused (stale) write announces nothing; the next saved one is announced', async () => {
    const created = await createCommitment(t.core, 'Live: versions');
    await asSubscriber('lead@northshire.example', async (events) => {
      const ctx = await t.as('icb@northshire.example');
      const stale = await t.core.execute<{ result: { __typename: string } }>({
        document: UPDATE,
        variables: { input: { id: created.id, version: created.version + 5, title: 'Stale' } },
        context: ctx,
      });
      expect(stale.data!.result.__typename).toBe('CommitmentConflictError');
      expect(await events.quiet(400)).toBe(true);
      await t.core.execute({
        document: UPDATE,
        variables: { input: { id: created.id, version: created.version, title: 'Saved' } },
        context: ctx,
      });
      const { data } = await events.next();
      expect(data!.planEvents).toMatchObject({ kind: 'COMMITMENT_CHANGED', entityId: created.id });
    });
  });

  test('a transaction that fails after appending its audit entry announces nothing', async () => {
    await asSubscriber('lead@northshire.example', async (events) => {
      // A section save whose transaction throws after appendAudit: the database refuses the
      // second half of a write, so the audit entry is rolled back and never announced.
      const created = await createCommitment(t.core, 'Live: rollback');
      await events.next();
      const { announcingAfterCommit } = await import('../src/live/index.ts');
      const { appendAudit } = await import('../src/services/audit.ts');
      const announced: unknown[] = [];
      const prisma = announcingAfterCommit(t.db.prisma, async (a) => void announced.push(...a));
      const ctx = await t.as('icb@northshire.example');
      await expect(
        prisma.$transaction(async (tx) => {
          await appendAudit(tx, ctx, undefined, {
            partnershipId: 'x',
            planId,
            entityType: 'Commitment',
            entityId: created.id,
            action: 'commitment.update',
          });
          throw new Error('refused after the audit entry');
        }),
      ).rejects.toThrow('refused after the audit entry');
      expect(announced).toEqual([]);
      await prisma.$transaction(async (tx) =>
        appendAudit(tx, ctx, undefined, {
          partnershipId: 'x',
          planId,
          entityType: 'Commitment',
          entityId: created.id,
          action: 'commitment.update',
        }),
      );
      expect(announced).toHaveLength(1);
      expect(await events.quiet(300)).toBe(true);
    });
  });
});

describe('presence', () => {
  const HEARTBEAT = /* GraphQL */ `
    mutation Beat($planId: ID!, $sectionKey: String) {
      heartbeat(planId: $planId, sectionKey: $sectionKey) {
        name
        organisationName
      }
    }
  `;
  const PRESENCE = /* GraphQL */ `
    query Presence($planId: ID!, $sectionKey: String) {
      plan(id: $planId) {
        presence(sectionKey: $sectionKey) {
          name
          organisationName
        }
      }
    }
  `;

  test('who else has the section open, excluding the viewer; strangers cannot beat', async () => {
    const icb = await t.as('icb@northshire.example');
    const lead = await t.as('lead@northshire.example');
    const first = await t.run<{ heartbeat: unknown[] }>(icb, HEARTBEAT, {
      planId,
      sectionKey: 'health',
    });
    expect(first.heartbeat).toEqual([]);
    const second = await t.run<{ heartbeat: { name: string; organisationName: string }[] }>(
      lead,
      HEARTBEAT,
      { planId, sectionKey: 'health' },
    );
    expect(second.heartbeat).toEqual([
      { name: icb.user!.name, organisationName: expect.stringContaining('Integrated Care Board') },
    ]);
    const elsewhere = await t.run<{ plan: { presence: unknown[] } }>(lead, PRESENCE, {
      planId,
      sectionKey: 'care',
    });
    expect(elsewhere.plan.presence).toEqual([]);
    const anywhere = await t.run<{ plan: { presence: { name: string }[] } }>(icb, PRESENCE, {
      planId,
    });
    expect(anywhere.plan.presence.map((p) => p.name)).toEqual([lead.user!.name]);

    const stranger = await t.core.execute({
      document: HEARTBEAT,
      variables: { planId, sectionKey: 'health' },
      context: await t.as('lead@southvale.example'),
    });
    expect(stranger.errors?.[0]?.message).toMatch(/not found/i);
  });
});

describe.runIf(await redisReachable())('through Redis', () => {
  test('an event on one core reaches a subscriber of another core on the same Redis', async () => {
    const live = { redisUrl: TEST_REDIS_URL, prefix: `lip-test:${randomUUID()}:` };
    const a = createCore({ db: t.db, plugins: testPlugins, live });
    const b = createCore({ db: t.db, plugins: testPlugins, live });
    try {
      const onB = fetchOf(b);
      const events = await subscribe(
        onB,
        BASE,
        planId,
        await tokenFor(onB, BASE, 'lead@northshire.example'),
      );
      try {
        // No pause: the stream starts only once Redis has acknowledged the subscription.
        const created = await createCommitment(a, 'Live: through Redis');
        const { data } = await events.next(2000);
        expect(data!.planEvents).toMatchObject({
          kind: 'COMMITMENT_CREATED',
          entityId: created.id,
        });
      } finally {
        events.close();
      }
      // Presence is shared too: a heartbeat on A is seen on B.
      const beat = `mutation($p: ID!) { heartbeat(planId: $p) { name } }`;
      await a.execute({
        document: beat,
        variables: { p: planId },
        context: await t.as('icb@northshire.example'),
      });
      const seen = await b.execute<{ heartbeat: { name: string }[] }>({
        document: beat,
        variables: { p: planId },
        context: await t.as('lead@northshire.example'),
      });
      expect(seen.data!.heartbeat.length).toBe(1);
    } finally {
      a.mailer.stop();
      b.mailer.stop();
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('a subscriber that falls behind', () => {
  test('loses the oldest events past its queue, and the publisher carries on', async () => {
    const { createLiveBus } = await import('../src/live/index.ts');
    const bus = createLiveBus(t.db.prisma, { queueLimit: 3 });
    const events = await bus.subscribe('p1');
    const audits = Array.from({ length: 10 }, (_, i) => ({
      partnershipId: 'x',
      planId: 'p1',
      entityType: 'Comment',
      entityId: String(i),
      action: 'comment.create',
      actor: null,
    }));
    await bus.publishAudits(audits);
    const first = await events.next();
    expect(first.value).toMatchObject({ kind: 'COMMENT', entityId: '7' });
    await bus.close();
    expect((await events.next()).done).toBe(true);
  });
});
