// Creating and editing commitments: validation, optimistic concurrency, audit, atomicity.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootCore, type TestCore } from './support/core.ts';
import { CREATE, PLAN, UPDATE, type MutationResult, type PlanData } from './support/queries.ts';

let t: TestCore;
let planId: string;
let areas: { id: string; code: string }[];

beforeAll(async () => {
  t = await bootCore();
  const plan = (await t.run<PlanData>(await t.as('icb@northshire.example'), PLAN)).partnerships
    .edges[0]!.node.plans.edges[0]!.node;
  planId = plan.id;
  areas = plan.framework.areas;
});
afterAll(() => t?.close());

async function create(input: Record<string, unknown>, email = 'icb@northshire.example') {
  const result = await t.core.execute<
    MutationResult<Record<string, unknown> & { id: string; version: number }>
  >({
    document: CREATE,
    variables: { input: { planId, sectionKey: 'health', ...input } },
    context: await t.as(email),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.result;
}

async function update(input: Record<string, unknown>, email = 'icb@northshire.example') {
  const result = await t.core.execute<
    MutationResult<{ id: string; title: string; version: number; standards: { code: string }[] }>
  >({
    document: UPDATE,
    variables: { input },
    context: await t.as(email),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.result;
}

describe('createCommitment', () => {
  test('creates a commitment with every field, the next reference and an audit entry', async () => {
    const result = await create({
      title: '  Jointly commissioned speech and language therapy  ',
      description: 'Therapists in every secondary school.',
      needAreas: ['CI', 'CI', 'SEMH'],
      phase: 'SECONDARY',
      supportLayer: 'TARGETED',
      progress: 'IN_PROGRESS',
      rating: 'AMBER',
      leadOfficer: '  Designated Clinical Officer  ',
      startDate: '2026-09-01',
      dueDate: '2027-07-31',
      budgetLine: 'ICB community services',
      budgetAmount: '£125,000.5',
      standardAreaIds: [areas[1]!.id, areas[0]!.id],
    });
    expect(result.__typename).toBe('MutationCreateCommitmentSuccess');
    expect(result.data).toMatchObject({
      reference: expect.stringMatching(/^HE-\d\d$/),
      title: 'Jointly commissioned speech and language therapy',
      version: 1,
      needAreas: ['CI', 'SEMH'],
      phase: 'SECONDARY',
      supportLayer: 'TARGETED',
      progress: 'IN_PROGRESS',
      rating: 'AMBER',
      ragStatus: 'AMBER',
      leadOfficer: 'Designated Clinical Officer',
      startDate: '2026-09-01',
      dueDate: '2027-07-31',
      budgetAmount: '125000.50',
      ownerOrganisation: { name: 'NHS Northshire Integrated Care Board' },
      section: { key: 'health' },
      standards: [{ code: areas[0]!.code }, { code: areas[1]!.code }],
      viewerCanEdit: true,
    });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entityType: 'Commitment', action: 'commitment.create' },
      orderBy: { id: 'desc' },
    });
    const icb = await t.db.prisma.user.findUniqueOrThrow({
      where: { email: 'icb@northshire.example' },
      include: { memberships: true },
    });
    expect(audit).toMatchObject({
      actorUserId: icb.id,
      actorOrganisationId: icb.memberships[0]!.organisationId,
      before: null,
    });
    expect(audit.after).toMatchObject({
      title: 'Jointly commissioned speech and language therapy',
    });
  });

  test('references keep counting up', async () => {
    const a = await create({ title: 'First' });
    const b = await create({ title: 'Second' });
    const n = (r: typeof a) => Number(String(r.data!.reference).slice(3));
    expect(n(b)).toBe(n(a) + 1);
  });

  test('every problem is reported at once, beside its field, and nothing is written', async () => {
    const before = await t.db.prisma.commitment.count();
    const result = await create({
      title: '   ',
      budgetAmount: 'lots',
      description: 'x'.repeat(5001),
    });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors).toEqual(
      expect.arrayContaining([
        { path: ['title'], message: 'Enter a title' },
        {
          path: ['budgetAmount'],
          message: 'Enter the budget amount in pounds, like 12500 or 12500.50',
        },
        { path: ['description'], message: 'Description must be 5,000 characters or fewer' },
      ]),
    );
    expect(await t.db.prisma.commitment.count()).toBe(before);
  });

  test('a start date after the due date is refused beside the start date', async () => {
    const result = await create({ title: 'Dates', startDate: '2027-01-01', dueDate: '2026-01-01' });
    expect(result.fieldErrors).toEqual([
      { path: ['startDate'], message: 'Start date must be the same as or before the due date' },
    ]);
    const sameDay = await create({
      title: 'Dates',
      startDate: '2027-01-01',
      dueDate: '2027-01-01',
    });
    expect(sameDay.__typename).toBe('MutationCreateCommitmentSuccess');
  });

  test('input rules and the rules that need the database are reported together', async () => {
    const before = await t.db.prisma.commitment.count();
    const otherFramework = await t.db.prisma.standardArea.findFirstOrThrow({
      where: { framework: { plans: { none: {} } } },
    });
    const { encodeGlobalId } = await import('../src/index.ts');
    const result = await create({
      title: '',
      budgetAmount: 'lots',
      startDate: '2027-06-01',
      dueDate: '2027-01-01',
      standardAreaIds: [encodeGlobalId('StandardArea', otherFramework.id)],
    });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors).toEqual([
      { path: ['title'], message: 'Enter a title' },
      {
        path: ['budgetAmount'],
        message: 'Enter the budget amount in pounds, like 12500 or 12500.50',
      },
      { path: ['standardAreaIds'], message: "Choose standards from this plan's framework" },
      { path: ['startDate'], message: 'Start date must be the same as or before the due date' },
    ]);
    expect(await t.db.prisma.commitment.count()).toBe(before);
  });

  test("standards must come from the plan's framework; owners from the partnership", async () => {
    const otherFramework = await t.db.prisma.standardArea.findFirstOrThrow({
      where: { framework: { plans: { none: {} } } },
    });
    const southvaleOrg = await t.db.prisma.organisation.findFirstOrThrow({
      where: { name: { contains: 'Southvale' } },
    });
    const { encodeGlobalId } = await import('../src/index.ts');
    const result = await create({
      title: 'Bad references',
      standardAreaIds: [encodeGlobalId('StandardArea', otherFramework.id)],
      ownerOrganisationId: encodeGlobalId('Organisation', southvaleOrg.id),
    });
    expect(result.fieldErrors).toEqual(
      expect.arrayContaining([
        { path: ['standardAreaIds'], message: "Choose standards from this plan's framework" },
        { path: ['ownerOrganisationId'], message: 'Choose an organisation in this partnership' },
      ]),
    );
  });

  test('an unknown section is not found', async () => {
    const result = await create({ sectionKey: 'astrology', title: 'Stars' });
    expect(result).toEqual({ __typename: 'NotFoundError', message: 'Section not found' });
  });

  test('an amount too large for the budget column is refused beside its field', async () => {
    const before = await t.db.prisma.commitment.count();
    const result = await create({ title: 'Huge', budgetAmount: '1,000,000,000,000.99' });
    expect(result.fieldErrors).toEqual([
      { path: ['budgetAmount'], message: 'Budget amount must be £999,999,999,999.99 or less' },
    ]);
    expect(await t.db.prisma.commitment.count()).toBe(before);
    const largest = await create({ title: 'Largest', budgetAmount: '£999,999,999,999.99' });
    expect(largest.data?.budgetAmount).toBe('999999999999.99');
  });

  test('dates outside 1900 to 2200 are refused with the range', async () => {
    const result = await create({ title: 'Dates', startDate: '0000-01-01', dueDate: '9999-12-31' });
    expect(result.fieldErrors).toEqual([
      {
        path: ['startDate'],
        message: 'Start date must be between 1 January 1900 and 31 December 2200',
      },
      {
        path: ['dueDate'],
        message: 'Due date must be between 1 January 1900 and 31 December 2200',
      },
    ]);
    const edges = await create({ title: 'Edges', startDate: '1900-01-01', dueDate: '2200-12-31' });
    expect(edges.__typename).toBe('MutationCreateCommitmentSuccess');
  });

  test('a date that is not real is reported beside its field', async () => {
    const result = await create({ title: 'Dates', startDate: '2026-02-30', dueDate: '31/12/2026' });
    expect(result.fieldErrors).toEqual([
      { path: ['startDate'], message: 'Start date must be a real date' },
      { path: ['dueDate'], message: 'Due date must be a real date' },
    ]);
  });
});

describe('updateCommitment', () => {
  test('updates the named fields only, increments the version and audits before and after', async () => {
    const created = (
      await create({ title: 'To edit', description: 'Keep me', dueDate: '2027-01-01' })
    ).data!;
    const result = await update({
      id: created.id,
      version: 1,
      title: 'Edited',
      standardAreaIds: [areas[2]!.id],
    });
    expect(result).toMatchObject({
      __typename: 'MutationUpdateCommitmentSuccess',
      data: {
        title: 'Edited',
        version: 2,
        standards: [{ code: areas[2]!.code }],
        dueDate: '2027-01-01',
      },
    });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'commitment.update' },
      orderBy: { id: 'desc' },
    });
    expect(audit.before).toMatchObject({ title: 'To edit', version: 1, description: 'Keep me' });
    expect(audit.after).toMatchObject({ title: 'Edited', version: 2, description: 'Keep me' });
  });

  test('a stale version is refused with the current record, and nothing is overwritten', async () => {
    const created = (await create({ title: 'Original' })).data!;
    expect((await update({ id: created.id, version: 1, title: 'Mine' })).__typename).toBe(
      'MutationUpdateCommitmentSuccess',
    );
    const stale = await update({ id: created.id, version: 1, title: 'Theirs' });
    expect(stale).toMatchObject({
      __typename: 'CommitmentConflictError',
      message: 'Someone else changed this commitment while you were editing it',
      current: { id: created.id, title: 'Mine', version: 2 },
    });
  });

  test('two simultaneous edits of the same version: exactly one wins', async () => {
    const created = (await create({ title: 'Race' })).data!;
    const results = await Promise.all([
      update({ id: created.id, version: 1, title: 'A' }),
      update({ id: created.id, version: 1, title: 'B' }, 'lead@northshire.example'),
    ]);
    const names = results.map((r) => r.__typename).sort();
    expect(names).toEqual(['CommitmentConflictError', 'MutationUpdateCommitmentSuccess']);
    const row = await t.db.prisma.commitment.findFirstOrThrow({
      where: { reference: String(created.reference) },
    });
    expect(row.version).toBe(2);
  });

  test('validation applies to updates too, and an explicit null title is refused', async () => {
    const created = (await create({ title: 'Valid' })).data!;
    const result = await update({
      id: created.id,
      version: 1,
      title: null,
      dueDate: '2020-01-01',
      startDate: '2021-01-01',
    });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors).toEqual([
      { path: ['title'], message: 'Enter a title' },
      { path: ['startDate'], message: 'Start date must be the same as or before the due date' },
    ]);
  });

  test('progress and rating are asked apart: complete keeps its rating, and null clears it', async () => {
    const created = (await create({ title: 'Progress', rating: 'RED' })).data!;
    expect(created).toMatchObject({ progress: 'NOT_STARTED', rating: 'RED', ragStatus: 'RED' });
    const done = await update({ id: created.id, version: 1, progress: 'COMPLETE' });
    expect(done.data).toMatchObject({ progress: 'COMPLETE', rating: 'RED', ragStatus: 'COMPLETE' });
    const cleared = await update({ id: created.id, version: 2, rating: null, leadOfficer: '' });
    expect(cleared.data).toMatchObject({ rating: null, leadOfficer: null, ragStatus: 'COMPLETE' });
  });

  test('a new start date is checked against the saved due date', async () => {
    const created = (await create({ title: 'Due soon', dueDate: '2027-01-01' })).data!;
    const result = await update({ id: created.id, version: 1, startDate: '2027-02-01' });
    expect(result.fieldErrors).toEqual([
      { path: ['startDate'], message: 'Start date must be the same as or before the due date' },
    ]);
    const row = await t.db.prisma.commitment.findFirstOrThrow({
      where: { reference: String(created.reference), title: 'Due soon' },
    });
    expect(row.startDate).toBeNull();
  });
});

describe('connections', () => {
  test("a plan's commitments come whole without `first`, and page with it", async () => {
    const ctx = await t.as('viewer@northshire.example');
    const total = await t.db.prisma.commitment.count({
      where: { plan: { partnership: { slug: 'northshire' } } },
    });
    const all = await t.run<{ plan: { commitments: { edges: unknown[] } } }>(
      ctx,
      'query($id: ID!) { plan(id: $id) { commitments { edges { cursor } } } }',
      { id: planId },
    );
    expect(all.plan.commitments.edges.length).toBe(total);
    expect(total).toBeGreaterThan(20);
    const page = await t.run<{
      plan: {
        commitments: {
          edges: { cursor: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    }>(
      ctx,
      'query($id: ID!, $after: String) { plan(id: $id) { commitments(first: 5, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } } }',
      { id: planId },
    );
    expect(page.plan.commitments.edges).toHaveLength(5);
    expect(page.plan.commitments.pageInfo.hasNextPage).toBe(true);
  });
});

describe('in-process execute applies the same limits as HTTP', () => {
  test('an alias flood is refused before execution', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: viewer { id }`).join(' ');
    const result = await t.core.execute({
      document: `{ ${aliases} }`,
      context: await t.as('icb@northshire.example'),
    });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/Aliases limit/);
  });
});

describe('deleteCommitment', () => {
  const DELETE = /* GraphQL */ `
    mutation Delete($input: DeleteCommitmentInput!) {
      result: deleteCommitment(input: $input) {
        __typename
        ... on MutationDeleteCommitmentSuccess {
          data {
            reference
            sectionKey
          }
        }
        ... on Error {
          message
        }
      }
    }
  `;
  async function remove(input: Record<string, unknown>, email: string) {
    const result = await t.core.execute<MutationResult<{ reference: string; sectionKey: string }>>({
      document: DELETE,
      variables: { input },
      context: await t.as(email),
    });
    expect(result.errors).toBeUndefined();
    return result.data!.result;
  }

  test('only someone who may change it may delete it; others are refused and nothing goes', async () => {
    const created = (await create({ title: 'Not yours' })).data!;
    for (const email of ['viewer@northshire.example', 'education@northshire.example']) {
      const refused = await remove({ id: created.id, version: 1 }, email);
      expect(refused.__typename).toBe('ForbiddenError');
    }
    const outsider = await remove({ id: created.id, version: 1 }, 'lead@southvale.example');
    expect(outsider.__typename).toBe('NotFoundError');
    expect(await t.db.prisma.commitment.count({ where: { title: 'Not yours' } })).toBe(1);
  });

  test('deletes it with its milestones and evidence, audits it, and leaves frozen versions alone', async () => {
    const created = (await create({ title: 'To delete' })).data!;
    const row = await t.db.prisma.commitment.findFirstOrThrow({ where: { title: 'To delete' } });
    await t.db.prisma.milestone.create({
      data: { commitmentId: row.id, title: 'First step', dueDate: new Date('2027-01-01') },
    });
    await t.db.prisma.evidence.create({
      data: { planId: row.planId, commitmentId: row.id, title: 'Minutes', description: 'Agreed' },
    });
    const frozen = await t.db.prisma.planVersion.findMany({ select: { id: true, snapshot: true } });

    const stale = await remove({ id: created.id, version: 0 }, 'lead@northshire.example');
    expect(stale.__typename).toBe('CommitmentConflictError');

    const result = await remove({ id: created.id, version: 1 }, 'lead@northshire.example');
    expect(result).toEqual({
      __typename: 'MutationDeleteCommitmentSuccess',
      data: { reference: row.reference, sectionKey: 'health' },
    });
    expect(await t.db.prisma.commitment.findUnique({ where: { id: row.id } })).toBeNull();
    expect(await t.db.prisma.milestone.count({ where: { commitmentId: row.id } })).toBe(0);
    expect(await t.db.prisma.evidence.count({ where: { commitmentId: row.id } })).toBe(0);
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: row.id, action: 'commitment.delete' },
    });
    expect(audit.before).toMatchObject({ title: 'To delete', reference: row.reference });
    expect(
      await t.db.prisma.planVersion.findMany({ select: { id: true, snapshot: true } }),
    ).toEqual(frozen);

    const again = await remove({ id: created.id, version: 1 }, 'lead@northshire.example');
    expect(again.__typename).toBe('NotFoundError');
  });
});
